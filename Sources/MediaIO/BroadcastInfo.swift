import Foundation

/// The Broadcast Wave `bext` chunk: who made the file and when. Footfall's WAVs start at time reference 0.
public struct BroadcastInfo: Sendable, Equatable {
    /// Up to 256 characters.
    public var description: String
    /// Up to 32 characters.
    public var originator: String
    public var originatorReference: String
    /// "yyyy-mm-dd".
    public var originationDate: String
    /// "hh:mm:ss".
    public var originationTime: String
    /// Samples since midnight of the first sample; 0 for a track aligned to the start of its video.
    public var timeReference: UInt64

    public init(
        description: String, originator: String = "footfall", originatorReference: String = "",
        originationDate: String? = nil, originationTime: String? = nil, timeReference: UInt64 = 0, now: Date = Date()
    ) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let date = formatter.string(from: now)
        formatter.dateFormat = "HH:mm:ss"
        let time = formatter.string(from: now)
        self.description = description
        self.originator = originator
        self.originatorReference = originatorReference
        self.originationDate = originationDate ?? date
        self.originationTime = originationTime ?? time
        self.timeReference = timeReference
    }
}
