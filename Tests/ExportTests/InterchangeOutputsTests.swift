import Export
import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Mix
import Testing

/// The MIDI file, OpenTimelineIO timeline and WAV cue points a render writes, each parsed back against the steps.
@Suite struct InterchangeOutputsTests {
    static let steps: [StepEvent] = (0..<7).map { i in
        StepEvent(
            time: 0.1234567 + Double(i) * 0.2613, frame: 4 + i * 8, walker: i % 3, foot: i % 2 == 0 ? .left : .right,
            confidence: 1, surface: i == 2 ? "gravel" : nil, gainDB: -Double(i))
    }

    func written(in folder: URL) throws -> RenderedFiles {
        let mix = AudioBuffer(
            sampleRate: 48_000, channels: [[Float](repeating: 0, count: 96_000), [Float](repeating: 0, count: 96_000)])
        let document = StepsDocument(
            video: .init(file: "walk.mp4", width: 640, height: 360, duration: 2, frameRate: 30), steps: Self.steps)
        return try RenderOutputs.write(
            RenderOutputRequest(
                folder: folder.path, baseName: "walk", mix: mix, stems: nil, document: document,
                sourceVideo: "/videos/walk.mp4", options: .init(writeVideo: false)))
    }

    @Test func midiHasOneNotePerStepOnExactTicks() throws {
        let folder = try TestFiles.temporaryDirectory("interchange-midi")
        defer { TestFiles.remove(folder) }
        let files = try written(in: folder)
        let path = try #require(files.interchange.first { $0.hasSuffix("/walk.steps.mid") })
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: Array("MThd".utf8)))
        #expect(bytes[8...13] == [0, 1, 0, 2, 0x03, 0xC0])  // format 1, two tracks, 960 ticks a quarter
        #expect(bytes.count > 22 && Data(bytes).range(of: Data([0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20])) != nil)

        let back = try StepsMIDI.parse(Data(bytes), source: path, frameRate: 30)
        #expect(back.count == Self.steps.count)
        for (a, b) in zip(Self.steps, back) {
            #expect(abs(a.time - b.time) <= 0.5 / 1920 + 1e-9, "\(a.time) vs \(b.time)")
            #expect(a.walker == b.walker && a.foot == b.foot)
        }
        #expect(
            back.map { StepsMIDI.velocity(gainDB: $0.gainDB) }
                == Self.steps.map { StepsMIDI.velocity(gainDB: $0.gainDB) })
        #expect(StepsMIDI.velocity(gainDB: 0) == 127 && StepsMIDI.velocity(gainDB: -6) == 64)
        // Markers alone (as Pro Tools exports them) read back too, named like the DAW markers.
        let markersOnly = Data(bytes[0..<(22 + Int(bigEndian32(bytes, at: 18)))])
        let fromMarkers = try StepsMIDI.parse(markersOnly, source: path, frameRate: 30)
        #expect(fromMarkers.map(\.walker) == Self.steps.map(\.walker))
        #expect(fromMarkers.map(\.surface) == Self.steps.map(\.surface))
    }

    /// A MIDI chunk length (big-endian, unlike RIFF's).
    func bigEndian32(_ b: [UInt8], at o: Int) -> UInt32 {
        UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])
    }

    @Test func otioTimelineHasTheMediaAndOneMarkerPerStep() throws {
        let folder = try TestFiles.temporaryDirectory("interchange-otio")
        defer { TestFiles.remove(folder) }
        let files = try written(in: folder)
        let path = try #require(files.interchange.first { $0.hasSuffix("/walk.otio") })
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["OTIO_SCHEMA"] as? String == "Timeline.1")
        let stack = try #require(root["tracks"] as? [String: Any])
        #expect(stack["OTIO_SCHEMA"] as? String == "Stack.1")
        let tracks = try #require(stack["children"] as? [[String: Any]])
        #expect(tracks.map { $0["kind"] as? String } == ["Video", "Audio"])
        let clips = tracks.compactMap { ($0["children"] as? [[String: Any]])?.first }
        #expect(clips.allSatisfy { $0["OTIO_SCHEMA"] as? String == "Clip.2" })
        let urls = clips.compactMap {
            (($0["media_references"] as? [String: Any])?["DEFAULT_MEDIA"] as? [String: Any])?["target_url"] as? String
        }
        #expect(urls == ["file:///videos/walk.mp4", URL(fileURLWithPath: files.audio).absoluteString])
        let markers = try #require(stack["markers"] as? [[String: Any]])
        #expect(markers.count == Self.steps.count)
        #expect(markers.allSatisfy { $0["OTIO_SCHEMA"] as? String == "Marker.2" })

        let back = try StepsOTIO.parse(data, source: path, frameRate: 30)
        #expect(back.count == Self.steps.count)
        for (a, b) in zip(Self.steps, back) {
            #expect(abs(a.time - b.time) <= 0.5 / 48_000 + 1e-9, "\(a.time) vs \(b.time)")
            #expect(a.walker == b.walker && a.foot == b.foot && a.surface == b.surface)
        }
    }

    @Test func footstepWAVCarriesSampleExactCuePointsWithLabels() throws {
        let folder = try TestFiles.temporaryDirectory("interchange-cue")
        defer { TestFiles.remove(folder) }
        let files = try written(in: folder)
        let riff = try RIFFChunks(path: files.audio)
        let cue = [UInt8](try #require(riff.chunks["cue "]))
        #expect(RIFFChunks.uint32(cue, 0) == UInt32(Self.steps.count))
        let samples = (0..<Self.steps.count).map { RIFFChunks.uint32(cue, 4 + $0 * 24 + 20) }
        #expect(samples == Self.steps.map { UInt32(($0.time * 48_000).rounded()) })
        let list = [UInt8](try #require(riff.chunks["LIST"]))
        #expect(String(decoding: list[0..<4], as: UTF8.self) == "adtl")
        var labels: [String] = []
        var o = 4
        while o + 12 <= list.count {
            let size = Int(RIFFChunks.uint32(list, o + 4))
            labels.append(RIFFChunks.text(list, (o + 12)..<(o + 8 + size)))
            o += 8 + size + (size & 1)
        }
        #expect(labels == Self.steps.map(MarkerFormats.label(for:)))
        // libsndfile still reads the file whole, and the RIFF size covers the appended chunk.
        let wav = try WAVReader.read(files.audio)
        #expect(wav.audio.frameCount == 96_000)
        let size = try FileManager.default.attributesOfItem(atPath: files.audio)[.size] as? Int
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: files.audio)).prefix(8))
        #expect(Int(RIFFChunks.uint32(bytes, 4)) + 8 == size)
    }

    @Test func renderStepsReadsTheMIDIAndOTIOBack() throws {
        let folder = try TestFiles.temporaryDirectory("interchange-read")
        defer { TestFiles.remove(folder) }
        let files = try written(in: folder)
        for path in files.interchange {
            let c = try StepsFileReader.read(path: path, frameRate: 30)
            #expect(c.format == (path.hasSuffix(".otio") ? .otio : .midi))
            #expect(c.document.steps.count == Self.steps.count)
        }
    }
}
