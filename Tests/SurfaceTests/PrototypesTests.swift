import FootfallCore
import Foundation
import Testing

@testable import Surface

@Suite struct PrototypesTests {
    @Test func bundledFileDescribesEverySurfaceAndFeature() throws {
        let p = try SurfacePrototypes.bundled()
        #expect(Set(p.surfaces.keys) == Set(SurfaceKind.allCases.map(\.rawValue)))
        #expect(Set(p.features.keys) == Set(GroundFeature.allCases.map(\.rawValue)))
        for (name, info) in p.features { #expect(!info.about.isEmpty, "feature \(name) needs an explanation") }
        for name in p.scene.weights.keys { #expect(SceneAnalyzer.featureNames.contains(name)) }
        _ = try SurfaceKind.parse(p.segmentation.defaultSurface)
    }

    @Test func rejectsUnknownNames() throws {
        let bundled = try SurfacePrototypes.bundled()
        var data = try JSONEncoder().encode(bundled)
        var text = String(decoding: data, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"gravel\"", with: "\"gravle\"")
        data = Data(text.utf8)
        #expect(throws: FootfallError.self) { try SurfacePrototypes.load(data, source: "test") }
        #expect(throws: FootfallError.self) { try SurfacePrototypes.load(Data("{}".utf8), source: "test") }
    }
}
