import FootfallCore
import Testing

@testable import Surface

@Suite struct SurfaceAssignmentTests {
    let steps = (0..<6).map {
        StepEvent(
            time: 0.5 + Double($0), frame: 15 + 30 * $0, walker: 1, foot: $0 % 2 == 0 ? .left : .right, confidence: 0.9)
    }
    let detected = [
        SurfaceSegment(walker: 1, start: 0, end: 3, surface: "grass", confidence: 0.8, source: .detected),
        SurfaceSegment(walker: 1, start: 3, end: 6, surface: "concrete", confidence: 0.7, source: .detected),
    ]

    @Test func stepsTakeTheirSegmentsSurface() {
        let out = SurfaceAssignment.assign(steps, segments: detected, fallback: .wood)
        #expect(out.map(\.surface) == ["grass", "grass", "grass", "concrete", "concrete", "concrete"])
    }

    @Test func wholeClipFlagBeatsDetection() throws {
        let flag = try SurfaceAssignment.wholeClip("gravel", duration: 6)
        let segments = SurfaceAssignment.combine(detected: detected, overrides: [flag])
        let out = SurfaceAssignment.assign(steps, segments: segments, fallback: .concrete)
        #expect(out.allSatisfy { $0.surface == "gravel" })
    }

    @Test func flagAcceptsAliasesAndSuggestsOnTypos() throws {
        #expect(try SurfaceAssignment.wholeClip("cobblestone", duration: 1).surface == "tile")
        #expect(throws: FootfallError.self) { try SurfaceAssignment.wholeClip("gras", duration: 1) }
        do {
            _ = try SurfaceAssignment.wholeClip("gras", duration: 1)
        } catch let e as FootfallError {
            #expect(e.description.contains("did you mean 'grass'"))
        }
    }

    @Test func jsonOverrideSegmentBeatsDetectionOnlyWhereItApplies() throws {
        let video = StepsDocument.Video(file: "x.mp4", width: 10, height: 10, duration: 6, frameRate: 30)
        let doc = StepsDocument(
            video: video, steps: steps,
            surfaces: detected + [
                SurfaceSegment(walker: 1, start: 1, end: 2.2, surface: "Wood", confidence: 1, source: .override)
            ])
        let overrides = try SurfaceAssignment.overrides(from: doc)
        #expect(overrides.count == 1 && overrides[0].surface == "wood")
        let segments = SurfaceAssignment.combine(detected: detected, overrides: overrides)
        let out = SurfaceAssignment.assign(steps, segments: segments, fallback: .concrete)
        #expect(out.map(\.surface) == ["grass", "wood", "grass", "concrete", "concrete", "concrete"])
    }

    @Test func badOverrideNameIsABadInputError() {
        let video = StepsDocument.Video(file: "x.mp4", width: 10, height: 10, duration: 6, frameRate: 30)
        let doc = StepsDocument(
            video: video, steps: steps,
            surfaces: [SurfaceSegment(walker: nil, start: 0, end: 6, surface: "lava", confidence: 1, source: .override)]
        )
        #expect(throws: FootfallError.self) { try SurfaceAssignment.overrides(from: doc) }
    }

    @Test func uncoveredStepsGetTheFallback() {
        let out = SurfaceAssignment.assign(steps, segments: [], fallback: .wood)
        #expect(out.allSatisfy { $0.surface == "wood" })
    }
}
