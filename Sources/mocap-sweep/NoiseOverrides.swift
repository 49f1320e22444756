import MocapSimulation

/// `--noise-set feet=0.008,swaps=0,…`: change single knobs of a noise preset, to see which one a result hangs on.
enum NoiseOverrides {
    static let keys =
        "feet knees hips shoulders arms hands face corr small blur box boxtime depth world worlddepth drops bursts swaps occlusion(0/1) glitches"

    static func apply(_ text: String, to base: PoseNoiseOptions) throws -> PoseNoiseOptions {
        var n = base
        for pair in text.split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, let v = Double(kv[1]) else { throw UsageError("--noise-set: bad \(pair)") }
            switch kv[0] {
            case "feet": n.feetSigma = v
            case "knees": n.kneeSigma = v
            case "hips": n.hipSigma = v
            case "shoulders": n.shoulderSigma = v
            case "arms": n.armSigma = v
            case "hands": n.handSigma = v
            case "face": n.faceSigma = v
            case "corr": n.correlationTime = v
            case "small": n.smallWalkerHeight = v
            case "blur": n.blurPixels = v
            case "box": n.boxJitterSigma = v
            case "boxtime": n.boxJitterTime = v
            case "depth": n.depthSigma = v
            case "world": n.worldSigma = v
            case "worlddepth": n.worldDepthSigma = v
            case "drops": n.dropoutsPerSecond = v
            case "bursts": n.dropoutBurstsPerSecond = v
            case "swaps": n.legSwapsPerSecond = v
            case "occlusion": n.occlusion = v != 0
            case "glitches": n.footGlitchesPerSecond = v
            default: throw UsageError("--noise-set: unknown knob \(kv[0]) (knobs: \(keys))")
            }
        }
        return n
    }
}
