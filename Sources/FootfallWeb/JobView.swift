import Foundation

/// The JSON a client sees for a job (`GET /api/jobs/{id}`); absent values are `null`, never missing.
struct JobView: Encodable {
    let job: JobRecord
    /// Jobs ahead of this one in the queue, when queued.
    let queuePosition: Int?

    enum CodingKeys: String, CodingKey {
        case id, status, stage, progress, error, files, upload, overrides, warnings, timings, licence
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case renderCount = "render_count"
        case queuePosition = "queue_position"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(job.id, forKey: .id)
        try c.encode(job.status, forKey: .status)
        try c.encode(job.stage, forKey: .stage)
        try c.encode(job.progress, forKey: .progress)
        try c.encode(job.error, forKey: .error)
        try c.encode(job.files, forKey: .files)
        try c.encode(job.upload, forKey: .upload)
        try c.encode(job.overrides, forKey: .overrides)
        try c.encode(job.warnings, forKey: .warnings)
        try c.encode(job.timings, forKey: .timings)
        try c.encode(job.licence, forKey: .licence)
        try c.encode(job.createdAt, forKey: .createdAt)
        try c.encode(job.updatedAt, forKey: .updatedAt)
        try c.encode(job.renderCount, forKey: .renderCount)
        try c.encode(queuePosition, forKey: .queuePosition)
    }
}
