import Foundation
import MocapSimulation

/// The sweep's results as markdown tables: each cell sums the steps of its runs (F1 over all steps in the bin).
struct SweepTables {
    typealias Filter = @Sendable (SweepResult) -> Bool
    let results: [SweepResult]

    static func isDefaultShot(_ c: SimulationCondition) -> Bool {
        c.elevation == 10 && c.pan == .fixed && c.frameTimeJitter == 0
    }
    static func isStill(_ c: SimulationCondition) -> Bool { c.pan == .fixed && c.frameTimeJitter == 0 }
    static func isPan(_ c: SimulationCondition) -> Bool { if case .follow = c.pan { true } else { false } }
    static func isTracking(_ c: SimulationCondition) -> Bool { if case .track = c.pan { true } else { false } }
    static func inEight(_ c: SimulationCondition) -> Bool { SweepPlan.eightAzimuths.contains(c.azimuth) }
    static let headline: Filter = { $0.category.isHeadline }
    static let viewColumns: [(String, Filter)] = ViewClass.allCases.map { v in
        (v.rawValue, { ViewClass.of(azimuth: $0.condition.azimuth) == v })
    }

    func sum(_ filter: Filter) -> (StepScore, StepScore) {
        var a = StepScore()
        var b = StepScore()
        for r in results where filter(r) {
            a = a + r.score50
            b = b + r.score100
        }
        return (a, b)
    }

    static func f1(_ s: StepScore) -> String { s.f1.map { String(format: "%.2f", $0) } ?? "–" }
    static func ms(_ v: Double?) -> String { v.map { String(format: "%+.0f", $0 * 1000) } ?? "–" }
    static func absMs(_ v: Double?) -> String { v.map { String(format: "%.0f", $0 * 1000) } ?? "–" }

    /// Rows × columns of F1 at ±50 ms, then the row's totals: F1 ±50 / ±100, median |error|, mean signed error,
    /// steps, wrong-foot share.
    func grid(title: String, note: String, rows: [(String, Filter)], columns: [(String, Filter)], base: Filter)
        -> String
    {
        var lines = ["### \(title)", "", note, ""]
        let head =
            [""] + columns.map(\.0) + [
                "all ±50", "all ±100", "median \\|err\\| ms", "mean err ms", "steps", "wrong foot",
            ]
        lines.append("| " + head.joined(separator: " | ") + " |")
        lines.append("|" + head.map { _ in "---" }.joined(separator: "|") + "|")
        func row(_ label: String, _ filter: @escaping Filter) -> String {
            var cells = [label]
            for (_, col) in columns { cells.append(Self.f1(sum { base($0) && filter($0) && col($0) }.0)) }
            let (a, b) = sum { base($0) && filter($0) }
            let steps = a.hits + a.misses
            cells += [
                Self.f1(a), Self.f1(b), Self.absMs(a.medianAbsoluteError), Self.ms(a.meanSignedError), "\(steps)",
                a.hits > 0 ? String(format: "%.0f %%", 100 * Double(a.wrongFoot) / Double(a.hits)) : "–",
            ]
            return "| " + cells.joined(separator: " | ") + " |"
        }
        for (label, filter) in rows { lines.append(row(label, filter)) }
        lines.append(row("**all**", { _ in true }))
        return lines.joined(separator: "\n") + "\n"
    }

    func markdown(header: String) -> String {
        var out = [header]
        let fpsColumns: [(String, Filter)] = SweepPlan.frameRates.map { f in
            ("\(Int(f)) fps", { $0.condition.frameRate == f })
        }
        out.append(
            grid(
                title: "(a) F1 at ±50 ms by azimuth × frame rate (walker 100–400 px)",
                note:
                    "Straight walks (normal, slow, brisk/run; 14 clips), camera 10° up, still; 0° = walking toward the camera, 90° = camera on the walker's left, 180° = away. Totals over all frame rates.",
                rows: SweepPlan.allAzimuths.map { az in ("\(Int(az))°", { $0.condition.azimuth == az }) },
                columns: fpsColumns,
                base: {
                    Self.headline($0) && Self.isDefaultShot($0.condition)
                        && SweepPlan.gridHeights.contains($0.condition.walkerHeight)
                }))
        out.append(
            grid(
                title: "(b) F1 at ±50 ms by walker height × frame rate",
                note: "Straight walks, 8 azimuths (every 45°), camera 10° up, still.",
                rows: SweepPlan.heights.map { h in ("\(Int(h)) px", { $0.condition.walkerHeight == h }) },
                columns: fpsColumns,
                base: { Self.headline($0) && Self.isDefaultShot($0.condition) && Self.inEight($0.condition) }))
        out.append(
            grid(
                title: "(c) Camera elevation (30 fps, 200 px)",
                note:
                    "Straight walks, 8 azimuths, still camera; elevation = line of sight to the pelvis below the horizontal. Columns: view classes (frontal/back within 30° of 0°/180°, side within 15° of 90°/270°).",
                rows: SweepPlan.elevations.map { e in ("\(Int(e))°", { $0.condition.elevation == e }) },
                columns: Self.viewColumns,
                base: {
                    Self.headline($0) && Self.isStill($0.condition) && Self.inEight($0.condition)
                        && $0.condition.frameRate == 30 && $0.condition.walkerHeight == 200
                }))
        let panRows: [(String, Filter)] = [
            ("still camera", { $0.condition.pan == .fixed }),
            ("pan, `camera` filled", { Self.isPan($0.condition) && $0.condition.reportsCameraMotion }),
            ("pan, `camera` nil", { Self.isPan($0.condition) && !$0.condition.reportsCameraMotion }),
            ("tracking, `camera` filled", { Self.isTracking($0.condition) && $0.condition.reportsCameraMotion }),
            ("tracking, `camera` nil", { Self.isTracking($0.condition) && !$0.condition.reportsCameraMotion }),
        ]
        out.append(
            grid(
                title: "(d) Moving camera (30 fps, 200 px, 10° up)",
                note:
                    "Straight walks, 8 azimuths. Pan: the camera turns after the pelvis with a \(SweepPlan.panLag) s lag. Tracking: it travels with the walker (a tracking shot, a game's third-person camera) with a \(SweepPlan.trackLag) s lag, so the walker keeps their place and size in the picture. `PoseFrame.camera` holds the true background offset at the feet or nothing.",
                rows: panRows, columns: Self.viewColumns,
                base: {
                    Self.headline($0) && $0.condition.elevation == 10 && $0.condition.frameTimeJitter == 0
                        && Self.inEight($0.condition) && $0.condition.frameRate == 30
                        && $0.condition.walkerHeight == 200
                }))
        out.append(categoryTable())
        out.append(negativeTable())
        out.append(
            grid(
                title: "(f) Variable frame rate (30 fps nominal, 200 px)",
                note:
                    "Straight walks, 8 azimuths; VFR: each interval 1 ± up to \(SweepPlan.vfrJitter) of 1/30 s (true timestamps).",
                rows: [
                    ("constant", { $0.condition.frameTimeJitter == 0 }),
                    ("variable", { $0.condition.frameTimeJitter > 0 }),
                ],
                columns: Self.viewColumns,
                base: {
                    Self.headline($0) && $0.condition.elevation == 10 && $0.condition.pan == .fixed
                        && Self.inEight($0.condition) && $0.condition.frameRate == 30
                        && $0.condition.walkerHeight == 200
                }))
        out.append(clipTable())
        out.append(confidenceTable())
        return out.joined(separator: "\n")
    }

    /// (e): every category at the default shot; turning and stylised separate from the headline.
    func categoryTable() -> String {
        let base: Filter = {
            Self.isDefaultShot($0.condition) && $0.condition.frameRate == 30 && $0.condition.walkerHeight == 200
        }
        let walking = ClipCategory.allCases.filter { $0 != .negative }
        var text = grid(
            title: "(e) By clip category (30 fps, 200 px, 10° up, still, 12 azimuths)",
            note:
                "Turning (06_10, 06_11, 09_12) and stylised (131_01, 131_02) are ambiguous (shuffles, pivots, toe stands); they are kept out of (a)–(d).",
            rows: walking.map { c in (c.rawValue, { $0.category == c }) }, columns: Self.viewColumns,
            base: { base($0) && $0.category != .negative })
        var lines = [
            "", "Negatives at the same shot (false steps per minute; 02_06's one real step is scored, not counted):",
            "",
        ]
        lines.append("| clip | " + ViewClass.allCases.map(\.rawValue).joined(separator: " | ") + " | all |")
        lines.append("|---|" + ViewClass.allCases.map { _ in "---" }.joined(separator: "|") + "|---|")
        let names = Set(results.filter { $0.category == .negative }.map(\.clip)).sorted()
        for name in names {
            var cells = [name]
            for (_, col) in Self.viewColumns {
                cells.append(Self.perMinute(sum { base($0) && $0.clip == name && col($0) }.0))
            }
            cells.append(Self.perMinute(sum { base($0) && $0.clip == name }.0))
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        text += lines.joined(separator: "\n") + "\n"
        return text
    }

    static func perMinute(_ s: StepScore) -> String {
        s.falseStepsPerMinute.map { String(format: "%.1f", $0) } ?? "–"
    }

    /// False steps per minute on the negatives by frame rate (table (a)'s shots).
    func negativeTable() -> String {
        let base: Filter = {
            $0.category == .negative && Self.isDefaultShot($0.condition)
                && SweepPlan.gridHeights.contains($0.condition.walkerHeight)
        }
        var lines = [
            "### Negatives: false steps per minute by frame rate", "",
            "All 12 azimuths, walker 100–400 px, camera 10° up, still. Every detection not matching a truth step counts.",
            "",
        ]
        lines.append(
            "| clip | " + SweepPlan.frameRates.map { "\(Int($0)) fps" }.joined(separator: " | ")
                + " | all | runs with any false step |")
        lines.append("|---|" + SweepPlan.frameRates.map { _ in "---" }.joined(separator: "|") + "|---|---|")
        let names = Set(results.filter { $0.category == .negative }.map(\.clip)).sorted()
        for name in names {
            var cells = [name]
            for f in SweepPlan.frameRates {
                cells.append(Self.perMinute(sum { base($0) && $0.clip == name && $0.condition.frameRate == f }.0))
            }
            cells.append(Self.perMinute(sum { base($0) && $0.clip == name }.0))
            let runs = results.filter { base($0) && $0.clip == name }
            cells.append("\(runs.filter { $0.score50.unmatched > 0 }.count)/\(runs.count)")
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Per clip at the default shot, for finding the clip behind a bad cell.
    func clipTable() -> String {
        let names = Set(results.filter { $0.category != .negative }.map(\.clip)).sorted()
        return grid(
            title: "(g) Per clip (30 fps, 200 px, 10° up, still, 12 azimuths)",
            note: "F1 at ±50 ms by view class.",
            rows: names.map { n in (n, { $0.clip == n }) }, columns: Self.viewColumns,
            base: {
                Self.isDefaultShot($0.condition) && $0.condition.frameRate == 30 && $0.condition.walkerHeight == 200
            })
    }
}
