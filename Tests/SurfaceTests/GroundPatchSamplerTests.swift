import FootfallCore
import Testing

@testable import Surface

@Suite struct GroundPatchSamplerTests {
    func step(_ i: Int, x: Double, walker: Int = 1) -> StepEvent {
        StepEvent(
            time: Double(i) / 10, frame: i, walker: walker, foot: .left, confidence: 1,
            position: Point2D(x: x, y: 200), walkerHeight: 150)
    }

    @Test func cropsOnlyTheFramesItNeedsAndScalesWithWalkerHeight() {
        let steps = [step(3, x: 60), step(8, x: 160), step(13, x: 260)]
        var sampler = GroundPatchSampler(steps: steps)
        #expect(sampler.wantedFrames == [3, 8, 13])
        for i in 0..<20 {
            sampler.consume(frame: SyntheticGround.frame(.tile, index: i, time: Double(i) / 10))
            if i == 13 { #expect(sampler.isDone) }
        }
        let patches = sampler.patches
        #expect(Set(patches.map(\.frame)).isSubset(of: [3, 8, 13]))
        let contacts = patches.filter { $0.role == .contact }
        #expect(contacts.count == 3)
        // 30 % of a 150 px walker wide; a band from 3 % above the heel to 20 % below it, clipped at the bottom.
        #expect(contacts.allSatisfy { Int($0.box.width) == 45 && $0.image.width == 45 })
        #expect(contacts.allSatisfy { Int($0.box.y) == 196 && Int($0.box.height) == 34 })
        #expect(patches.filter { $0.role == .path }.count == 2)
        // Each spot is also seen from a frame where the walker stood far away.
        let clean = patches.filter { $0.role == .clean }
        #expect(clean.count == 3)
        #expect(clean.first { $0.step == 0 }?.frame == 13)
        // Crops stay inside the frame even at the border (heel at y=200, frame 240 high).
        #expect(patches.allSatisfy { $0.box.y + $0.box.height <= 240 && $0.box.x >= 0 })
    }

    @Test func positionsScaleWhenFramesAreDecodedSmaller() {
        // Steps measured on a 640-wide video, frames decoded at 320 wide: the crop lands at half the coordinates.
        var options = GroundPatchSampler.Options()
        options.sourceWidth = 640
        let s = StepEvent(
            time: 0, frame: 0, walker: 1, foot: .left, confidence: 1, position: Point2D(x: 300, y: 400),
            walkerHeight: 300)
        var sampler = GroundPatchSampler(steps: [s], options: options)
        sampler.consume(frame: SyntheticGround.frame(.sand, index: 0, time: 0))
        let box = sampler.patches[0].box
        #expect(box.width == 45)  // 0.3 × (300 / 2)
        #expect(abs(box.x + box.width / 2 - 150) <= 1)
        #expect(Int(box.y) == 196)  // heel at 200, 3 % of 150 above it
    }

    @Test func stepWithoutPositionUsesBottomCentreAndIsMarked() {
        var sampler = GroundPatchSampler(steps: [StepEvent(time: 0, frame: 0, walker: 0, foot: .right, confidence: 1)])
        sampler.consume(frame: SyntheticGround.frame(.grass, index: 0, time: 0))
        #expect(sampler.patches.count == 1)
        #expect(sampler.patches[0].guessedPosition)
    }

    @Test func analyzerFindsTheSurfaceOfSyntheticFrames() throws {
        let steps = (0..<6).map { step(2 + 3 * $0, x: 40 + 45 * Double($0)) }
        var analyzer = SurfaceAnalyzer(steps: steps, prototypes: try SurfacePrototypes.bundled())
        for i in 0..<20 { analyzer.consume(frame: SyntheticGround.frame(.grass, index: i, time: Double(i) / 10)) }
        let report = try analyzer.finish(duration: 2)
        #expect(report.guesses.count == 6)
        #expect(report.segments.map(\.surface) == ["grass"])
        #expect(report.steps.allSatisfy { $0.surface == "grass" })
        #expect(report.warnings.isEmpty)

        let overridden = try analyzer.finish(
            duration: 2, overrides: [try SurfaceAssignment.wholeClip("snow", duration: 2)])
        #expect(overridden.steps.allSatisfy { $0.surface == "snow" })
    }

    @Test func contactSheetHasATilePerPatch() throws {
        let steps = [step(1, x: 60), step(4, x: 200)]
        var analyzer = SurfaceAnalyzer(steps: steps, prototypes: try SurfacePrototypes.bundled())
        for i in 0..<6 { analyzer.consume(frame: SyntheticGround.frame(.wood, index: i, time: Double(i) / 10)) }
        let report = try analyzer.finish(duration: 1)
        let sheet = ContactSheet.render(report.patches, columns: 3, tile: 64)
        #expect(sheet.width == 3 * (64 + 6) + 6)
        #expect(sheet.pixels.count == sheet.width * sheet.height * 3)
        // The wood colour bar appears somewhere on the sheet.
        let wood = ContactSheet.color(of: .wood)
        #expect(
            stride(from: 0, to: sheet.pixels.count, by: 3).contains { i in
                (sheet.pixels[i], sheet.pixels[i + 1], sheet.pixels[i + 2]) == wood
                    || sheet.pixels[i] > 100 && sheet.pixels[i + 2] < 40
            })
    }
}
