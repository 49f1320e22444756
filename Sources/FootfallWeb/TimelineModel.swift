import FootfallCore
import Foundation

/// The result page's step timeline: one lane per walker, a mark per heel strike placed by time.
struct TimelineModel {
    struct Mark {
        var time: Double
        var foot: Foot
        var surface: String
    }

    struct Lane {
        var walker: Int
        var marks: [Mark]
    }

    let duration: Double
    let lanes: [Lane]

    init(document: StepsDocument, fallbackDuration: Double) {
        let longest = document.steps.map(\.time).max() ?? 0
        duration = max(document.video.duration > 0 ? document.video.duration : fallbackDuration, longest, 0.001)
        let walkers = Set(document.steps.map(\.walker)).sorted()
        lanes = walkers.map { walker in
            Lane(
                walker: walker,
                marks: document.steps.filter { $0.walker == walker }.sorted { $0.time < $1.time }.map {
                    Mark(time: $0.time, foot: $0.foot, surface: $0.surface ?? "unknown")
                })
        }
    }

    /// About eight round-numbered ticks across the clip.
    var ticks: [Double] {
        let steps: [Double] = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600]
        let step = steps.first { duration / $0 <= 8 } ?? 1200
        return stride(from: 0, through: duration, by: step).map { $0 }
    }

    private func left(_ time: Double) -> String { String(format: "%.3f", min(max(time / duration, 0), 1) * 100) }

    var context: [String: Any] {
        let laneContexts = lanes.map { lane -> [String: Any] in
            let surfaces = Array(Set(lane.marks.map(\.surface))).sorted()
            return [
                "label": "Walker \(lane.walker)", "count": lane.marks.count,
                "surfaces": surfaces.joined(separator: ", "),
                "marks": lane.marks.map { mark -> [String: Any] in
                    [
                        "left": left(mark.time), "time": String(format: "%.3f", mark.time), "foot": mark.foot.rawValue,
                        "surface": mark.surface, "initial": String(mark.surface.prefix(1)).uppercased(),
                        "title": "\(PageFormat.clock(mark.time)) · \(mark.foot.rawValue) foot · \(mark.surface)",
                    ]
                },
            ]
        }
        return [
            "duration": String(format: "%.3f", duration),
            "lanes": laneContexts, "hasSteps": !lanes.isEmpty,
            "stepCount": lanes.reduce(0) { $0 + $1.marks.count }, "walkerCount": lanes.count,
            "ticks": ticks.map { ["left": left($0), "label": PageFormat.tick($0)] },
        ]
    }
}
