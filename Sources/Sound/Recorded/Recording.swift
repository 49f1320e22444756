import FootfallCore

/// One installed recording with what its credits need.
public struct Recording: Sendable, Hashable {
    /// Absolute path of the audio file.
    public var path: String
    /// Path inside its set, as the manifest names it (what the credits list).
    public var file: String
    public var surface: SurfaceKind
    public var author: String
    public var source: String
    public var licence: RecordingLicence
    /// The set it belongs to (its folder name) and the set's title.
    public var set: String
    public var setTitle: String
    /// Where the set came from (e.g. "Debian's minetest-data package").
    public var origin: String?
    /// The licence text installed with the set, when there is one.
    public var licenceTextPath: String?
    public var licenceNote: String?

    public init(
        path: String, file: String, surface: SurfaceKind, author: String, source: String, licence: RecordingLicence,
        set: String, setTitle: String, origin: String? = nil, licenceTextPath: String? = nil,
        licenceNote: String? = nil
    ) {
        self.path = path
        self.file = file
        self.surface = surface
        self.author = author
        self.source = source
        self.licence = licence
        self.set = set
        self.setTitle = setTitle
        self.origin = origin
        self.licenceTextPath = licenceTextPath
        self.licenceNote = licenceNote
    }
}
