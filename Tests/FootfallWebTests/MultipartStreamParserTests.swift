import Foundation
import Testing

@testable import FootfallWeb

@Suite("multipart stream parser")
struct MultipartStreamParserTests {
    static let body = Array(
        ("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"seed\"\r\n\r\n42\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"video\"; filename=\"a b.mp4\"\r\n"
            + "Content-Type: video/mp4\r\n\r\n\r\n--Xy not a boundary \r\n-XyZ still data\r\n--XyZ--\r\nepilogue").utf8)

    /// Feeds the body in chunks of every size from 1 byte up: boundaries split across chunks must not matter.
    @Test(arguments: [1, 2, 3, 5, 7, 13, 64, 4096])
    func partsAreTheSameWhateverTheChunking(chunk: Int) throws {
        var parser = MultipartStreamParser(boundary: "XyZ")
        var events: [MultipartStreamParser.Event] = []
        var index = 0
        while index < Self.body.count {
            events += try parser.feed(Self.body[index..<min(index + chunk, Self.body.count)])
            index += chunk
        }
        try parser.finish()

        var parts: [([String: String], [UInt8])] = []
        for event in events {
            switch event {
            case .partBegin(let headers): parts.append((headers, []))
            case .partData(let bytes): parts[parts.count - 1].1 += bytes
            case .partEnd: break
            }
        }
        #expect(parts.count == 2)
        #expect(dispositionParameters(parts[0].0["content-disposition"] ?? "")["name"] == "seed")
        #expect(String(decoding: parts[0].1, as: UTF8.self) == "42")
        #expect(dispositionParameters(parts[1].0["content-disposition"] ?? "")["filename"] == "a b.mp4")
        #expect(parts[1].0["content-type"] == "video/mp4")
        #expect(String(decoding: parts[1].1, as: UTF8.self) == "\r\n--Xy not a boundary \r\n-XyZ still data")
    }

    @Test func truncatedBodyIsAnError() throws {
        var parser = MultipartStreamParser(boundary: "XyZ")
        _ = try parser.feed(Self.body.prefix(120))
        #expect(throws: MultipartStreamParser.ParseError.self) { try parser.finish() }
    }

    @Test func byteRangesFollowRFC9110() {
        #expect(FileResponder.byteRange("bytes=0-99", size: 1000) == 0...99)
        #expect(FileResponder.byteRange("bytes=900-", size: 1000) == 900...999)
        #expect(FileResponder.byteRange("bytes=-100", size: 1000) == 900...999)
        #expect(FileResponder.byteRange("bytes=990-2000", size: 1000) == 990...999)
        #expect(FileResponder.byteRange("bytes=1000-", size: 1000) == nil)
        #expect(FileResponder.byteRange("bytes=5-2", size: 1000) == nil)
        #expect(FileResponder.byteRange("items=0-1", size: 1000) == nil)
    }

    @Test func storedNamesAreSafe() {
        #expect("../../etc/passwd".safeFileName == "_.._etc_passwd")
        #expect(".hidden.mp4".safeFileName == "hidden.mp4")
        #expect("My clip (1).MOV".safeFileName == "My_clip__1_.MOV")
        #expect("".safeFileName == "video")
    }
}
