import FootfallCore
import Testing

@testable import Surface

@Suite struct SceneAnalyzerTests {
    /// A picture with `top` colour above `horizon` (a share of the height) and `bottom` below it.
    static func frame(top: (UInt8, UInt8, UInt8), bottom: (UInt8, UInt8, UInt8), horizon: Double, index: Int)
        -> RGBFrame
    {
        var image = PatchImage(width: 160, height: 120, fill: bottom)
        image.fill(x: 0, y: 0, width: 160, height: Int(120 * horizon), color: top)
        return RGBFrame(index: index, time: Double(index) / 25, width: 160, height: 120, pixels: image.pixels)
    }

    func guess(top: (UInt8, UInt8, UInt8), bottom: (UInt8, UInt8, UInt8)) throws -> SceneAnalyzer.Guess {
        var scene = SceneAnalyzer(settings: try SurfacePrototypes.bundled().scene, stride: 5)
        for i in 0..<20 { scene.consume(frame: Self.frame(top: top, bottom: bottom, horizon: 0.4, index: i)) }
        return scene.guess
    }

    @Test func blueSkyOverGrassIsOutdoor() throws {
        let g = try guess(top: (150, 190, 240), bottom: (70, 120, 40))
        #expect(g.scene == .outdoor)
        #expect(g.features["sky_share"] ?? 0 > 0.5)
    }

    @Test func evenlyLitRoomIsIndoor() throws {
        // A white wall over a grey floor: bright, but not brighter than the room as a whole, no sky.
        let g = try guess(top: (200, 198, 190), bottom: (150, 145, 140))
        #expect(g.scene == .indoor)
    }

    @Test func noFramesIsUnknown() throws {
        let scene = SceneAnalyzer(settings: try SurfacePrototypes.bundled().scene)
        #expect(scene.guess.scene == .unknown)
        #expect(scene.guess.confidence == 0)
    }

    @Test func indoorPriorTurnsWeakSnowIntoSomethingElse() throws {
        let p = try SurfacePrototypes.bundled()
        let classifier = FeatureClassifier(prototypes: p)
        let snow = classifier.classify(SyntheticGround.make(.snow))
        let indoors = snow.applying(logPriors: p.logPriors(for: .indoor, confidence: 1))
        #expect((indoors.scores[.snow] ?? 0) < (snow.scores[.snow] ?? 0))
        #expect(abs(indoors.scores.values.reduce(0, +) - 1) < 1e-9)
        #expect(p.logPriors(for: .unknown, confidence: 1).isEmpty)
    }
}
