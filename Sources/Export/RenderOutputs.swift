import FootfallCore
import Foundation
import Logging
import MediaIO
import Mix

/// Writes a render's deliverables: the Broadcast WAV, the video with the new track, the stems, the steps JSON and
/// the DAW marker files. Every file is written to a temporary name in its folder and renamed when complete; existing
/// outputs are refused unless `force`, and the input video is never written over.
public enum RenderOutputs {
    static let logger = Logger(label: "footfall.export")

    /// Where each output goes, without writing anything.
    public struct Plan: Sendable, Equatable {
        public var audio: String
        public var video: String?
        public var stems: [(key: StemKey, path: String)]
        public var steps: String
        public var markers: [(format: MarkerFormat, path: String)]
        /// `<name>.steps.mid` and `<name>.otio`, with the markers.
        public var interchange: [String] = []
        /// `<name>.credits.txt`, when the render used recordings.
        public var credits: String? = nil

        public var all: [String] {
            [steps] + (credits.map { [$0] } ?? []) + markers.map(\.path) + interchange + [audio]
                + stems.map(\.path) + (video.map { [$0] } ?? [])
        }

        public static func == (a: Plan, b: Plan) -> Bool { a.all == b.all }
    }

    public static func plan(_ request: RenderOutputRequest) -> Plan {
        let folder = URL(fileURLWithPath: request.folder)
        let name = request.baseName
        func file(_ suffix: String, in dir: URL = folder) -> String { dir.appendingPathComponent(name + suffix).path }
        let stemsFolder = folder.appendingPathComponent("stems")
        let stems: [(key: StemKey, path: String)] =
            request.options.writeStems
            ? (request.stems?.keys ?? []).map { ($0, file(".\($0).wav", in: stemsFolder)) } : []
        let markers: [(format: MarkerFormat, path: String)] =
            request.options.writeMarkers
            ? markerFormats.map { ($0, file(".\($0.fileExtension)")) } : []
        return Plan(
            audio: file(".footsteps.wav"),
            video: request.options.writeVideo ? file(".footsteps.\(request.options.container.rawValue)") : nil,
            stems: stems, steps: file(".steps.json"), markers: markers,
            interchange: request.options.writeMarkers ? interchangeFormats.map { file($0.suffix) } : [],
            credits: request.credits == nil ? nil : file(creditsSuffix))
    }

    @discardableResult
    public static func write(_ request: RenderOutputRequest) throws -> RenderedFiles {
        let plan = plan(request)
        try checkTargets(plan, request: request)
        try createFolder(request.folder)
        if !plan.stems.isEmpty {
            try createFolder(URL(fileURLWithPath: request.folder).appendingPathComponent("stems").path)
        }
        if request.options.force {
            removeStaleStems(plan, request: request)
            removeStaleCredits(plan, request: request)
        }

        let json = try request.document.encoded()
        try AtomicFile.write(json + Data("\n".utf8), to: plan.steps)
        try writeCredits(plan, request: request)
        try writeMarkers(plan.markers, request: request)
        try writeInterchange(plan, request: request)

        let stems = stemWriter(plan, request: request)
        let deferred = request.options.deferStems
        // The MP4 (its AAC encoding is the longest write) on another core, the WAV and the stems on this one.
        let video = plan.video
        let (mux, _) = try inParallel({ try video.map { try writeVideo(to: $0, request: request) } }) {
            try WAVWriter.write(
                request.mix, to: plan.audio, format: request.options.wavFormat,
                broadcast: broadcastInfo(request, what: "footstep track"), cues: cuePoints(request))
            if !deferred { try stems?.write() }
        }

        var files = RenderedFiles(
            audio: plan.audio, video: plan.video, stems: deferred ? [] : plan.stems.map(\.path), steps: plan.steps,
            markers: plan.markers.map(\.path), interchange: plan.interchange, mux: mux, credits: plan.credits)
        if deferred { files.deferredStems = stems }
        logger.info("wrote \(files.all.count) files", metadata: ["folder": "\(request.folder)"])
        return files
    }

    /// Refuses before writing anything: outputs that exist (unless forced), outputs that are the input video.
    static func checkTargets(_ plan: Plan, request: RenderOutputRequest) throws {
        guard !request.baseName.isEmpty, !request.baseName.contains("/") else {
            throw FootfallError.usage("the output name '\(request.baseName)' must be a plain file name")
        }
        let input = AtomicFile.canonical(request.sourceVideo)
        for path in plan.all where AtomicFile.canonical(path) == input {
            throw FootfallError.usage(
                "the output '\(path)' would replace the input video; choose another output folder or name")
        }
        guard !request.options.force else { return }
        let existing = plan.all.filter { FileManager.default.fileExists(atPath: $0) }
        if let first = existing.first {
            let more = existing.count > 1 ? " (and \(existing.count - 1) more)" : ""
            throw FootfallError.usage(
                "'\(first)'\(more) already exists; pass --force to replace it, or choose another output folder")
        }
    }

    /// A forced re-render with fewer walkers would leave the old walkers' stems behind, looking current.
    static func removeStaleStems(_ plan: Plan, request: RenderOutputRequest) {
        let folder = URL(fileURLWithPath: request.folder).appendingPathComponent("stems")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let current = Set(plan.stems.map { URL(fileURLWithPath: $0.path).lastPathComponent })
        for name in names
        where (name.hasPrefix("\(request.baseName).walker") || name.hasPrefix("\(request.baseName).others"))
            && name.hasSuffix(".wav") && !current.contains(name)
        {
            let path = folder.appendingPathComponent(name).path
            guard AtomicFile.canonical(path) != AtomicFile.canonical(request.sourceVideo) else { continue }
            logger.info("removing the stale stem \(path)")
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    static func createFolder(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw FootfallError.usage("the output folder '\(path)' is a file; choose a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FootfallError.failure("cannot create the output folder '\(path)': \(error.localizedDescription)")
        }
    }

    static func broadcastInfo(_ request: RenderOutputRequest, what: String) -> BroadcastInfo {
        let video = URL(fileURLWithPath: request.sourceVideo).lastPathComponent
        var text = "Footfall \(what) for \(video): \(request.document.steps.count) steps"
        if let render = request.document.render {
            text += ", backend \(render.backend), seed \(render.seed)"
            if let scene = render.scene { text += ", \(scene.rawValue)" }
        }
        let reference = request.document.render.map { "seed \($0.seed)" } ?? ""
        return BroadcastInfo(
            description: String(text.prefix(256)), originator: "Footfall",
            originatorReference: String(reference.prefix(32)),
            timeReference: 0, now: request.options.createdAt)
    }
}
