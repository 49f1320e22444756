/// A marker in a WAV file: a `cue ` point at a sample with a `labl` name in `LIST/adtl`, which Pro Tools,
/// REAPER, Audacity and sound-file browsers show as markers that travel with the file.
public struct WAVCuePoint: Sendable, Equatable {
    /// Sample frame from the start of the audio.
    public var sample: UInt32
    public var label: String

    public init(sample: UInt32, label: String) {
        self.sample = sample
        self.label = label
    }
}
