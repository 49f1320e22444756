import Foundation
import MocapSimulation

/// The `--slice` verdict, with the same thresholds as Tests/StepsTests/MocapSweepTests.swift.
enum SliceSummary {
    static func passes(_ r: MocapSlice.Report) -> Bool {
        ViewClass.allCases.allSatisfy { (r.views[$0]?.f1 ?? 0) >= MocapSlice.minimumF1 }
            && r.negativeSteps <= MocapSlice.maximumNegativeSteps
    }

    static func text(_ r: MocapSlice.Report) -> String {
        var lines = r.lines
        lines.append("")
        lines.append("view class | F1 ±50 ms | hits | misses | false | median |err| ms | mean err ms | verdict")
        for v in ViewClass.allCases {
            let s = r.views[v] ?? StepScore()
            let ok = (s.f1 ?? 0) >= MocapSlice.minimumF1
            lines.append(
                "\(v.rawValue) | \(SweepTables.f1(s)) | \(s.hits) | \(s.misses) | \(s.falseAlarms) | "
                    + "\(SweepTables.absMs(s.medianAbsoluteError)) | \(SweepTables.ms(s.meanSignedError)) | "
                    + (ok ? "pass" : "FAIL (< \(MocapSlice.minimumF1))"))
        }
        lines.append(
            "negative: \(r.negativeSteps) steps over \(r.negativeRuns) runs | "
                + (r.negativeSteps <= MocapSlice.maximumNegativeSteps ? "pass" : "FAIL"))
        return lines.joined(separator: "\n")
    }
}
