import FootfallCore
import Foundation

/// The per-step random choices that make a few recordings into many different steps: pitch, gain and tilt, drawn
/// from the request's seed (the same request always sounds the same).
struct RecordedVariation: Equatable {
    /// Largest random detune; with the foot offset, at most ±55 cents — a different walker weight or sole, never
    /// a different material.
    static let maximumCents = 40.0
    static let maximumGainDB = 2.0
    static let maximumTiltDB = 3.0

    var cents: Double
    var gainDB: Double
    var tiltDB: Double

    var pitchRatio: Double { pow(2, cents / 1200) }

    init(cents: Double, gainDB: Double, tiltDB: Double) {
        self.cents = cents
        self.gainDB = gainDB
        self.tiltDB = tiltDB
    }

    init(request: SoundRequest) {
        // Its own stream, so other draws on the request's seed elsewhere never shift these.
        var rng = SeededRandom(seed: request.seed, stream: 11)
        // The two feet differ a little in a fixed way, as the procedural backend's do.
        let footCents = request.foot == .left ? -15.0 : 15.0
        cents = rng.uniform(-Self.maximumCents...Self.maximumCents) + footCents
        gainDB = rng.uniform(-Self.maximumGainDB...Self.maximumGainDB)
        tiltDB = rng.uniform(-Self.maximumTiltDB...Self.maximumTiltDB)
    }
}
