import FootfallCore
import Foundation
import Testing

/// The registry an interrupt cleans up from, and a render's "created so far" list. Each test uses its own registry
/// (not `.shared`) and its own folder.
@Suite struct TemporaryFilesTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("footfall-tests")
            .appendingPathComponent("tempfiles-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
    func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }

    @Test func removeAllDeletesRegisteredFilesAndFoldersOnly() throws {
        let registry = TemporaryFiles()
        try Data("a".utf8).write(to: URL(fileURLWithPath: path("a.tmp")))
        try Data("b".utf8).write(to: URL(fileURLWithPath: path("b.tmp")))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path("keep.txt")))
        try FileManager.default.createDirectory(atPath: path("scratch/deep"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: path("scratch/deep/x.raw")))
        _ = registry.register(path("a.tmp"))
        let b = registry.register(path("b.tmp"))
        _ = registry.register(path("scratch"))
        _ = registry.register(path("never-created.tmp"))
        registry.unregister(b)
        #expect(registry.paths.count == 3)

        #expect(registry.removeAll() == 2)
        #expect(names() == ["b.tmp", "keep.txt"])
        #expect(registry.paths.isEmpty)
        TestFolder.remove(folder)
    }

    /// `-o /dev/null` or a named pipe: the bytes go in, the node stays (a rename onto it replaced /dev/null with a
    /// plain file, once, on a shared machine).
    @Test func writingToAPipeKeepsThePipe() async throws {
        let fifo = path("out.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(TemporaryFiles.isStream(fifo))
        #expect(!TemporaryFiles.isStream(folder.path))
        let reader = Task.detached { FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() }
        let registry = TemporaryFiles()
        try registry.writeAtomically(Data("steps".utf8), to: fifo)
        #expect(await reader.value == Data("steps".utf8))
        #expect(TemporaryFiles.isStream(fifo))
        #expect(names() == ["out.fifo"])
        TestFolder.remove(folder)
    }

    @Test func writeAtomicallyLeavesOnlyTheFinalFile() throws {
        let registry = TemporaryFiles()
        try registry.writeAtomically(Data("one".utf8), to: path("steps.json"))
        try registry.writeAtomically(Data("two".utf8), to: path("steps.json"))
        #expect(names() == ["steps.json"])
        #expect(try String(contentsOfFile: path("steps.json"), encoding: .utf8) == "two")
        #expect(registry.paths.isEmpty, "nothing stays registered outside a render")
        #expect(throws: FootfallError.self) {
            try registry.writeAtomically(Data("x".utf8), to: path("missing-folder/steps.json"))
        }
        #expect(registry.paths.isEmpty)
        TestFolder.remove(folder)
    }

    @Test func temporaryNamesAreHiddenAndKeepTheExtension() {
        let name = URL(fileURLWithPath: TemporaryFiles.temporaryPath(for: path("walk.footsteps.wav")))
        #expect(name.deletingLastPathComponent().path == folder.path)
        #expect(name.lastPathComponent.hasPrefix(".walk.footsteps.partial-"))
        #expect(name.pathExtension == "wav")
        TestFolder.remove(folder)
    }

    /// Inside a render, new outputs stay registered until it ends (so an interrupt removes them), then are let go.
    @Test func aFinishedRenderKeepsItsOutputs() async throws {
        let registry = TemporaryFiles()
        let out = path("out")
        try await PartialOutputs.tracking(folders: [out], registry: registry) {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try registry.writeAtomically(Data("{}".utf8), to: out + "/walk.steps.json")
            #expect(registry.paths.contains(out + "/walk.steps.json"))
        }
        #expect(registry.paths.isEmpty)
        #expect(FileManager.default.fileExists(atPath: out + "/walk.steps.json"))
        TestFolder.remove(folder)
    }

    /// A failed render removes what it created (files and the folders it made), not what was there before, and
    /// not files marked as not outputs (a cache).
    @Test func aFailedRenderRemovesOnlyWhatItCreated() async throws {
        let registry = TemporaryFiles()
        try Data("old".utf8).write(to: URL(fileURLWithPath: path("walk.footsteps.wav")))
        let stems = path("stems")
        await #expect(throws: FootfallError.self) {
            try await PartialOutputs.tracking(folders: [folder.path, stems], registry: registry) {
                try registry.writeAtomically(Data("new".utf8), to: path("walk.footsteps.wav"))
                try registry.writeAtomically(Data("{}".utf8), to: path("walk.steps.json"))
                try registry.writeAtomically(Data("clip".utf8), to: path("cache.audio"), isOutput: false)
                try FileManager.default.createDirectory(atPath: stems, withIntermediateDirectories: true)
                try registry.writeAtomically(Data("s".utf8), to: stems + "/walk.walker0.left.wav")
                throw FootfallError.failure("the mux failed")
            }
        }
        #expect(names() == ["cache.audio", "walk.footsteps.wav"])
        #expect(try String(contentsOfFile: path("walk.footsteps.wav"), encoding: .utf8) == "new")
        #expect(registry.paths.isEmpty)
        TestFolder.remove(folder)
    }

    /// What the interrupt handler does: inside a render, the outputs so far and every temporary file go.
    @Test func removeAllDuringARenderTakesItsOutputs() async throws {
        let registry = TemporaryFiles()
        try await PartialOutputs.tracking(folders: [path("out")], registry: registry) {
            try FileManager.default.createDirectory(atPath: path("out"), withIntermediateDirectories: true)
            try registry.writeAtomically(Data("{}".utf8), to: path("out/walk.steps.json"))
            let temporary = TemporaryFiles.temporaryPath(for: path("out/walk.footsteps.wav"))
            _ = registry.register(temporary)
            FileManager.default.createFile(atPath: temporary, contents: Data("half".utf8))
            #expect(registry.removeAll() == 3)
        }
        #expect(names().isEmpty)
        TestFolder.remove(folder)
    }
}

enum TestFolder {
    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }
}
