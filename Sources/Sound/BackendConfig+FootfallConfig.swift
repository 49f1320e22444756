import FootfallCore
import Logging

extension BackendConfig {
    /// The backend-relevant part of a resolved `FootfallConfig` (samples folder, shoe, seed, backend options).
    /// An unknown shoe name falls back to sneaker here; commands validate it separately for the user.
    public init(
        _ config: FootfallConfig, environment: [String: String], cacheDirectory: String? = nil,
        logger: Logger = Logger(label: "footfall.sound")
    ) {
        self.init(
            environment: environment, samplesDirectory: config.samplesDir, cacheDirectory: cacheDirectory,
            shoe: ShoeKind(rawValue: config.shoe.lowercased()) ?? .sneaker, seed: config.seed,
            options: config.backendOptions, logger: logger)
    }
}
