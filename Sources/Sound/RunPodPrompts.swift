import FootfallCore
import Foundation

/// The text prompts sent to Stable Audio for a (surface, shoe) group.
///
/// The template's placeholders are `{count}` (how many steps the clip should hold), `{surface}` and `{shoe}` (the
/// phrases below). Everything is overridable from the environment or `.env`:
/// - `RUNPOD_PROMPT_TEMPLATE` — the whole prompt, e.g. `"{count} footsteps, {shoe} on {surface}, foley"`;
/// - `RUNPOD_NEGATIVE_PROMPT` — what to steer away from;
/// - `RUNPOD_SURFACE_<NAME>` / `RUNPOD_SHOE_<NAME>` — one phrase, e.g. `RUNPOD_SURFACE_GRAVEL="wet river gravel"`.
///
/// The defaults ask for what the slicer needs: separate single steps with silence between them, dry, and without the
/// music or voices Stable Audio Open tends to add.
public struct RunPodPrompts: Sendable, Equatable {
    public static let defaultTemplate =
        "{count} single isolated footsteps of one person walking in {shoe} on {surface}, one step at a time with"
        + " a short silence between steps, close-miked foley recording, dry, high quality"
    public static let defaultNegativePrompt =
        "music, melody, speech, voice, talking, crowd, wind, hum, background noise, reverb, low quality, distortion"

    public static let defaultSurfacePhrases: [SurfaceKind: String] = [
        .concrete: "a concrete pavement", .wood: "a wooden floor", .tile: "hard ceramic tiles",
        .gravel: "loose gravel", .grass: "short grass", .sand: "dry sand", .snow: "fresh crunchy snow",
        .metal: "a metal grate", .wet: "a wet street with puddles", .leaves: "dry autumn leaves",
    ]
    public static let defaultShoePhrases: [ShoeKind: String] = [
        .sneaker: "sneakers", .leather: "leather dress shoes", .boots: "heavy boots", .heels: "high heels",
        .barefoot: "bare feet",
    ]

    public var template: String
    public var negativePrompt: String
    public var surfacePhrases: [SurfaceKind: String]
    public var shoePhrases: [ShoeKind: String]

    public init(
        template: String = RunPodPrompts.defaultTemplate, negativePrompt: String = RunPodPrompts.defaultNegativePrompt,
        surfacePhrases: [SurfaceKind: String] = RunPodPrompts.defaultSurfacePhrases,
        shoePhrases: [ShoeKind: String] = RunPodPrompts.defaultShoePhrases
    ) {
        self.template = template
        self.negativePrompt = negativePrompt
        self.surfacePhrases = surfacePhrases
        self.shoePhrases = shoePhrases
    }

    /// The defaults with any overrides found in `settings` (environment and `.env`).
    public init(settings: [String: String]) {
        self.init()
        if let t = settings["RUNPOD_PROMPT_TEMPLATE"], !t.isEmpty { template = t }
        if let n = settings["RUNPOD_NEGATIVE_PROMPT"] { negativePrompt = n }
        for surface in SurfaceKind.allCases {
            if let p = settings["RUNPOD_SURFACE_" + surface.rawValue.uppercased()], !p.isEmpty {
                surfacePhrases[surface] = p
            }
        }
        for shoe in ShoeKind.allCases {
            if let p = settings["RUNPOD_SHOE_" + shoe.rawValue.uppercased()], !p.isEmpty { shoePhrases[shoe] = p }
        }
    }

    /// The prompt for a clip of `count` steps.
    public func prompt(surface: SurfaceKind, shoe: ShoeKind, count: Int) -> String {
        template
            .replacingOccurrences(of: "{count}", with: String(count))
            .replacingOccurrences(of: "{surface}", with: surfacePhrases[surface] ?? surface.rawValue)
            .replacingOccurrences(of: "{shoe}", with: shoePhrases[shoe] ?? shoe.rawValue)
    }
}
