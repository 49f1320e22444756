import FootfallCore
import Foundation
import Testing

@testable import Export

@Suite struct StepsFileReaderTests {
    func read(_ text: String, name: String = "steps.txt") throws -> StepsFileContents {
        try StepsFileReader.parse(Data(text.utf8), source: name, frameRate: 25)
    }

    @Test func minimalJSONNeedsOnlyTimeAndFoot() throws {
        let c = try read(#"{"steps":[{"time":1.0,"foot":"left"},{"time":1.5,"foot":"right","surface":"gravel"}]}"#)
        #expect(c.format == .json)
        #expect(c.document.video.isUnknown)
        #expect(c.document.steps.map(\.time) == [1.0, 1.5])
        #expect(c.document.steps.map(\.walker) == [0, 0])
        #expect(c.document.steps.map(\.confidence) == [1, 1])
        // The step's own surface becomes an override for that step only.
        let overrides = c.document.surfaces ?? []
        #expect(overrides.count == 1)
        #expect(overrides.first?.surface == "gravel" && overrides.first?.source == .override)
        #expect(overrides.first?.contains(time: 1.5, walker: 0) == true)
        #expect(overrides.first?.contains(time: 1.0, walker: 0) == false)
    }

    @Test func partialVideoAndRenderBlocksLoad() throws {
        let c = try read(
            #"{"version":1,"video":{"file":"clip.mp4"},"render":{"shoe":"boots"},"steps":[{"time":2,"foot":"right"}]}"#)
        #expect(c.document.video.file == "clip.mp4")
        #expect(c.document.render?.shoe == "boots")
    }

    @Test func jsonErrorsNameTheField() {
        #expect {
            try read(#"{"steps":[{"time":1.0}]}"#)
        } throws: { error in
            "\(error)".contains("foot") && "\(error)".contains("steps")
        }
    }

    @Test func csvWithAndWithoutHeader() throws {
        let bare = try read("0.5,left\n1.0,R,2,wood\n1.5,right,2,grass,boots\n", name: "steps.csv")
        #expect(bare.format == .csv)
        #expect(bare.document.steps.map(\.time) == [0.5, 1.0, 1.5])
        #expect(bare.document.steps.map(\.foot) == [.left, .right, .right])
        #expect(bare.document.steps.map(\.walker) == [0, 2, 2])
        #expect(bare.document.steps.map(\.frame) == [13, 25, 38])
        #expect(bare.document.surfaces?.map(\.surface) == ["wood", "grass"])
        // The shoe column is each step's own shoe, kept in the steps JSON.
        #expect(bare.document.steps.map(\.shoe) == [nil, nil, "boots"])
        #expect(bare.warnings.isEmpty, "\(bare.warnings)")
        let encoded = String(decoding: try bare.document.encoded(), as: UTF8.self)
        #expect(encoded.contains(#""shoe" : "boots""#) || encoded.contains(#""shoe":"boots""#), "\(encoded)")
        #expect(try StepsDocument.decode(from: bare.document.encoded()).steps.map(\.shoe) == [nil, nil, "boots"])
        let header = try read("foot,time,walker\nleft,0.25,1\nright,0.75,1\n", name: "steps.csv")
        #expect(header.document.steps.map(\.time) == [0.25, 0.75])
        #expect(header.document.steps.map(\.walker) == [1, 1])
    }

    @Test func csvErrorsNameTheLineAndField() {
        let cases = [
            ("0.5,left\n1.0,lft\n", "line 2, field 'foot'"),
            ("0.5,left\nsoon,right\n", "line 2, field 'time'"),
            ("time,foot,surface\n0.5,left,lava\n", "line 2, field 'surface'"),
            ("time,foot,walker\n0.5,left,-3\n", "line 2, field 'walker'"),
            ("when,which\n0.5,left\n", "line 1"),
        ]
        for (text, expected) in cases {
            #expect {
                try read(text, name: "steps.csv")
            } throws: { error in
                "\(error)".contains(expected)
            }
        }
    }

    @Test func editedAudacityLabelsKeepWalkerFootSurfaceAndWarnOnUnknownText() throws {
        let steps = [
            StepEvent(time: 0.5, frame: 12, walker: 3, foot: .left, confidence: 1, surface: "gravel"),
            StepEvent(time: 1.0, frame: 25, walker: 3, foot: .right, confidence: 1),
        ]
        var text = MarkerFormats.write(steps, format: .audacity, frameRate: 25)
        // A user moved the first marker, added one with their own text and one typed the Footfall way.
        text = text.replacingOccurrences(of: "0.500000\t0.500000", with: "0.612000\t0.612000")
        text += "1.400000\t1.400000\tstep here\n1.800000\t1.800000\tw2 right wood\n"
        let c = try read(text, name: "clip.audacity.txt")
        #expect(c.format == .audacity)
        #expect(c.document.steps.map(\.time) == [0.612, 1.0, 1.4, 1.8])
        #expect(c.document.steps.map(\.walker) == [3, 3, 0, 2])
        #expect(c.document.steps.map(\.foot) == [.left, .right, .left, .right])
        #expect(c.document.surfaces?.map(\.surface) == ["gravel", "wood"])
        #expect(c.warnings.count == 1)
        #expect(c.warnings.first?.contains("line 3") == true && c.warnings.first?.contains("step here") == true)
    }

    @Test(arguments: [MarkerFormat.audacity, .reaper, .edl])
    func markerFilesAreRecognisedByContent(format: MarkerFormat) throws {
        let steps = [
            StepEvent(time: 0.52, frame: 13, walker: 1, foot: .left, confidence: 1),
            StepEvent(time: 1.04, frame: 26, walker: 1, foot: .right, confidence: 1, kind: .toeOff),
        ]
        let text = MarkerFormats.write(steps, format: format, frameRate: 25)
        let c = try read(text, name: "renamed.txt")
        #expect(c.format.rawValue == format.rawValue)
        #expect(c.document.steps.count == 1)
        #expect(abs((c.document.steps.first?.time ?? 0) - 0.52) < 0.001)
        #expect(c.document.toeOffs?.count == 1)
        #expect(c.warnings.isEmpty)
    }

    @Test func garbageIsABadInputErrorNotACrash() {
        for text in ["", "\u{0}\u{1}\u{2}", "{", "MThd", "#,Name\nM1", "TITLE: X\n001 AX A C zz"] {
            do {
                _ = try read(text)
            } catch let error as FootfallError {
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("\(error) is not a FootfallError")
            }
        }
    }
}
