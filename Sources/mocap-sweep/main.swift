// mocap-sweep: real CMU walking mocap through virtual cameras into the step detector on disk, scored against the
// mocap's foot contacts. See SweepArguments.usage and bench/mocap_sweep.sh.
import FootfallCore
import Foundation
import Logging
import MocapSimulation

let arguments: SweepArguments
do {
    arguments = try SweepArguments(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("mocap-sweep: \(error)\n\(SweepArguments.usage)\n".utf8))
    exit(2)
}
LogSetup.bootstrap(level: arguments.verbose ? .debug : .info, format: .text)
let logger = Logger(label: "footfall.mocap-sweep")

func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

do {
    switch arguments.mode {
    case .writeFixtures(let dir):
        for line in try await FixtureWriter.write(to: URL(fileURLWithPath: dir), mocap: arguments.mocapDirectory) {
            logger.info("\(line)")
        }
    case .slice:
        let clips = try MocapFixture.loadAll(directory: arguments.fixtureDirectory)
        let report = MocapSlice.run(clips: clips, detect: SweepRunner.detect, match: SweepRunner.matcher)
        writeOut(SliceSummary.text(report))
        if !SliceSummary.passes(report) { exit(1) }
    case .trace(let name):
        let clip = try await loadOne(name)
        writeOut(
            SanityTrace.run(
                clip: clip, azimuths: arguments.azimuths, frameRate: arguments.frameRate,
                elevation: arguments.elevation, height: arguments.walkerHeight, noise: try arguments.noiseOptions,
                pan: arguments.pan))
    case .dump(let name):
        guard let output = arguments.output else { throw UsageError("--dump needs --output FILE.json") }
        let clip = try await loadOne(name)
        try FrameDump.write(
            clip: clip, azimuths: arguments.azimuths, frameRate: arguments.frameRate, elevation: arguments.elevation,
            height: arguments.walkerHeight, noise: try arguments.noiseOptions, pan: arguments.pan,
            track: arguments.track, camera: !arguments.noCamera, sweepSeed: arguments.sweepSeed,
            to: URL(fileURLWithPath: output))
    case .sweep:
        try await sweep()
    }
} catch {
    logger.error("\(error)")
    exit(error is UsageError ? 2 : 1)
}

/// A clip from the BVH folder, or from the fixtures when the folder is not there.
func loadOne(_ name: String) async throws -> MocapClip {
    let dir = arguments.mocapDirectory
    if FileManager.default.fileExists(atPath: dir.appendingPathComponent("contacts.json").path) {
        guard let clip = try await ClipLibrary.load(directory: dir, only: [name]).first else {
            throw MocapError.unknownClip(name)
        }
        return clip
    }
    return try MocapFixture.load(arguments.fixtureDirectory.appendingPathComponent(name + ".json"))
}

func sweep() async throws {
    let started = Date()
    let clips = try await ClipLibrary.load(directory: arguments.mocapDirectory, only: arguments.clips)
    logger.info("\(clips.count) clips from \(arguments.mocapDirectory.path)")
    let plan = SweepPlan(
        clips: clips, quick: arguments.quick, noise: try arguments.noiseOptions, seeds: arguments.seeds)
    let total = plan.runs.count
    logger.info("\(total) runs, \(arguments.jobs) at a time, noise \(arguments.noiseLabel)")
    let results = await SweepRunner.run(plan: plan, clips: clips, jobs: arguments.jobs) { done in
        if done % 500 == 0 || done == total { Logger(label: "footfall.mocap-sweep").info("\(done)/\(total) runs") }
    }
    let seconds = Date().timeIntervalSince(started)
    let header = """
        ## Mocap view sweep (\(arguments.quick ? "quick" : "full"), noise: \(arguments.noiseLabel))

        \(arguments.label ?? DetectorVersion.describe()). \(total) simulated clips (\(arguments.seeds) noise seed(s) each) in \(String(format: "%.0f", seconds)) s.
        CMU mocap (mocap.cs.cmu.edu, NSF EIA-0196217) projected into virtual cameras as BlazePose-like landmarks
        (`mocap-sweep`, Sources/MocapSimulation); truth = the mocap's foot contacts. Scoring: F1 over all steps in a
        cell at ±50 ms unless said; a truth step in the first or last 0.3 s of a clip, or whose swing began before
        the clip, is partial (a detection on it is neither hit nor false alarm); unmatched detections are false
        alarms only inside that span. Errors: detected − truth of the ±50 ms hits (negative = early).

        """
    let text = SweepTables(results: results).markdown(header: header)
    writeOut(text)
    if let path = arguments.detail {
        let lines = results.map { r in
            let s = r.score50
            return
                "\(r.clip) \(r.condition.label): hits \(s.hits) misses \(s.misses) false \(s.falseAlarms) | \(r.detail)"
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
    if let path = arguments.markdown {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        logger.info("tables written to \(path)")
    }
}
