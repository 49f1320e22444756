import FootfallCore

/// Decides each step's surface from detected, fallback and user segments. User overrides always win:
/// the `--surface` flag for the whole clip, or entries with `"source": "override"` in the steps JSON.
public enum SurfaceAssignment {
    /// One override segment covering the whole clip for every walker (`--surface NAME`).
    public static func wholeClip(_ name: String, duration: Double) throws -> SurfaceSegment {
        let kind = try SurfaceKind.parse(name)
        return SurfaceSegment(
            walker: nil, start: 0, end: max(duration, 0), surface: kind.rawValue, confidence: 1, source: .override)
    }

    /// The override entries of an edited steps JSON, with names checked (aliases map to their surface).
    public static func overrides(from document: StepsDocument) throws -> [SurfaceSegment] {
        var out: [SurfaceSegment] = []
        for (i, var s) in (document.surfaces ?? []).enumerated() where s.source == .override {
            do {
                s.surface = try SurfaceKind.parse(s.surface).rawValue
            } catch let error as FootfallError {
                throw FootfallError.badInput("steps JSON surfaces[\(i)]: \(error.description)")
            }
            guard s.end >= s.start else {
                throw FootfallError.badInput("steps JSON surfaces[\(i)]: end \(s.end) is before start \(s.start)")
            }
            out.append(s)
        }
        return out
    }

    /// Overrides first, then the rest; within a rank, a walker-specific segment beats one for all walkers.
    public static func combine(detected: [SurfaceSegment], overrides: [SurfaceSegment]) -> [SurfaceSegment] {
        (overrides + detected).sorted { ($0.walker ?? -1, $0.start) < ($1.walker ?? -1, $1.start) }
    }

    /// The segment that decides a step at `time` for `walker`, if any.
    public static func segment(for time: Double, walker: Int, in segments: [SurfaceSegment]) -> SurfaceSegment? {
        func rank(_ s: SurfaceSegment) -> Int {
            let source = s.source == .override ? 0 : s.source == .detected ? 2 : 4
            return source + (s.walker == nil ? 1 : 0)
        }
        // The last segment also owns its end time, so a step exactly at the video's end isn't orphaned.
        let containing = segments.filter {
            $0.contains(time: time, walker: walker) || ($0.end == time && ($0.walker == nil || $0.walker == walker))
        }
        return containing.min { rank($0) < rank($1) }
    }

    /// Sets `surface` on every step; steps no segment covers get `fallback`.
    public static func assign(_ steps: [StepEvent], segments: [SurfaceSegment], fallback: SurfaceKind) -> [StepEvent] {
        steps.map { step in
            var s = step
            s.surface = segment(for: step.time, walker: step.walker, in: segments)?.surface ?? fallback.rawValue
            return s
        }
    }
}
