import FootfallCore
import Foundation
import Testing

@testable import Sound

@Test func transient_finder_finds_the_attack_peak_not_a_later_louder_ring() {
    // Quiet noise, an impact at 0.1 s, then a louder slow swell 0.2 s later (outside the attack window).
    var rng = SeededRandom(seed: 3)
    var x = (0..<48_000).map { _ in Float(rng.uniform(-0.001...0.001)) }
    for i in 0..<480 { x[4800 + i] += Float(exp(-Double(i) / 60)) * (i % 2 == 0 ? 0.5 : -0.5) }
    for i in 0..<9600 { x[14_400 + i] += Float(sin(Double(i) / 9600 * Double.pi)) * 0.9 * (i % 2 == 0 ? 1 : -1) }
    let audio = AudioBuffer(channels: [x])
    let index = TransientFinder.transientIndex(in: audio, attack: 0.05)
    #expect(abs(index - 4800) <= 30, "found \(index)")
    #expect(TransientFinder.transientIndex(in: AudioBuffer(channels: [[Float](repeating: 0, count: 100)])) == 0)
}
