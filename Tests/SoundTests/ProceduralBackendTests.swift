import FootfallCore
import Testing

@testable import Sound

@Suite struct ProceduralBackendTests {
    let backend = ProceduralBackend()

    func sound(_ surface: SurfaceKind, shoe: ShoeKind = .sneaker, foot: Foot = .left, seed: UInt64 = 11) throws
        -> FootstepSound
    {
        try backend.sound(for: SoundRequest(surface: surface, shoe: shoe, foot: foot, seed: seed))
    }

    @Test(arguments: SurfaceKind.allCases)
    func every_surface_is_48k_mono_below_full_scale_with_its_transient_at_the_heel_peak(surface: SurfaceKind) throws {
        for shoe in ShoeKind.allCases {
            for seed: UInt64 in [1, 2] {
                let s = try sound(surface, shoe: shoe, seed: seed)
                #expect(s.audio.sampleRate == 48_000)
                #expect(s.audio.channelCount == 1)
                #expect(s.audio.peak > 0.05, "\(surface)/\(shoe) is nearly silent")
                #expect(s.audio.peak <= Float(0.8913), "\(surface)/\(shoe) peaks above −1 dBFS")
                // The heel impact is the envelope maximum of the step's attack (up to its first 30 ms).
                let samples = s.audio.channels[0]
                let attack = 0..<min(samples.count, s.transientIndex + 48 * 10)
                let peak = SignalMetrics.envelopeArgmax(samples, sampleRate: 48_000, range: attack)
                #expect(
                    abs(peak - s.transientIndex) <= 4,
                    "\(surface)/\(shoe): envelope peak \(peak) vs \(s.transientIndex)")
                // And it is a real impact, not a quiet blip before the main sound.
                let whole = SignalMetrics.envelopeArgmax(samples, sampleRate: 48_000, range: 0..<samples.count)
                let env = TransientFinder.envelope(s.audio)
                #expect(
                    env[s.transientIndex] >= 0.4 * env[whole], "\(surface)/\(shoe): heel much weaker than later peak")
            }
        }
    }

    /// As in the recordings the models are calibrated against: grass is a long bright swish (4.6–6.2 kHz,
    /// 0.54–0.62 s), gravel a darker crunch (2.5–3.1 kHz), both longer than a step on a hard floor (0.12–0.27 s).
    @Test func grass_is_brighter_than_gravel_and_both_outlast_a_hard_floor() throws {
        for seed: UInt64 in [3, 4, 5] {
            let gravel = try sound(.gravel, seed: seed).audio
            let grass = try sound(.grass, seed: seed).audio
            let concrete = try sound(.concrete, seed: seed).audio
            let gravelCentroid = SignalMetrics.spectralCentroid(gravel)
            let grassCentroid = SignalMetrics.spectralCentroid(grass)
            #expect(grassCentroid > 1.4 * gravelCentroid, "centroids: gravel \(gravelCentroid) grass \(grassCentroid)")
            let length = { (a: AudioBuffer) in StepDescriptors.length30dB(a.channels[0], sampleRate: 48_000) }
            #expect(length(grass) > length(gravel) && length(gravel) > length(concrete))
        }
    }

    /// Metal floors ring longer than wooden or concrete ones, yet (as recorded) a fifth of a second, not a bell.
    @Test func wood_is_resonant_and_metal_rings_longer_than_the_other_floors() throws {
        let wood = try sound(.wood).audio
        let grass = try sound(.grass).audio
        let woodPeakiness = SignalMetrics.spectralPeakiness(wood)
        let grassPeakiness = SignalMetrics.spectralPeakiness(grass)
        #expect(woodPeakiness > 3 * grassPeakiness, "peak/mean: wood \(woodPeakiness) grass \(grassPeakiness)")
        let metalDecay = SignalMetrics.decayTime20dB(try sound(.metal).audio)
        for other in [SurfaceKind.wood, .concrete] {
            let otherDecay = SignalMetrics.decayTime20dB(try sound(other).audio)
            #expect(metalDecay > otherDecay, "−20 dB decay: metal \(metalDecay) s, \(other) \(otherDecay) s")
        }
        #expect(metalDecay < 0.4)
    }

    @Test func tile_is_brighter_than_wood_and_snow_is_lowpassed_compared_with_gravel() throws {
        let tile = SignalMetrics.spectralCentroid(try sound(.tile).audio)
        let wood = SignalMetrics.spectralCentroid(try sound(.wood).audio)
        #expect(tile > 2 * wood, "centroids: tile \(tile) wood \(wood)")
        let snow = SignalMetrics.spectralCentroid(try sound(.snow).audio)
        let gravel = SignalMetrics.spectralCentroid(try sound(.gravel).audio)
        #expect(gravel > 1.5 * snow, "centroids: gravel \(gravel) snow \(snow)")
    }

    @Test func leather_clicks_brighter_than_sneaker_and_heels_are_brightest() throws {
        let sneaker = SignalMetrics.spectralCentroid(try sound(.tile, shoe: .sneaker).audio)
        let leather = SignalMetrics.spectralCentroid(try sound(.tile, shoe: .leather).audio)
        let heels = SignalMetrics.spectralCentroid(try sound(.tile, shoe: .heels).audio)
        let boots = SignalMetrics.spectralCentroid(try sound(.wood, shoe: .boots).audio)
        let bootsSneaker = SignalMetrics.spectralCentroid(try sound(.wood, shoe: .sneaker).audio)
        #expect(
            leather > sneaker && heels > leather, "tile centroids: sneaker \(sneaker) leather \(leather) heels \(heels)"
        )
        #expect(boots < 2 * bootsSneaker, "boots are not a click")
    }

    @Test func consecutive_steps_differ_and_left_right_differ() throws {
        for surface in SurfaceKind.allCases {
            let sounds = try (0..<6).map {
                try sound(surface, foot: $0 % 2 == 0 ? .left : .right, seed: UInt64($0) + 100)
            }
            for (a, b) in zip(sounds, sounds.dropFirst()) {
                #expect(a.audio != b.audio, "\(surface): two consecutive steps are identical")
            }
            let left = try sound(surface, foot: .left, seed: 9)
            let right = try sound(surface, foot: .right, seed: 9)
            #expect(left.audio != right.audio, "\(surface): left and right identical for one seed")
        }
    }

    @Test func same_seed_gives_identical_output() async throws {
        let requests = SurfaceKind.allCases.enumerated().map { i, surface in
            SoundRequest(surface: surface, shoe: ShoeKind.allCases[i % ShoeKind.allCases.count], foot: .right, seed: 42)
        }
        let first = try await backend.sounds(for: requests)
        let second = try await backend.sounds(for: requests)
        #expect(first == second)
    }

    @Test func intensity_scales_level_and_brightness() throws {
        let soft = try backend.sound(
            for: SoundRequest(surface: .tile, shoe: .leather, foot: .left, intensity: 0.1, seed: 5))
        let hard = try backend.sound(
            for: SoundRequest(surface: .tile, shoe: .leather, foot: .left, intensity: 1, seed: 5))
        #expect(hard.audio.peak > 1.8 * soft.audio.peak)
        #expect(SignalMetrics.spectralCentroid(hard.audio) > SignalMetrics.spectralCentroid(soft.audio))
    }

    @Test func toe_follows_heel_sooner_for_faster_steps() throws {
        func toeDelay(_ interval: Double) throws -> Int {
            // The toe contact is the second envelope peak; compare where the toe sits for a walk and a run.
            let request = SoundRequest(surface: .tile, shoe: .leather, foot: .left, stepInterval: interval, seed: 8)
            var rng = SeededRandom(seed: request.seed, stream: 1)
            let variation = StepVariation(request: request, rng: &rng)
            return Int(variation.toeDelay * 48_000)
        }
        let walk = try toeDelay(0.6)
        let run = try toeDelay(0.3)
        #expect(run < walk)
        #expect((1440...5760).contains(run) && (1440...5760).contains(walk))
    }

    @Test func non_finite_intensity_and_interval_still_give_a_normal_step() throws {
        let odd = SoundRequest(surface: .gravel, foot: .left, intensity: .nan, stepInterval: -.infinity, seed: 4)
        let normal = SoundRequest(surface: .gravel, foot: .left, intensity: 0.5, stepInterval: nil, seed: 4)
        let a = try backend.sound(for: odd)
        #expect(a.audio.channels[0].allSatisfy { $0.isFinite })
        let b = try backend.sound(for: normal)
        #expect(a == b)
    }

    @Test func unsupported_sample_rate_is_a_usage_error() {
        #expect(throws: FootfallError.self) {
            try backend.sound(for: SoundRequest(surface: .wood, foot: .left, seed: 1, sampleRate: 100))
        }
    }
}
