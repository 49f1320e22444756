import Foundation
import Prometheus

/// One stage of a render and the seconds it took (the pipeline's own timings: probe, pose, steps, surface, sound,
/// mix, export).
public struct StageTime: Sendable, Equatable {
    public var stage: String
    public var seconds: Double

    public init(stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
    }
}

/// The worker's Prometheus metrics. Jobs by state and the queue depth are the whole farm's, read from the database
/// at each scrape (so any worker's endpoint tells the farm's state); render seconds, jobs rendered and failures are
/// this worker process's own. Nothing here holds the queue URL or its password.
public final class FarmMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    let jobs: [JobState: Gauge]
    let depth: Gauge
    let rendered: Counter
    let failures: Counter
    let jobSeconds: ValueHistogram

    /// Seconds from a tenth of a second (probe) to half an hour (pose of a long clip).
    static let buckets: [Double] = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800]

    public init() {
        let registry = self.registry
        jobs = Dictionary(
            uniqueKeysWithValues: JobState.allCases.map { state in
                (
                    state,
                    registry.makeGauge(
                        descriptor: .init(
                            namespace: "footfall", metricName: "jobs", unitName: "",
                            helpText: "Jobs in the queue by state (the whole farm, read from the database)"),
                        labels: [("state", state.rawValue)])
                )
            })
        depth = registry.makeGauge(
            descriptor: .init(
                namespace: "footfall", metricName: "queue_depth", unitName: "",
                helpText: "Jobs a worker could claim now: queued and due, or running with an expired lease"))
        rendered = registry.makeCounter(
            descriptor: .init(
                namespace: "footfall", metricName: "jobs_rendered", unitName: "total",
                helpText: "Jobs this worker rendered and marked done"))
        failures = registry.makeCounter(
            descriptor: .init(
                namespace: "footfall", metricName: "job_failures", unitName: "total",
                helpText: "Render attempts of this worker that failed (retried or parked as failed)"))
        jobSeconds = registry.makeValueHistogram(
            descriptor: .init(
                namespace: "footfall", metricName: "job", unitName: "seconds",
                helpText: "Wall time of a job on this worker, claim to done"),
            labels: [], buckets: Self.buckets)
    }

    /// Sets the farm-wide gauges from the database.
    public func refresh(from queue: JobQueue) async throws {
        let counts = try await queue.counts()
        for (state, gauge) in jobs { gauge.set(Double(counts[state] ?? 0)) }
        depth.set(Double(try await queue.depth()))
    }

    func recordDone(stages: [StageTime], seconds: Double) {
        rendered.increment()
        jobSeconds.record(seconds)
        for stage in stages {
            registry.makeValueHistogram(
                descriptor: Self.stageDescriptor, labels: [("stage", stage.stage)], buckets: Self.buckets
            ).record(stage.seconds)
        }
    }

    func recordFailure() { failures.increment() }

    static var stageDescriptor: MetricNameDescriptor {
        .init(
            namespace: "footfall", metricName: "render", unitName: "seconds",
            helpText: "Seconds per pipeline stage of the jobs this worker rendered")
    }

    /// The text exposition format, as Prometheus scrapes it.
    public func exposition() -> String { registry.emitToString() }
}
