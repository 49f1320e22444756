import Foundation
import MocapSimulation

/// The BVH clips of a mocap folder with their contacts, read in parallel.
enum ClipLibrary {
    static func load(directory: URL, only names: [String] = []) async throws -> [MocapClip] {
        let contacts = try ContactTruth.load(contactsJSON: directory.appendingPathComponent("contacts.json"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("cmu_") && $0.hasSuffix(".bvh") }
            .filter { f in names.isEmpty || names.contains { f.hasPrefix($0) } }
            .sorted()
        return try await withThrowingTaskGroup(of: MocapClip.self) { group in
            for file in files {
                guard let truth = contacts[file] else { throw MocapError.unknownClip(file) }
                let url = directory.appendingPathComponent(file)
                group.addTask { try BVHClipReader.read(url: url, contacts: truth) }
            }
            var clips: [MocapClip] = []
            for try await clip in group { clips.append(clip) }
            return clips.sorted { $0.name < $1.name }
        }
    }
}
