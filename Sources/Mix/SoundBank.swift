import FootfallCore
import Logging
import Sound

/// The footstep sounds of a render, spooled to a work file as the backend delivers them; the mixer reads each one
/// back when it places it. A 10-minute video has thousands of steps: holding their sounds would cost hundreds of MB.
public final class SoundBank: @unchecked Sendable {
    struct Entry: Sendable {
        var offset: Int
        var frames: Int
        var channels: Int
        var transientIndex: Int
    }

    public let sampleRate: Int
    private(set) var entries: [Entry] = []
    private let file: FloatFile

    public init(in workspace: MixWorkspace, sampleRate: Int = AudioBuffer.standardRate) throws {
        self.sampleRate = sampleRate
        file = try FloatFile(
            path: workspace.file("sounds-\(UInt32.random(in: 0...UInt32.max)).f32"), workspace: workspace)
    }

    public var count: Int { entries.count }

    /// Adds the next step's sound. NaN or infinite samples become silence; other rates or channel counts are a
    /// backend bug and are refused.
    public func append(_ sound: FootstepSound) throws {
        guard sound.audio.sampleRate == sampleRate, (1...2).contains(sound.audio.channelCount) else {
            throw FootfallError.failure(
                "sound \(entries.count) is \(sound.audio.channelCount)-channel audio at \(sound.audio.sampleRate) Hz; "
                    + "the mixer needs mono or stereo at \(sampleRate) Hz — this is a bug in the sound backend")
        }
        let clean = Self.sanitized(sound)
        var offset = file.count
        for plane in clean.audio.channels { offset = min(offset, try file.append(plane)) }
        entries.append(
            Entry(
                offset: offset, frames: clean.audio.frameCount, channels: clean.audio.channelCount,
                transientIndex: clean.transientIndex))
    }

    public func append(contentsOf sounds: [FootstepSound]) throws {
        for sound in sounds { try append(sound) }
    }

    func sound(at index: Int) throws -> FootstepSound {
        let e = entries[index]
        let channels = try (0..<e.channels).map { try file.read(offset: e.offset + $0 * e.frames, count: e.frames) }
        return FootstepSound(
            audio: AudioBuffer(sampleRate: sampleRate, channels: channels), transientIndex: e.transientIndex)
    }

    /// NaN or infinite samples from a backend would poison the loudness measurement: they become silence.
    static func sanitized(_ sound: FootstepSound) -> FootstepSound {
        guard sound.audio.channels.contains(where: { $0.contains { !$0.isFinite } }) else { return sound }
        Logger(label: "footfall.mix").warning("a footstep sound had NaN or infinite samples; they were silenced")
        var clean = sound
        for c in 0..<clean.audio.channelCount {
            clean.audio.channels[c] = clean.audio.channels[c].map { $0.isFinite ? $0 : 0 }
        }
        return clean
    }
}
