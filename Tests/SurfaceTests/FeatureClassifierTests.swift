import FootfallCore
import Foundation
import Testing

@testable import Surface

@Suite struct FeatureClassifierTests {
    let classifier: FeatureClassifier

    init() throws {
        classifier = try FeatureClassifier()
    }

    @Test(arguments: SurfaceKind.allCases)
    func classifiesSyntheticGround(_ kind: SurfaceKind) {
        for seed: UInt64 in [1, 2] {
            let image = SyntheticGround.make(kind, seed: seed)
            let s = classifier.classify(image)
            #expect(s.best == kind, "seed \(seed): \(classifier.explain(image))")
            #expect(s.confidence > 0.25, "seed \(seed): \(classifier.explain(image))")
            #expect(abs(s.scores.values.reduce(0, +) - 1) < 1e-9)
        }
    }

    @Test func darkPatchGetsLowConfidence() {
        var image = SyntheticGround.make(.concrete)
        for i in image.pixels.indices { image.pixels[i] /= 12 }
        #expect(classifier.classify(image).confidence < 0.1)
    }

    @Test func tinyPatchIsUnknown() {
        let image = SyntheticGround.make(.grass).resized(width: 6, height: 6)
        #expect(classifier.classify(image).confidence == 0)
    }

    @Test func patchUnlikeAnyPrototypeGetsLowConfidence() {
        // Saturated magenta stripes: nothing anyone walks on looks like this.
        var pixels: [UInt8] = []
        for y in 0..<64 {
            for _ in 0..<64 { pixels += y % 4 < 2 ? [255, 0, 255] : [0, 255, 0] }
        }
        let s = classifier.classify(PatchImage(width: 64, height: 64, pixels: pixels))
        #expect(s.confidence < 0.2, "\(s.best) \(s.confidence)")
    }

    @Test func textureIsMeasuredRelativeToPatchSize() {
        // The same ground at two resolutions (as for a near and a far walker) measures alike.
        let image = SyntheticGround.make(.gravel)
        let big = PatchFeatures(measuring: image)
        let small = PatchFeatures(measuring: image.resized(width: 64, height: 64))
        #expect(abs(big[.greenRed] - small[.greenRed]) < 1)
        #expect(classifier.classify(image.resized(width: 64, height: 64)).best == .gravel)
    }
}
