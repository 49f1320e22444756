import CFFmpeg

/// FFmpeg's own console messages (libx264 banners, decoder warnings). Footfall reports problems through
/// `FootfallError` and swift-log, so FFmpeg is kept quiet unless asked (e.g. by `--verbose`).
public enum FFmpegLogging {
    public enum Level: Sendable {
        case quiet, errors, warnings, verbose

        var avLevel: Int32 {
            switch self {
            case .quiet: return AV_LOG_FATAL
            case .errors: return AV_LOG_ERROR
            case .warnings: return AV_LOG_WARNING
            case .verbose: return AV_LOG_VERBOSE
            }
        }
    }

    /// Sets FFmpeg's global log level (process-wide).
    public static func setLevel(_ level: Level) {
        av_log_set_level(level.avLevel)
        configured = true
    }

    /// Quiet by default, unless `setLevel` was called first.
    static func applyDefault() {
        if !configured { av_log_set_level(AV_LOG_FATAL) }
    }

    // Written once at start-up; a race here only decides between two log levels.
    nonisolated(unsafe) private static var configured = false
}
