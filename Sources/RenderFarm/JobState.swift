/// Where a job is in its life: queued → running → done, or back to queued for a retry, or parked as failed.
public enum JobState: String, Sendable, CaseIterable, Codable {
    case queued, running, done, failed
}
