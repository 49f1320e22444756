import FootfallCore
import Foundation
import MediaIO

/// What a recorded backend keeps between batches of one render: decoded slices, where each surface's rotation is,
/// which recordings played (for the credits) and which warnings were given. A render asks in batches of 256, and
/// the rotation must run on across them, so this is a reference behind a lock (backends are `Sendable` values).
final class RecordedState: @unchecked Sendable {
    private let lock = NSLock()
    private var slices: [String: [RecordedSlice]] = [:]
    private var rotations: [RotationKey: SliceRotation] = [:]
    private var plays: [Recording: Int] = [:]
    private var synthesized = 0
    private var warned: Set<SurfaceKind> = []

    func locked<T>(_ body: (RecordedState) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(self)
    }

    /// The slices of `recordings` at `sampleRate` (decoded and cut once per recording and rate), in order.
    /// Caller holds the lock.
    func slices(of recordings: [Recording], sampleRate: Int, slicer: StepSlicer) throws -> [RecordedSlice] {
        try recordings.flatMap { recording -> [RecordedSlice] in
            let key = "\(sampleRate)|\(recording.path)"
            if let cached = slices[key] { return cached }
            let audio: AudioBuffer
            do {
                audio = try readAudioFile(path: recording.path, sampleRate: sampleRate)
            } catch let error as FootfallError {
                throw FootfallError.failure(
                    "cannot decode the recording \(recording.path) (\(error.description)): run 'make setup' again to"
                        + " reinstall it")
            }
            let mono = audio.downmixed()
            let cut = slicer.slices(of: mono, sampleRate: sampleRate).map {
                RecordedSlice(recording: recording, samples: Array(mono[$0]), sampleRate: sampleRate)
            }
            slices[key] = cut
            return cut
        }
    }

    /// Whose rotation: one per surface and walker (requests without a walker share one).
    struct RotationKey: Hashable {
        var surface: SurfaceKind
        var walker: Int?
    }

    /// The next index into `slices` (one surface's) for `walker`. Caller holds the lock.
    func nextSlice(of slices: [RecordedSlice], surface: SurfaceKind, walker: Int?, seed: UInt64) -> Int {
        let key = RotationKey(surface: surface, walker: walker)
        var rotation =
            rotations[key]
            ?? SliceRotation(
                files: Self.fileIDs(of: slices), seed: seed, stream: Self.stream(surface: surface, walker: walker))
        let index = rotation.next()
        rotations[key] = rotation
        return index
    }

    /// The random stream of a rotation: its own per surface and walker, the same for every render with the seed.
    static func stream(surface: SurfaceKind, walker: Int?) -> UInt64 {
        let surfaceIndex = UInt64(SurfaceKind.allCases.firstIndex(of: surface) ?? 0) + 1
        guard let walker else { return surfaceIndex }
        return surfaceIndex &+ (UInt64(truncatingIfNeeded: walker) &+ 1) &* 1_000_003
    }

    /// Which recording each slice comes from, as small ids.
    static func fileIDs(of slices: [RecordedSlice]) -> [Int] {
        var ids: [String: Int] = [:]
        return slices.map { slice in
            if let id = ids[slice.recording.path] { return id }
            ids[slice.recording.path] = ids.count
            return ids.count - 1
        }
    }

    /// Caller holds the lock.
    func recordPlay(of recording: Recording) { plays[recording, default: 0] += 1 }

    /// Caller holds the lock.
    func recordSynthesized() { synthesized += 1 }

    /// True the first time for `surface`. Caller holds the lock.
    func shouldWarn(about surface: SurfaceKind) -> Bool { warned.insert(surface).inserted }

    func credits(policy: LicencePolicy) -> RecordingCredits {
        locked { state in
            RecordingCredits(
                uses: state.plays.map { RecordingCredits.Use(recording: $0.key, steps: $0.value) },
                synthesizedSteps: state.synthesized, policy: policy)
        }
    }
}
