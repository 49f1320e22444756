import FootfallCore

extension AudioBuffer {
    /// The channels' average, mono: a footstep sound is placed in the stereo field by the mixer, not by its source
    /// (a recording or a generated clip).
    func downmixed() -> [Float] {
        guard channelCount > 1 else { return channels.first ?? [] }
        let scale = 1 / Float(channelCount)
        var mono = [Float](repeating: 0, count: frameCount)
        for channel in channels {
            for i in mono.indices { mono[i] += channel[i] * scale }
        }
        return mono
    }
}
