import FootfallCore
import MediaIO

/// Probes uploads with FFmpeg (MediaIO), which also refuses files without a decodable video stream.
public struct MediaProbeUploadProber: UploadProber {
    public init() {}

    public func probe(_ path: String) throws -> VideoInfo { try MediaProbe.probe(path) }
}

/// Hands a render's progress to a job.
struct ProgressForwarder: ProgressSink {
    let handler: JobProgressHandler

    func update(stage: String, fraction: Double) { handler(stage, fraction) }
}
