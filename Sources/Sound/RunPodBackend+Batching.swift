extension RunPodBackend {
    /// One call per render: the backend groups steps by prompt and generates each clip once, so splitting the
    /// requests would ask the server again for the same clips.
    public var preferredBatchSize: Int { .max }
}
