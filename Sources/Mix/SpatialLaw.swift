import Foundation

/// The panning and distance formulas, in one place so the plan, the mixer and the tests agree.
public enum SpatialLaw {
    /// Constant-power pan: pan −1…+1 maps to θ ∈ [0, π/2]; gL = cos θ, gR = sin θ (−3 dB each side at centre).
    public static func panGains(_ pan: Double) -> (left: Double, right: Double) {
        let p = min(max(pan.isFinite ? pan : 0, -1), 1)
        let theta = (p + 1) * Double.pi / 4
        return (cos(theta), sin(theta))
    }

    /// OpenAL's inverse-distance-clamped gain: ref / (ref + rolloff · (clamp(d, ref, max) − ref)).
    public static func distanceGain(distance: Double, options: PlanOptions) -> Double {
        let ref = options.referenceDistance
        let d = min(max(distance.isFinite ? distance : ref, ref), options.maxDistance)
        return ref / (ref + options.rolloff * (d - ref))
    }

    /// The distance a gain stands for (inverse of `distanceGain`), for steps whose gain a user set by hand.
    public static func distance(forGain gain: Double, options: PlanOptions) -> Double {
        let ref = options.referenceDistance
        guard gain > 0, gain < 1, options.rolloff > 0 else { return gain <= 0 ? options.maxDistance : ref }
        return min(ref + ref * (1 / gain - 1) / options.rolloff, options.maxDistance)
    }

    /// 0 at the reference distance, 1 at the maximum distance, log-spaced: how much air absorption to add.
    public static func damping(distance: Double, options: PlanOptions) -> Double {
        let ref = options.referenceDistance
        guard options.maxDistance > ref, distance > ref else { return 0 }
        return min(log(distance / ref) / log(options.maxDistance / ref), 1)
    }

    /// Cut-off of the one-pole low-pass for a damping amount: 0 → no filter, 1 → `minimumCutoff`.
    public static func cutoff(damping: Double, maximumCutoff: Double = 20_000, minimumCutoff: Double = 3_500)
        -> Double?
    {
        guard damping > 0.001 else { return nil }
        let t = min(damping, 1)
        return maximumCutoff * pow(minimumCutoff / maximumCutoff, t)
    }

    public static func decibels(_ gain: Double) -> Double { gain > 0 ? 20 * log10(gain) : -144 }
    public static func linear(_ decibels: Double) -> Double { pow(10, decibels / 20) }
}
