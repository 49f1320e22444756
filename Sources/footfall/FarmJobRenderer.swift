import FootfallCore
import Foundation
import Logging
import Pipeline
import RenderFarm

/// Renders one queue job the way `footfall render` does, made safe against a worker dying mid-render: the render
/// writes into a folder private to the job (`OUT/.footfall-job-<id>`), then each finished file is renamed into
/// `OUT` (same file system, so atomic). A worker that takes over a dead worker's job first removes that folder, so
/// no temporary file survives, and the final names are fixed, so a re-run replaces rather than duplicates.
enum FarmJobRenderer {
    static func render(_ job: QueuedJob, logger: Logger, progress: any ProgressSink = NoProgress()) async throws
        -> RenderedJob
    {
        // No retry makes an unreadable path readable: the job is parked as failed at once, saying why.
        guard access(job.video, R_OK) == 0 else {
            let reason = String(cString: strerror(errno))
            throw PermanentJobFailure(
                "the worker on \(ProcessInfo.processInfo.hostName) cannot read \(job.video) (\(reason)): inputs must "
                    + "be on storage every worker sees, mounted at the same path; fix that and enqueue it again")
        }
        let config: FootfallConfig
        let inputs: FarmRenderInputs
        do {
            config = try JSONDecoder().decode(FootfallConfig.self, from: Data(job.options.utf8))
            inputs = try FarmRenderInputs.decode(fromOptions: job.options)
        } catch {
            throw PermanentJobFailure(
                "job \(job.id) has unreadable render options (\(error)); enqueue it again with this Footfall's batch")
        }
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: job.outputDir, withIntermediateDirectories: true)
        } catch {
            throw FootfallError.failure(
                "cannot create the output folder \(job.outputDir): \(error.localizedDescription)")
        }
        let staging = (job.outputDir as NSString).appendingPathComponent(".footfall-job-\(job.id)")
        if fm.fileExists(atPath: staging) {
            logger.info("removing what an earlier attempt left in \(staging)")
            try? fm.removeItem(atPath: staging)
        }
        for path in [inputs.placedSteps, inputs.stepsFile].compactMap({ $0 }) where access(path, R_OK) != 0 {
            throw PermanentJobFailure(
                "the worker on \(ProcessInfo.processInfo.hostName) cannot read the job's steps file \(path) "
                    + "(\(String(cString: strerror(errno)))): it must be on the storage every worker sees")
        }
        let placed = try inputs.placedSteps.map { path in
            do {
                return try StepsDocument.decode(from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw PermanentJobFailure("job \(job.id)'s steps file \(path) cannot be read as steps JSON: \(error)")
            }
        }
        let request = RenderRequest(
            video: job.video, outputDirectory: staging, config: config, stepsFile: inputs.stepsFile, force: true)
        let folders = [staging, (staging as NSString).appendingPathComponent("stems")]
        let result = try await PartialOutputs.tracking(folders: folders) {
            if let placed {
                // Edited in the web page: the steps carry their surfaces and shoes; sound, mix and export only.
                return try await RenderPipeline(progress: progress).render(
                    placed: PlacedStepsRequest(
                        video: job.video, pictureSource: inputs.pictureSource, outputDirectory: staging,
                        config: config, document: placed))
            }
            return try await RenderPipeline(progress: progress).render(request)
        }
        for warning in result.warnings { logger.warning("\(warning)") }
        try publish(staging, into: job.outputDir)
        return RenderedJob(
            summary: JobSummary(
                steps: result.document.steps.count, walkers: result.walkerCount, seconds: result.timings.total,
                licence: result.licenceConditions,
                // Where the credits file is now that the staging folder's files were moved into the output folder.
                credits: result.credits.map {
                    (job.outputDir as NSString).appendingPathComponent(($0 as NSString).lastPathComponent)
                }),
            stages: result.timings.entries.map { StageTime(stage: $0.stage, seconds: $0.seconds) })
    }

    /// Renames every file of `staging` to the same relative path under `destination`, then removes `staging`.
    static func publish(_ staging: String, into destination: String) throws {
        let fm = FileManager.default
        let files = (fm.enumerator(atPath: staging)?.compactMap { $0 as? String } ?? []).sorted()
        for relative in files {
            let from = (staging as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: from, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let to = (destination as NSString).appendingPathComponent(relative)
            try fm.createDirectory(
                atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard rename(from, to) == 0 else {
                throw FootfallError.failure(
                    "cannot move \(from) to \(to): \(String(cString: strerror(errno))); check the output folder")
            }
        }
        try? fm.removeItem(atPath: staging)
    }
}
