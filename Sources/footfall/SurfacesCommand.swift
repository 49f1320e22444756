import ArgumentParser
import FootfallCore
import Foundation
import Logging
import MediaIO
import Steps
import Surface

/// `footfall surfaces`: what each step lands on, with confidence, and a contact sheet of what it looked at.
struct SurfacesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "surfaces",
        abstract: "Guess the ground each step lands on (and indoor/outdoor), with confidence.",
        discussion: """
            Crops the ground around every heel strike, classifies it with transparent colour/texture/edge
            features (Sources/Surface/Resources/surface_prototypes.json), smooths the guesses per walker and
            prints the segments. Unclear stretches fall back to the default surface with a warning.

            Examples:
              footfall surfaces clip.mp4 --steps out/clip.steps.json --sheet out/clip.surfaces.png
              footfall surfaces clip.mp4 --pose clip.pose.json     # steps detected from the poses
              footfall surfaces clip.mp4                        # no steps: probes the bottom centre every second
              footfall surfaces clip.mp4 --steps steps.json --surface gravel   # override for the whole clip
              footfall surfaces clip.mp4 --steps in.steps.json -o out.steps.json   # save, edit, re-run
            To correct one stretch, add to the steps JSON's "surfaces" an entry like
              {"walker": 1, "start": 2.0, "end": 4.5, "surface": "gravel", "confidence": 1, "source": "override"}
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The video.")
    var video: String

    @Option(help: "Steps JSON (e.g. from 'footfall render'); its 'surfaces' entries with source \"override\" win.")
    var steps: String?

    @Option(
        help:
            "Pose JSON (from 'footfall pose'): finds the steps when --steps is not given, and places steps that carry no position."
    )
    var pose: String?

    @Option(help: "Write a contact sheet of the ground patches (PNG; PPM for a .ppm name).")
    var sheet: String?

    @Option(help: "Surface for the whole clip instead of detecting it (e.g. gravel, wood, grass).")
    var surface: String?

    @Option(
        name: .customLong("default-surface"), help: "Surface for stretches too unclear to call (default: concrete).")
    var defaultSurface: String?

    @Flag(help: "Replace the contact sheet or steps JSON if it exists.")
    var force = false

    @Flag(help: "Print the result as JSON (scene, segments, steps with surfaces) instead of text.")
    var json = false

    @Option(
        name: .shortAndLong,
        help: "Write a steps JSON with each step's surface, the segments in 'surfaces' and the scene (never the input)."
    )
    var output: String?

    func run() async throws {
        global.bootstrap()
        InterruptHandler.install()
        try await runReportingErrors {
            let fallback = try defaultSurface.map { try SurfaceKind.parse($0) }
            for path in [sheet, output].compactMap({ $0 }) { try Self.checkFolder(of: path) }
            try ExistingOutputs.refuse([sheet, output], force: force)
            let flagOverride = try surface.map { try SurfaceKind.parse($0) }
            let info = try MediaProbe.probe(video)
            var overrides: [SurfaceSegment] = []
            let recording = try pose.map { try PoseRecording.load(path: $0) }
            var stepList: [StepEvent]
            var document: StepsDocument?
            if let steps {
                let doc = try StepsDocument.decode(from: try Self.read(steps, what: "steps JSON"), source: steps)
                document = doc
                stepList = doc.steps
                overrides = try SurfaceAssignment.overrides(from: doc)
            } else if let recording {
                stepList = StepDetector().detect(frames: recording.frames, info: info).heelStrikes
            } else {
                stepList = StepPlacement.probes(duration: info.duration, frameRate: info.frameRate)
            }
            if let recording { stepList = StepPlacement.fill(stepList, from: recording.frames) }
            if let flagOverride {
                overrides = [try SurfaceAssignment.wholeClip(flagOverride.rawValue, duration: info.duration)]
            }
            let prototypes = try SurfacePrototypes.bundled()
            // Crops are small and resampled anyway: decoding big videos smaller saves time, positions are scaled.
            var samplerOptions = GroundPatchSampler.Options()
            samplerOptions.sourceWidth = info.width
            var analyzer = SurfaceAnalyzer(steps: stepList, prototypes: prototypes, samplerOptions: samplerOptions)
            let decoder = try VideoDecoder(path: video, size: .fit(maxDimension: 1280))
            while let frame = try decoder.nextFrame() {
                try Task.checkCancellation()
                analyzer.consume(frame: frame)
            }
            let report = try analyzer.finish(duration: info.duration, overrides: overrides, defaultSurface: fallback)
            let logger = Logger(label: "footfall.surface")
            for w in report.warnings { logger.warning("\(w)") }
            logger.debug(
                "scene measures: \(report.scene.features.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(format: "%.3f", $0.value))" }.joined(separator: " "))"
            )
            if let sheet {
                try SurfaceSheetWriter.write(ContactSheet.render(report.patches), to: sheet, inputs: [video])
                logger.info("contact sheet: \(sheet)")
            }
            if let output {
                var doc = document ?? StepsDocument(video: .init(info), steps: [])
                doc.steps = report.steps
                doc.surfaces = report.segments
                doc.render?.scene = report.scene.scene  // a render section is the renderer's to create
                try StepsFileWriter.write(
                    try doc.encoded(), to: output, protectedPaths: [video] + [steps, pose].compactMap { $0 })
                logger.info("steps with surfaces: \(output)")
            }
            emit(
                json
                    ? try SurfacesOutput.json(report) : SurfacesOutput.text(report, probes: steps == nil && pose == nil)
            )
        }
    }

    /// Fails before the (slow) analysis when an output can't be written.
    static func checkFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FootfallError.badInput(
                "cannot write '\(path)': the folder '\(folder)' does not exist; create it first")
        }
    }

    static func read(_ path: String, what: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FootfallError.badInput("cannot read \(what) '\(path)': check the path")
        }
        return data
    }
}
