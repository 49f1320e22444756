/// One footstep cut from a recording: mono samples at the rate it was decoded at.
struct RecordedSlice: Sendable {
    var recording: Recording
    var samples: [Float]
}
