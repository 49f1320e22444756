import Foundation

/// The rendered sound track's outline for the page: the loudest sample per short bucket, read from the WAV in
/// blocks (an hour-long track is not loaded at once) and saved as `waveform.json` next to the job.
struct Waveform: Codable, Equatable {
    static let fileName = "waveform.json"
    static let bucketsPerSecond = 200.0
    static let maxBuckets = 12_000

    var duration: Double
    /// Buckets per second of `peaks`.
    var rate: Double
    /// 0...1 of full scale, the larger of the channels.
    var peaks: [Float]

    /// Writes the waveform of the render's `.footsteps.wav`; a track that cannot be read leaves none (the page
    /// then shows no waveform, the render itself is fine).
    static func save(fromOutputs files: [String], in out: URL, to folder: URL) {
        let target = folder.appendingPathComponent(fileName)
        try? FileManager.default.removeItem(at: target)
        guard let name = files.first(where: { $0.hasSuffix(".footsteps.wav") }),
            let waveform = try? read(out.appendingPathComponent(name).path),
            let data = try? JSONEncoder().encode(waveform)
        else { return }
        try? AtomicFile.write(data, to: target)
    }

    static func load(in folder: URL) -> Data? {
        try? Data(contentsOf: folder.appendingPathComponent(fileName))
    }

    /// PCM (16/24/32-bit) or 32-bit float WAV, as `footfall` writes them.
    static func read(_ path: String) throws -> Waveform {
        let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? file.close() }
        let format = try WAVLayout.read(file)
        let frames = format.dataBytes / format.frameBytes
        let duration = Double(frames) / Double(format.sampleRate)
        let buckets = max(1, min(maxBuckets, Int((duration * bucketsPerSecond).rounded(.up))))
        let framesPerBucket = max(1, Int((Double(frames) / Double(buckets)).rounded(.up)))
        var peaks = [Float](repeating: 0, count: buckets)
        try file.seek(toOffset: UInt64(format.dataOffset))
        var frame = 0
        let blockFrames = 1 << 15
        while frame < frames {
            let count = min(blockFrames, frames - frame)
            guard let block = try file.read(upToCount: count * format.frameBytes), !block.isEmpty else { break }
            block.withUnsafeBytes { raw in
                let n = raw.count / format.frameBytes
                for i in 0..<n {
                    var loudest: Float = 0
                    for c in 0..<format.channels {
                        loudest = max(
                            loudest, abs(format.sample(raw, at: i * format.frameBytes + c * format.sampleBytes)))
                    }
                    let bucket = min(buckets - 1, (frame + i) / framesPerBucket)
                    peaks[bucket] = max(peaks[bucket], loudest)
                }
            }
            frame += count
        }
        return Waveform(
            duration: duration, rate: Double(buckets) / max(duration, 1e-9),
            peaks: peaks.map { ($0 * 1000).rounded() / 1000 })
    }
}
