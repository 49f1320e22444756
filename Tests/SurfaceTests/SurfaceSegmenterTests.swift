import FootfallCore
import Testing

@testable import Surface

@Suite struct SurfaceSegmenterTests {
    /// A clear opinion: `p` on `kind`, the rest spread evenly.
    static func scores(_ kind: SurfaceKind, p: Double = 0.8, confidence: Double = 0.7) -> SurfaceScores {
        let rest = (1 - p) / Double(SurfaceKind.allCases.count - 1)
        return SurfaceScores(
            scores: Dictionary(uniqueKeysWithValues: SurfaceKind.allCases.map { ($0, $0 == kind ? p : rest) }),
            confidence: confidence)
    }

    static func guesses(_ kinds: [SurfaceKind], walker: Int = 1, confidence: Double = 0.7) -> [StepSurfaceGuess] {
        kinds.enumerated().map { i, k in
            StepSurfaceGuess(
                step: i, walker: walker, time: 0.5 * Double(i) + 0.25, scores: scores(k, confidence: confidence))
        }
    }

    @Test func grassThenConcreteWithOneOutlierGivesTwoSegments() {
        var kinds = [SurfaceKind](repeating: .grass, count: 5) + [SurfaceKind](repeating: .concrete, count: 5)
        kinds[2] = .gravel  // one noisy step inside the grass stretch
        let result = SurfaceSegmenter().segment(Self.guesses(kinds), duration: 5.5)
        #expect(result.segments.map(\.surface) == ["grass", "concrete"])
        #expect(result.segments.allSatisfy { $0.source == .detected })
        #expect(result.warnings.isEmpty)
        // The change sits between the last grass step (2.25 s) and the first concrete step (2.75 s).
        #expect(abs(result.segments[0].end - 2.5) < 1e-9)
        #expect(result.segments[0].start == 0 && result.segments[1].end == 5.5)
    }

    @Test func walkersAreSegmentedSeparately() {
        let a = Self.guesses([.grass, .grass, .grass], walker: 1)
        let b = Self.guesses([.tile, .tile, .tile], walker: 2)
        let result = SurfaceSegmenter().segment(a + b, duration: 2)
        #expect(result.segments.count == 2)
        #expect(result.segments.first { $0.walker == 1 }?.surface == "grass")
        #expect(result.segments.first { $0.walker == 2 }?.surface == "tile")
    }

    @Test func lowConfidenceFallsBackToDefaultWithAWarning() {
        let result = SurfaceSegmenter(defaultSurface: .concrete).segment(
            Self.guesses([.snow, .snow, .snow], confidence: 0.15), duration: 2)
        #expect(result.segments.count == 1)
        #expect(result.segments[0].surface == "concrete")
        #expect(result.segments[0].source == .fallback)
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].contains("--surface"))
        #expect(result.warnings[0].contains("steps JSON"))
    }

    @Test func noStepsNoSegments() {
        let result = SurfaceSegmenter().segment([], duration: 3)
        #expect(result.segments.isEmpty && result.warnings.isEmpty)
    }
}
