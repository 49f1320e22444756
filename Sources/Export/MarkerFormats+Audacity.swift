import FootfallCore
import Foundation

extension MarkerFormats {
    /// Point labels (start == end), which Audacity shows as markers on a label track.
    static func audacity(_ events: [StepEvent]) -> String {
        events.map { "\(fixed($0.time, 6))\t\(fixed($0.time, 6))\t\(label(for: $0))\n" }.joined()
    }

    static func parseAudacity(_ text: String, frameRate: Double, warnings: inout [String]) throws -> [StepEvent] {
        // Audacity also writes spectral-selection lines starting with "\" under a label; they carry no time.
        try lines(text).filter { !$0.hasPrefix("\\") }.enumerated().map { n, line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, let start = Double(parts[0].trimmingCharacters(in: .whitespaces)),
                isMarkerTime(start)
            else {
                throw FootfallError.badInput(
                    "Audacity label line \(n + 1) is not 'start<TAB>end<TAB>label' with start in seconds: "
                        + line.singleLine())
            }
            var event = StepEvent(time: start, frame: frame(start, frameRate), walker: 0, foot: .left, confidence: 1)
            apply(
                label: parts.count > 2 ? parts[2] : "", to: &event, place: "Audacity label line \(n + 1)",
                warnings: &warnings)
            return event
        }
    }
}
