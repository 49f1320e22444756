import Export
import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Mix
import Sound
import Testing

/// A short rendered mix with two walkers, from mock sounds, plus its steps document.
private func renderedMix(seed: UInt64 = 7) throws -> (Mixer.Output, StepsDocument) {
    let info = VideoInfo(
        path: "/videos/walk.mp4", container: "mp4", videoCodec: "h264", codedWidth: 640, codedHeight: 360, rotation: 0,
        frameRate: 30, isVariableFrameRate: false, duration: 2.0, frameCount: 60, audioStreams: [])
    let steps = (0..<6).map { i in
        StepEvent(
            time: 0.2 + Double(i) * 0.27, frame: 6 + i * 8, walker: i % 2, foot: i / 2 % 2 == 0 ? .left : .right,
            confidence: 0.9, position: Point2D(x: Double(100 + i * 80), y: 300), walkerHeight: i % 2 == 0 ? 200 : 120)
    }
    let plan = PlanBuilder().build(steps: steps, video: info, seed: seed, scene: .indoor)
    let sounds = plan.steps.map { planned -> FootstepSound in
        var rng = SeededRandom(seed: planned.seed)
        let x = (0..<3_000).map { i in Float(exp(-Double(i) / 300) * rng.uniform(-0.8...0.8)) }
        return FootstepSound(audio: AudioBuffer(channels: [x]), transientIndex: 0)
    }
    let output = try Mixer().render(plan: plan, sounds: sounds)
    let document = StepsDocument(
        video: .init(info), steps: plan.steps.map(\.step),
        render: .init(backend: "procedural", seed: seed, scene: .indoor))
    return (output, document)
}

private let fixedDate = Date(timeIntervalSince1970: 1_790_000_000)

private func request(in folder: URL, force: Bool = false, source: String = "/videos/walk.mp4") throws
    -> RenderOutputRequest
{
    let (out, doc) = try renderedMix()
    return RenderOutputRequest(
        folder: folder.path, baseName: "walk", mix: out.mix, stems: out.stems, document: doc, sourceVideo: source,
        options: .init(force: force, writeVideo: false, createdAt: fixedDate))
}

@Test func writesBroadcastWAVWithBextChunk() throws {
    let folder = try TestFiles.temporaryDirectory("export-bwf")
    defer { TestFiles.remove(folder) }
    let files = try RenderOutputs.write(request(in: folder))
    #expect(files.audio.hasSuffix("/walk.footsteps.wav"))

    let riff = try RIFFChunks(path: files.audio)
    let fmt = [UInt8](try #require(riff.chunks["fmt "]))
    #expect(RIFFChunks.uint16(fmt, 2) == 2)  // channels
    #expect(RIFFChunks.uint32(fmt, 4) == 48_000)
    #expect(RIFFChunks.uint16(fmt, 14) == 24)  // bits per sample
    let bext = [UInt8](try #require(riff.chunks["bext"]))
    #expect(bext.count >= 602)
    let description = RIFFChunks.text(bext, 0..<256)
    #expect(description.contains("walk.mp4"))
    #expect(description.contains("seed 7"))
    #expect(RIFFChunks.text(bext, 256..<288) == "Footfall")
    #expect(RIFFChunks.text(bext, 288..<320) == "seed 7")
    #expect(RIFFChunks.text(bext, 320..<330) == "2026-09-21")
    #expect(RIFFChunks.text(bext, 330..<338) == "14:13:20")
    #expect(RIFFChunks.uint32(bext, 338) == 0 && RIFFChunks.uint32(bext, 342) == 0)  // TimeReference
    // The bext chunk comes before the audio, as BWF readers expect.
    #expect((riff.order.firstIndex(of: "bext") ?? 99) < (riff.order.firstIndex(of: "data") ?? -1))
    let data = try #require(riff.chunks["data"])
    #expect(data.count == 2 * 3 * 96_000)
}

@Test func writesStemsStepsAndMarkersWithoutLeavingTemporaryFiles() throws {
    let folder = try TestFiles.temporaryDirectory("export-all")
    defer { TestFiles.remove(folder) }
    let files = try RenderOutputs.write(request(in: folder))
    #expect(
        files.stems.map { URL(fileURLWithPath: $0).lastPathComponent } == [
            "walk.walker0.left.wav", "walk.walker0.right.wav", "walk.walker1.left.wav", "walk.walker1.right.wav",
        ])
    for path in files.all { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
    let doc = try StepsDocument.decode(from: Data(contentsOf: URL(fileURLWithPath: files.steps)))
    #expect(doc.steps.count == 6)
    #expect(doc.steps.allSatisfy { $0.gainDB != nil && $0.pan != nil })
    #expect(files.markers.count == 3)

    let names =
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
        + FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("stems").path)
    #expect(!names.contains { $0.hasPrefix(".") || $0.contains("partial") || $0.contains("tmp") }, "\(names)")
    for stem in files.stems {
        let contents = try WAVReader.read(stem)
        #expect(contents.audio.frameCount == 96_000)
    }
}

@Test func refusesToOverwriteWithoutForce() throws {
    let folder = try TestFiles.temporaryDirectory("export-force")
    defer { TestFiles.remove(folder) }
    let first = try RenderOutputs.write(request(in: folder))
    let before = try Data(contentsOf: URL(fileURLWithPath: first.audio))
    #expect(throws: FootfallError.self) { try RenderOutputs.write(request(in: folder)) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: first.audio)) == before)
    // A stem from an earlier render with more walkers goes away on a forced re-render; unrelated files stay.
    let stale = folder.appendingPathComponent("stems/walk.walker9.left.wav").path
    let unrelated = folder.appendingPathComponent("stems/notes.txt").path
    try Data([1]).write(to: URL(fileURLWithPath: stale))
    try Data([2]).write(to: URL(fileURLWithPath: unrelated))
    let again = try RenderOutputs.write(request(in: folder, force: true))
    #expect(again.audio == first.audio)
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(FileManager.default.fileExists(atPath: unrelated))
}

@Test func neverWritesOverTheInputEvenWithForce() throws {
    let folder = try TestFiles.temporaryDirectory("export-input")
    defer { TestFiles.remove(folder) }
    let input = folder.appendingPathComponent("walk.steps.json").path
    try Data("original".utf8).write(to: URL(fileURLWithPath: input))
    #expect(throws: FootfallError.self) { try RenderOutputs.write(request(in: folder, force: true, source: input)) }
    #expect(try String(contentsOfFile: input, encoding: .utf8) == "original")
}

@Test func samePlanAndSeedGiveByteIdenticalWAV() throws {
    let a = try TestFiles.temporaryDirectory("export-det-a")
    let b = try TestFiles.temporaryDirectory("export-det-b")
    defer {
        TestFiles.remove(a)
        TestFiles.remove(b)
    }
    let fa = try RenderOutputs.write(request(in: a))
    let fb = try RenderOutputs.write(request(in: b))
    let wavA = try Data(contentsOf: URL(fileURLWithPath: fa.audio))
    let wavB = try Data(contentsOf: URL(fileURLWithPath: fb.audio))
    #expect(wavA == wavB)
    #expect(wavA.count > 500_000)
    // A different seed gives different sounds, so a different file.
    let c = try TestFiles.temporaryDirectory("export-det-c")
    defer { TestFiles.remove(c) }
    let (out, doc) = try renderedMix(seed: 8)
    let fc = try RenderOutputs.write(
        RenderOutputRequest(
            folder: c.path, baseName: "walk", mix: out.mix, stems: nil, document: doc, sourceVideo: "/videos/walk.mp4",
            options: .init(writeVideo: false, createdAt: fixedDate)))
    #expect(try Data(contentsOf: URL(fileURLWithPath: fc.audio)) != wavA)
    #expect(fc.stems.isEmpty)
}

/// The web interface defers the stems (issue 18): the render writes everything else, and the stems written later are
/// the same bytes the render would have written with the rest.
@Test func deferredStemsAreWrittenLaterAsTheyWouldHaveBeen() throws {
    let now = try TestFiles.temporaryDirectory("export-stems-now")
    let later = try TestFiles.temporaryDirectory("export-stems-later")
    defer {
        TestFiles.remove(now)
        TestFiles.remove(later)
    }
    let written = try RenderOutputs.write(request(in: now))
    #expect(written.deferredStems == nil)
    #expect(written.stems.count == 4)

    var deferring = try request(in: later)
    deferring.options.deferStems = true
    let files = try RenderOutputs.write(deferring)
    let stems = try #require(files.deferredStems)
    #expect(files.stems.isEmpty)
    #expect(
        stems.paths.map { URL(fileURLWithPath: $0).lastPathComponent }
            == written.stems.map {
                URL(fileURLWithPath: $0).lastPathComponent
            })
    for path in stems.paths { #expect(!FileManager.default.fileExists(atPath: path), "\(path) written too early") }
    for path in files.all { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
    // The OTIO names the stems as clips already: they are where it says once written.
    let otio = try String(
        contentsOfFile: try #require(files.interchange.first { $0.hasSuffix(".otio") }), encoding: .utf8)
    #expect(otio.contains("walk.walker0.left.wav"))

    try stems.write()
    for (a, b) in zip(written.stems, stems.paths) {
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b), "\(b)")
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: later.appendingPathComponent("stems").path)
        .filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
}

/// A cancelled deferred write stops between two stems and leaves no half file.
@Test func cancelledDeferredStemsStopBetweenFiles() throws {
    let folder = try TestFiles.temporaryDirectory("export-stems-cancel")
    defer { TestFiles.remove(folder) }
    var deferring = try request(in: folder)
    deferring.options.deferStems = true
    let stems = try #require(try RenderOutputs.write(deferring).deferredStems)
    let calls = Counter()
    #expect(throws: CancellationError.self) { try stems.write(isCancelled: { calls.next() > 1 }) }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("stems").path)
    #expect(names.sorted() == ["walk.walker0.left.wav", "walk.walker0.right.wav"])
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            defer { count += 1 }
            return count
        }
    }
}
