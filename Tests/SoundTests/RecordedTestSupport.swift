import CSndfile
import FootfallCore
import Foundation

@testable import Sound

/// A small recording set made in the test (OGG Vorbis and WAV through libsndfile, with a manifest), so the
/// recorded backend is tested without the recordings setup installs.
enum RecordedTestSet {
    /// Tones that identify each recording after the backend's pitch and tilt variation (far apart in log frequency).
    static let concreteTones = [500.0, 1_400.0]
    static let sandTones = [300.0, 800.0, 2_200.0]
    static let gravelTone = 3_000.0
    /// Where the three steps of the gravel recording start.
    static let gravelOnsets = [0.05, 0.5, 0.95]

    /// A synthetic footstep starting at `onset`: a 1 ms click, a decaying tone and a little decaying noise.
    static func step(tone: Double, onset: Double, into x: inout [Float], sampleRate: Int, seed: UInt64) {
        let rate = Double(sampleRate)
        var rng = SeededRandom(seed: seed)
        let start = Int(onset * rate)
        for i in 0..<Int(0.3 * rate) where start + i < x.count {
            let t = Double(i) / rate
            let click = i < Int(0.001 * rate) ? (i % 2 == 0 ? 0.6 : -0.6) * (1 - t / 0.001) : 0
            let body = 0.35 * sin(2 * Double.pi * tone * t) * exp(-t / 0.04)
            let noise = 0.05 * (rng.unit() * 2 - 1) * exp(-t / 0.06)
            x[start + i] += Float(click + body + noise)
        }
    }

    static func recording(tones: [Double], onsets: [Double], length: Double, sampleRate: Int = 44_100)
        -> AudioBuffer
    {
        var x = [Float](repeating: 0, count: Int(length * Double(sampleRate)))
        for (k, (tone, onset)) in zip(tones, onsets).enumerated() {
            step(tone: tone, onset: onset, into: &x, sampleRate: sampleRate, seed: UInt64(k) + 1)
        }
        return AudioBuffer(sampleRate: sampleRate, channels: [x])
    }

    /// `DIR/test-set/` with concrete (CC BY, one OGG, one WAV), sand (CC0, OGG), gravel (CC BY-SA, one OGG with
    /// three steps) and an unused entry; returns DIR.
    static func make() throws -> URL {
        let root = try TestWAV.temporaryDirectory("recorded")
        let folder = root.appendingPathComponent("test-set")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sounds"), withIntermediateDirectories: true)
        let ogg = Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
        var entries: [[String: Any]] = []
        func add(_ file: String, _ audio: AudioBuffer, surface: String?, author: String, licence: String) throws {
            let format = file.hasSuffix(".ogg") ? ogg : Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
            try TestWAV.write(audio, to: folder.appendingPathComponent(file).path, format: format)
            var entry: [String: Any] = [
                "file": file, "author": author, "source": "https://example.org/\(author)", "licence": licence,
                "sha256": String(repeating: "0", count: 64),
            ]
            entry["surface"] = surface ?? NSNull()
            entries.append(entry)
        }
        for (i, tone) in concreteTones.enumerated() {
            try add(
                "sounds/hard.\(i + 1)." + (i == 0 ? "ogg" : "wav"),
                recording(tones: [tone], onsets: [0.02], length: 0.35), surface: "concrete", author: "Hardy",
                licence: "CC-BY-3.0")
        }
        for (i, tone) in sandTones.enumerated() {
            try add(
                "sounds/sand.\(i + 1).ogg", recording(tones: [tone], onsets: [0.01], length: 0.3), surface: "sand",
                author: "Sandy", licence: "CC0-1.0")
        }
        try add(
            "sounds/gravel.ogg",
            recording(tones: Array(repeating: gravelTone, count: 3), onsets: gravelOnsets, length: 1.3),
            surface: "gravel", author: "Grav", licence: "CC-BY-SA-3.0")
        try add(
            "sounds/glass.ogg", recording(tones: [5_000], onsets: [0.01], length: 0.2), surface: nil, author: "Glassy",
            licence: "CC-BY-SA-3.0")
        let manifest: [String: Any] = [
            "set": "test-set", "title": "Test steps", "installed_from": "the test", "licence_text": "README.txt",
            "licence_note": "Made up for the tests.", "recordings": entries,
        ]
        try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
            .write(to: folder.appendingPathComponent("manifest.json"))
        try "Licences of the test steps\n".write(
            to: folder.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
        return root
    }

    /// Which recording a sound came from: the tone nearest its spectral peak.
    static func tone(of sound: FootstepSound, among tones: [Double]) -> Int {
        let f = SamplesBackendTests.peakFrequency(of: sound)
        return tones.indices.min { abs(log(tones[$0] / f)) < abs(log(tones[$1] / f)) } ?? 0
    }

    static func requests(_ surface: SurfaceKind, count: Int, seed: UInt64 = 1) -> [SoundRequest] {
        (0..<count).map {
            SoundRequest(
                surface: surface, foot: $0 % 2 == 0 ? .left : .right, stepInterval: 0.55,
                seed: UInt64($0) &* 7919 &+ seed)
        }
    }
}
