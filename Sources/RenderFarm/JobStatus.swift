import Foundation

/// What `batch --wait` follows for each of its jobs.
public struct JobStatus: Sendable, Equatable {
    public var state: JobState
    public var attempts: Int
    public var lastError: String?
    public var worker: String?
    /// What the render made, once done (nil before, or from a worker older than the summary).
    public var summary: JobSummary?
    /// A running job's pipeline stage (e.g. "pose") and the fraction of it done (0…1), as its worker last
    /// reported them; nil before the first report and once the job is no longer running.
    public var stage: String?
    public var progress: Double?
}

/// What a finished job's render made: the numbers of `render`'s summary table, and the licence conditions the
/// outputs carry (said in full after the table, never only in a worker's log).
public struct JobSummary: Sendable, Equatable, Codable {
    public var steps: Int
    public var walkers: Int
    public var seconds: Double
    public var licence: String?
    public var credits: String?

    public init(steps: Int, walkers: Int, seconds: Double, licence: String? = nil, credits: String? = nil) {
        self.steps = steps
        self.walkers = walkers
        self.seconds = seconds
        self.licence = licence
        self.credits = credits
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    init?(json: String?) {
        guard let json, let summary = try? JSONDecoder().decode(JobSummary.self, from: Data(json.utf8)) else {
            return nil
        }
        self = summary
    }
}
