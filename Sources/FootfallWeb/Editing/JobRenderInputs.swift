import FootfallCore
import Foundation

/// Decides how a job's next render runs, from what its folder holds.
enum JobRenderInputs {
    /// - A job with a base and its surfaces known renders the (edited) steps directly: sound, mix and export only.
    /// - A base rendered with one forced surface, now asked to detect surfaces, goes through the pipeline with the
    ///   (edited) steps as its steps file: no pose pass, but one surface pass over the video.
    /// - A job rendered by an older server (no base yet) reuses its previous steps file, as it did then.
    static func request(
        video: String, folder: URL, out: URL, config: FootfallConfig, wholeClipSurface: String?
    ) throws -> JobRenderRequest {
        guard let base = JobSteps.loadBase(in: folder) else {
            let steps = JobOutputs.keepSteps(from: out, in: folder)
            return JobRenderRequest(video: video, outputDirectory: out.path, config: config, stepsFile: steps?.path)
        }
        let edits = JobSteps.loadEdits(in: folder) ?? .unedited(base)
        if wholeClipSurface == nil, JobSteps.lacksDetectedSurfaces(base) {
            var document = base
            document.steps = edits.steps.map {
                var s = $0
                s.surface = nil
                return s
            }
            document.surfaces = edits.surfaces.map(\.segment)
            let file = folder.appendingPathComponent(JobSteps.renderInputFile)
            try AtomicFile.write(try document.encoded(), to: file)
            return JobRenderRequest(video: video, outputDirectory: out.path, config: config, stepsFile: file.path)
        }
        let placed = edits.placed(on: base, wholeClip: wholeClipSurface, defaultSurface: config.defaultSurface)
        return JobRenderRequest(
            video: video, outputDirectory: out.path, config: config, placedSteps: placed, shoes: edits.shoes,
            pictureSource: JobSteps.picture(in: folder))
    }
}
