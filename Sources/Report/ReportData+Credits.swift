extension ReportData {
    /// The recordings a render's sound track uses, as its credits list them (plain strings: the report does not
    /// know the sound backends).
    public struct Credits: Sendable, Equatable {
        public struct Recording: Sendable, Equatable {
            public var file: String
            public var surface: String
            public var author: String
            public var source: String
            public var licence: String
            public var licenceURL: String
            public var steps: Int

            public init(
                file: String, surface: String, author: String, source: String, licence: String, licenceURL: String,
                steps: Int
            ) {
                self.file = file
                self.surface = surface
                self.author = author
                self.source = source
                self.licence = licence
                self.licenceURL = licenceURL
                self.steps = steps
            }
        }

        /// One sentence: which licence condition applies to the outputs and what to do about it.
        public var conditions: String
        public var recordings: [Recording]
        /// Steps synthesised because no recording of their surface was allowed.
        public var synthesizedSteps: Int
        /// The credits file written next to the outputs, when there is one.
        public var file: String?

        public init(conditions: String, recordings: [Recording], synthesizedSteps: Int = 0, file: String? = nil) {
            self.conditions = conditions
            self.recordings = recordings
            self.synthesizedSteps = synthesizedSteps
            self.file = file
        }
    }
}
