import FootfallCore
import Foundation
import ZIPFoundation

/// Turns what a render wrote into the job's download list.
enum JobOutputs {
    static let stemsArchive = "stems.zip"
    static let timelineFile = "timeline.json"

    /// Names of the regular files directly in `out/`, plus `stems.zip` made from `out/stems/` when it has files, or
    /// promised when the render deferred its stems (`writeDeferredStems` makes it).
    static func collect(_ output: JobRenderOutput, in out: URL) throws -> [String] {
        try collect(in: out, stemsPromised: output.deferredStems != nil)
    }

    /// The same from the folder alone (a farm worker rendered it, stems and all).
    static func collect(in out: URL, stemsPromised: Bool = false) throws -> [String] {
        let fm = FileManager.default
        let stems = out.appendingPathComponent("stems", isDirectory: true)
        let stemFiles = stemNames(in: stems)
        if !stemFiles.isEmpty {
            try zipStems(stems, names: stemFiles, to: out.appendingPathComponent(stemsArchive))
        }
        var names = try fm.contentsOfDirectory(atPath: out.path).filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && fm.fileExists(atPath: out.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }
        if stemsPromised, !names.contains(stemsArchive) { names.append(stemsArchive) }
        return names.sorted()
    }

    /// The stems a render left for later, written into `out/stems/`, then their archive `out/stems.zip`.
    static func writeDeferredStems(
        _ stems: DeferredOutputs, in out: URL, isCancelled: @escaping @Sendable () -> Bool
    ) throws {
        try stems.write(isCancelled: isCancelled)
        if isCancelled() { throw CancellationError() }
        let folder = out.appendingPathComponent("stems", isDirectory: true)
        try zipStems(folder, names: stemNames(in: folder), to: out.appendingPathComponent(stemsArchive))
    }

    private static func stemNames(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
    }

    /// Stored, not deflated: WAV stems shrink little, and deflating a minute of 16 stems took longer than the whole
    /// rest of a re-render's files (0.7 s of 5.1 s for a 60 s clip, bench/rerender_bench.py).
    static func zipStems(_ folder: URL, names: [String], to archiveURL: URL) throws {
        let temp = archiveURL.deletingLastPathComponent().appendingPathComponent(".stems.\(UUID()).zip.tmp")
        defer { try? FileManager.default.removeItem(at: temp) }
        do {
            let archive = try Archive(url: temp, accessMode: .create)
            for name in names {
                try archive.addEntry(
                    with: "stems/" + name, relativeTo: folder.deletingLastPathComponent(), compressionMethod: .none)
            }
        }
        guard rename(temp.path, archiveURL.path) == 0 else {
            throw FootfallError.failure("could not write \(archiveURL.path) (errno \(errno))")
        }
    }

    /// Moves the steps JSON of the previous render (if any) out of `out/` to `previous.steps.json`, so the next
    /// render of the same upload can reuse the detected steps. Returns the kept file.
    static func keepSteps(from out: URL, in folder: URL) -> URL? {
        let kept = folder.appendingPathComponent("previous.steps.json")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        if let name = names.first(where: { $0.hasSuffix(".steps.json") && !$0.hasPrefix(".") }) {
            try? FileManager.default.removeItem(at: kept)
            try? FileManager.default.moveItem(at: out.appendingPathComponent(name), to: kept)
        }
        return FileManager.default.fileExists(atPath: kept.path) ? kept : nil
    }

    static func saveTimeline(_ document: StepsDocument, in folder: URL) throws {
        try AtomicFile.write(try document.encoded(), to: folder.appendingPathComponent(timelineFile))
    }

    static func loadTimeline(in folder: URL) -> StepsDocument? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(timelineFile)) else { return nil }
        return try? StepsDocument.decode(from: data)
    }

    /// A message for a person: Footfall's own errors already say what to do.
    static func message(for error: any Error) -> String {
        switch error {
        case let error as FootfallError: return error.description
        case is CancellationError:
            return "The render was stopped (the server is shutting down). Re-render to try again."
        default: return "The render failed: \(error)"
        }
    }
}
