import FootfallCore

/// A crop of the ground that one step's surface guess is based on.
public struct GroundPatch: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        /// Around and below the foot in the contact frame (may include the shoe).
        case contact
        /// Between this step and the walker's previous one: ground just walked over.
        case path
        /// The contact spot in a frame where the walker was elsewhere: the ground without the foot.
        case clean
    }

    /// Index into the step list the sampler was given.
    public var step: Int
    public var role: Role
    public var walker: Int
    /// Frame the pixels come from.
    public var frame: Int
    public var time: Double
    /// Where the crop was taken, in upright-frame pixels.
    public var box: BoundingBox
    /// True when the step had no foot position and the crop is a guess (bottom centre of the frame).
    public var guessedPosition: Bool
    public var image: PatchImage

    public init(
        step: Int, role: Role, walker: Int, frame: Int, time: Double, box: BoundingBox, guessedPosition: Bool,
        image: PatchImage
    ) {
        self.step = step
        self.role = role
        self.walker = walker
        self.frame = frame
        self.time = time
        self.box = box
        self.guessedPosition = guessedPosition
        self.image = image
    }
}
