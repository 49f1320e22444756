import FootfallCore
import Foundation
import Testing

@testable import FootfallWeb

extension Fuzz {
    /// What the web server parses from the network: multipart uploads, render overrides, Range headers.
    @Suite struct WebParsersFuzzTests {
        static let boundary = "----footfallXyZ"

        static let uploadSeeds = [
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"seed\"\r\n\r\n42\r\n--\(boundary)\r\n"
                + "Content-Disposition: form-data; name=\"video\"; filename=\"a b.mp4\"\r\nContent-Type: video/mp4\r\n\r\n"
                + "\u{0}\u{1}binary\r\n--\(boundary.dropLast())\r\n-- not yet\r\n--\(boundary)--\r\n",
            "preamble\r\n--\(boundary)\r\n\r\n\r\n--\(boundary)--",
        ]

        /// The parts a parser produced: headers and all their data, whatever the chunking.
        struct Parsed: Equatable {
            var parts: [[String: String]] = []
            var data: [[UInt8]] = []
            var complete = false
            var error: String?
        }

        static func parse(_ bytes: [UInt8], chunkSizes: [Int]) -> Parsed {
            var parser = MultipartStreamParser(boundary: boundary)
            var result = Parsed()
            var index = 0
            var k = 0
            do {
                while index < bytes.count {
                    let size = chunkSizes.isEmpty ? bytes.count : max(1, chunkSizes[k % chunkSizes.count])
                    k += 1
                    for event in try parser.feed(bytes[index..<min(bytes.count, index + size)]) {
                        switch event {
                        case .partBegin(let headers):
                            result.parts.append(headers)
                            result.data.append([])
                        case .partData(let chunk): result.data[result.data.count - 1] += chunk
                        case .partEnd: break
                        }
                    }
                    index += size
                }
                try parser.finish()
                result.complete = true
            } catch {
                result.error = "\(error)"
            }
            return result
        }

        @Test func multipartUploadsParseTheSameWhateverTheChunking() async {
            let dictionary = ["--\(Self.boundary)", "\r\n--\(Self.boundary)--", "\r\n\r\n", "Content-Disposition: "]
            await Fuzzer("multipart upload", textSeeds: Self.uploadSeeds, iterations: 3000, dictionary: dictionary).run
            {
                input in
                var rng = SeededRandom(seed: Fuzzer.baseSeed, stream: UInt64(bitPattern: Int64(input.iteration)))
                let whole = Self.parse(input.bytes, chunkSizes: [])
                let chunked = Self.parse(input.bytes, chunkSizes: (0..<8).map { _ in 1 + rng.below(40) })
                // A feed that throws drops the events of its own chunk, so after an error only the error must agree.
                if chunked.error?.contains("too long") == true {
                } else if whole.error != nil {
                    input.check(whole.error == chunked.error, "chunking changed the error: \(whole) vs \(chunked)")
                } else {
                    input.check(whole == chunked, "chunking changed the result: \(whole) vs \(chunked)")
                }
                for headers in whole.parts {
                    _ = dispositionParameters(headers["content-disposition"] ?? "")
                }
                if let error = whole.error { throw FootfallError.badInput(error) }
            }
        }

        @Test func renderOverridesParseOrAnswer400() async {
            let seeds = [#"{"backend":"procedural","surface":"gravel","seed":7}"#, #"{"seed":"12"}"#, "{}", " "]
            let backends = ["procedural", "mock", "runpod", "samples"]
            await Fuzzer("render overrides JSON", textSeeds: seeds, iterations: 2500).run(accept: Self.badRequest) {
                input in
                let overrides = try RenderOverrides.parse(json: input.data, backends: backends)
                if let b = overrides.backend { input.check(backends.contains(b), "accepted backend \(b)") }
                if let s = overrides.surface { input.check(SurfaceKind(rawValue: s) != nil, "accepted surface \(s)") }
            }
        }

        static func badRequest(_ error: any Error) -> String? {
            guard let e = error as? APIError else { return "not an APIError: \(type(of: error))" }
            return e.status == .badRequest ? Fuzzer.oneLine(e.message) : "status \(e.status)"
        }

        @Test func rangeHeadersStayInsideTheFile() async {
            let seeds = ["bytes=0-99", "bytes=900-", "bytes=-100", "bytes=5-2,7-9", "bytes=0-0"]
            await Fuzzer("Range header", textSeeds: seeds, iterations: 3000).run(refusals: false) { input in
                for size in [0, 1, 1000, Int.max] {
                    guard let range = FileResponder.byteRange(input.text, size: size) else { continue }
                    input.check(range.lowerBound >= 0 && range.upperBound < size, "range \(range) for size \(size)")
                }
            }
        }
    }
}
