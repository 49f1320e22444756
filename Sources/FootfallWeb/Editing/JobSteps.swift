import FootfallCore
import Foundation

/// The step files a job keeps in its folder between renders:
/// - `detected.steps.json`: what the last full render (pose, steps, surface detection) found — the base;
/// - `edits.json`: a person's corrections (`StepEdits`), used by every later render;
/// - `picture.mp4`: the full render's MP4, whose picture later renders copy instead of re-encoding the upload.
enum JobSteps {
    static let baseFile = "detected.steps.json"
    static let editsFile = "edits.json"
    static let pictureFile = "picture.mp4"
    static let renderInputFile = "render-input.steps.json"

    static func loadBase(in folder: URL) -> StepsDocument? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(baseFile)) else { return nil }
        return try? StepsDocument.decode(from: data)
    }

    static func saveBase(_ document: StepsDocument, in folder: URL) throws {
        try AtomicFile.write(try document.encoded(), to: folder.appendingPathComponent(baseFile))
    }

    static func loadEdits(in folder: URL) -> StepEdits? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(editsFile)) else { return nil }
        return try? JSONDecoder.footfallWeb.decode(StepEdits.self, from: data)
    }

    static func saveEdits(_ edits: StepEdits, in folder: URL) throws {
        try AtomicFile.write(try JSONEncoder.footfallWeb.encode(edits), to: folder.appendingPathComponent(editsFile))
    }

    static func picture(in folder: URL) -> String? {
        let path = folder.appendingPathComponent(pictureFile).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Keeps the full render's MP4 as the picture for later renders: a hard link (no copy) that outlives `out/`.
    static func keepPicture(from out: URL, files: [String], in folder: URL) {
        guard let name = files.first(where: { $0.hasSuffix(".footsteps.mp4") }) else { return }
        let target = folder.appendingPathComponent(pictureFile)
        try? FileManager.default.removeItem(at: target)
        let source = out.appendingPathComponent(name)
        if link(source.path, target.path) != 0 { try? FileManager.default.copyItem(at: source, to: target) }
    }

    /// A base rendered with one surface forced for the whole clip knows no detected surfaces: a render that asks to
    /// detect them has to look at the video again.
    static func lacksDetectedSurfaces(_ base: StepsDocument) -> Bool {
        let segments = base.surfaces ?? []
        return segments.contains { $0.source == .override && $0.walker == nil && $0.start <= 0 }
            && !segments.contains { $0.source == .detected }
    }
}
