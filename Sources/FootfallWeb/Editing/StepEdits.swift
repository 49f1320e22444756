import FootfallCore
import Foundation

/// A person's corrections to a job's steps, kept in `DATA/<id>/edits.json` so they survive a restart and every
/// later render uses them. Only what a person decides is here: the step list, each walker's shoe and surface, and
/// surfaces for stretches of time; what the detector found stays in the job's base steps.
public struct StepEdits: Codable, Sendable, Equatable {
    /// Heel strikes, each with its time, walker and foot (and, for detected ones, what the detector recorded).
    public var steps: [StepEvent]
    public var walkers: [WalkerChoice]
    public var surfaces: [SurfaceStretch]

    public init(steps: [StepEvent], walkers: [WalkerChoice] = [], surfaces: [SurfaceStretch] = []) {
        self.steps = steps
        self.walkers = walkers
        self.surfaces = surfaces
    }

    public func choice(for walker: Int) -> WalkerChoice? { walkers.first { $0.walker == walker } }
}

/// One walker's shoe and surface for the whole clip (nil: the job's shoe, the detected surface).
public struct WalkerChoice: Codable, Sendable, Equatable {
    public var walker: Int
    public var shoe: String?
    public var surface: String?

    public init(walker: Int, shoe: String? = nil, surface: String? = nil) {
        self.walker = walker
        self.shoe = shoe
        self.surface = surface
    }
}

/// A surface from `start` to `end` seconds, for one walker or (nil) for all of them.
public struct SurfaceStretch: Codable, Sendable, Equatable {
    public var walker: Int?
    public var start: Double
    public var end: Double
    public var surface: String

    public init(walker: Int? = nil, start: Double, end: Double, surface: String) {
        self.walker = walker
        self.start = start
        self.end = end
        self.surface = surface
    }

    func covers(time: Double, walker w: Int) -> Bool {
        (walker == nil || walker == w) && time >= start && time <= end
    }

    /// As the steps JSON's `surfaces` entries write it.
    var segment: SurfaceSegment {
        SurfaceSegment(walker: walker, start: start, end: end, surface: surface, confidence: 1, source: .override)
    }
}
