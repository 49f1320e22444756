import FootfallCore
import Foundation
import Testing

@testable import Export

@Suite struct MarkerFormatsTests {
    let events = [
        StepEvent(
            time: 0.812_345, frame: 24, walker: 1, foot: .left, confidence: 0.9, method: "zeni", surface: "gravel"),
        StepEvent(time: 1.5, frame: 45, walker: 2, foot: .right, confidence: 0.55, method: "vertical"),
        StepEvent(time: 3_725.25, frame: 111_758, walker: 1, foot: .right, confidence: 1, method: "manual, edited"),
    ]

    @Test(arguments: MarkerFormat.allCases)
    func roundTripKeepsTimesWalkersAndFeet(format: MarkerFormat) throws {
        let text = MarkerFormats.write(events, format: format, frameRate: 30, title: "clip")
        let back = try MarkerFormats.parse(text, format: format, frameRate: 30)
        #expect(back.count == events.count)
        // REAPER keeps milliseconds; the others keep microseconds.
        let tolerance = format == .reaper ? 0.000_5 : 0.000_001
        for (a, b) in zip(events, back) {
            #expect(abs(a.time - b.time) <= tolerance, "\(format): \(a.time) vs \(b.time)")
            #expect(a.walker == b.walker)
            #expect(a.foot == b.foot)
        }
    }

    @Test func csvKeepsEveryColumnIncludingQuotedText() throws {
        let text = MarkerFormats.write(events, format: .csv, frameRate: 30)
        #expect(text.hasPrefix("time,frame,walker,foot,confidence,method,surface\n"))
        #expect(text.contains("0.812345,24,1,left,0.900,zeni,gravel"))
        let back = try MarkerFormats.parse(text, format: .csv, frameRate: 30)
        #expect(back.map(\.method) == events.map(\.method))
        #expect(back.map(\.surface) == events.map(\.surface))
        #expect(back.map(\.frame) == events.map(\.frame))
        #expect(back.map(\.confidence) == [0.9, 0.55, 1])
    }

    @Test func audacityLinesArePointLabelsWithSixDecimals() {
        let text = MarkerFormats.write(events, format: .audacity, frameRate: 30)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "0.812345\t0.812345\tW1 L heel gravel")
        #expect(lines.count == 3)
    }

    @Test func reaperUsesMarkerIdsAndMinutesSeconds() {
        let text = MarkerFormats.write(events, format: .reaper, frameRate: 30)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "#,Name,Start,End,Length")
        #expect(lines[1] == "M1,W1 L heel gravel,0:00.812,,")
        #expect(lines[3] == "M3,W1 R heel,1:02:05.250,,")
    }

    @Test func reaperParserSkipsRegionsAndReadsSeconds() throws {
        let text = "#,Name,Start,End,Length\nR1,Intro,0:00.000,0:10.000,0:10.000\nM1,hit,12.5,,\n"
        let back = try MarkerFormats.parse(text, format: .reaper, frameRate: 25)
        #expect(back.count == 1)
        #expect(back.first?.time == 12.5)
        #expect(back.first?.frame == 313)
    }

    @Test func edlHasOneFrameAudioEventsAtTheVideoRate() throws {
        let text = MarkerFormats.write(events, format: .edl, frameRate: 25, title: "walk")
        #expect(text.hasPrefix("TITLE: WALK\nFCM: NON-DROP FRAME\n"))
        // 0.812345 s at 25 fps = frame 20 = 00:00:00:20, out one frame later.
        #expect(text.contains("001  AX       A     C        00:00:00:20 00:00:00:21 00:00:00:20 00:00:00:21"))
        // 3725.25 s = 1 h 2 min 5 s + 6.25 frames → frame 6 of second 5.
        #expect(text.contains("00:02:05:06") || text.contains("01:02:05:06"))
        let withoutComments = text.split(separator: "\n").filter { !$0.hasPrefix("* FOOTFALL") }.joined(separator: "\n")
        let back = try MarkerFormats.parse(withoutComments, format: .edl, frameRate: 25)
        #expect(back.count == 3)
        #expect(abs((back.first?.time ?? 0) - 0.8) < 1e-9)
        #expect(back.first?.walker == 1)
    }

    @Test func malformedInputIsABadInputError() {
        #expect(throws: FootfallError.self) { try MarkerFormats.parse("a,b\n1,2\n", format: .csv, frameRate: 30) }
        #expect(throws: FootfallError.self) { try MarkerFormats.parse("abc\tdef\n", format: .audacity, frameRate: 30) }
        #expect(throws: FootfallError.self) { try MarkerFormats.parse("1,2,3\n", format: .reaper, frameRate: 30) }
    }
}
