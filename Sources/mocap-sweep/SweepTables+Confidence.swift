import Foundation
import MocapSimulation

extension SweepTables {
    /// (h): does a step's confidence say how likely it is to be right? Every scored detection of every run
    /// (straight walks, any view, size and frame rate), binned by its confidence: the share within ±50 ms.
    func confidenceTable() -> String {
        let (score, _) = sum(Self.headline)
        var lines = [
            "### (h) Confidence against being right",
            "",
            "Straight walks, every run: scored detections by the detector's confidence, and the share of them within ±50 ms of a contact (false alarms count as wrong).",
            "",
            "| confidence | detections | within ±50 ms |",
            "|---|---|---|",
        ]
        for k in 0..<10 where score.detectionsByConfidence[k] > 0 {
            let n = score.detectionsByConfidence[k]
            let share = Double(score.hitsByConfidence[k]) / Double(n)
            lines.append(
                String(format: "| %.1f–%.1f | %d | %.2f |", Double(k) / 10, Double(k + 1) / 10, n, share))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
