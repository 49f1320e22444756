import Foundation

/// Splits a `multipart/form-data` body into parts while it streams in, keeping only a few bytes buffered:
/// part data is handed on as soon as it cannot be the start of the next boundary.
struct MultipartStreamParser {
    enum Event: Equatable {
        case partBegin(headers: [String: String])
        case partData([UInt8])
        case partEnd
    }

    enum ParseError: Error, Equatable {
        case malformed(String)
    }

    private enum State { case preamble, headers, body, epilogue }

    private let openingDelimiter: [UInt8]
    private let delimiter: [UInt8]
    private var buffer: [UInt8] = []
    private var state = State.preamble
    private static let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)
    private static let maxHeaderBytes = 16 * 1024

    init(boundary: String) {
        openingDelimiter = Array("--\(boundary)".utf8)
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    var isComplete: Bool { state == .epilogue }

    /// Takes the next chunk of the body; returns what it completed.
    mutating func feed(_ chunk: some Collection<UInt8>) throws -> [Event] {
        if state == .epilogue { return [] }
        buffer.append(contentsOf: chunk)
        var events: [Event] = []
        while try step(&events) {}
        return events
    }

    /// Call at the end of the body: a body cut short is an error.
    func finish() throws {
        guard state == .epilogue else {
            throw ParseError.malformed("the upload ended before the closing multipart boundary (was it interrupted?)")
        }
    }

    /// Advances one state if the buffer allows it; false when more bytes are needed.
    private mutating func step(_ events: inout [Event]) throws -> Bool {
        switch state {
        case .preamble:
            guard let at = Self.find(openingDelimiter, in: buffer) else {
                // Keep only what could still be the start of the first boundary.
                if buffer.count > openingDelimiter.count { buffer.removeFirst(buffer.count - openingDelimiter.count) }
                return false
            }
            return try afterDelimiter(at: at + openingDelimiter.count, &events)
        case .headers:
            // A part may have no headers at all (RFC 2046): then the blank line comes right after the boundary.
            if buffer.starts(with: Self.headerEnd.prefix(2)) {
                buffer.removeFirst(2)
                events.append(.partBegin(headers: [:]))
                state = .body
                return true
            }
            guard let end = Self.find(Self.headerEnd, in: buffer) else {
                if buffer.count > Self.maxHeaderBytes {
                    throw ParseError.malformed("a multipart part header is too long")
                }
                return false
            }
            let headers = Self.parseHeaders(buffer[..<end])
            buffer.removeFirst(end + Self.headerEnd.count)
            events.append(.partBegin(headers: headers))
            state = .body
            return true
        case .body:
            if let at = Self.find(delimiter, in: buffer) {
                if at > 0 {
                    events.append(.partData(Array(buffer[..<at])))
                    buffer.removeFirst(at)
                }
                // The two bytes after the boundary decide what follows; wait for them without re-emitting.
                guard buffer.count >= delimiter.count + 2 else { return false }
                events.append(.partEnd)
                return try afterDelimiter(at: delimiter.count, &events)
            }
            let safe = buffer.count - (delimiter.count - 1)
            if safe > 0 {
                events.append(.partData(Array(buffer[..<safe])))
                buffer.removeFirst(safe)
            }
            return false
        case .epilogue:
            return false
        }
    }

    /// After a boundary comes "\r\n" (another part) or "--" (the end).
    private mutating func afterDelimiter(at index: Int, _ events: inout [Event]) throws -> Bool {
        guard buffer.count >= index + 2 else { return false }
        let next = (buffer[index], buffer[index + 1])
        if next == (UInt8(ascii: "-"), UInt8(ascii: "-")) {
            state = .epilogue
            buffer.removeAll()
            return false
        }
        guard next == (UInt8(ascii: "\r"), UInt8(ascii: "\n")) else {
            throw ParseError.malformed("a multipart boundary is not followed by a line break")
        }
        buffer.removeFirst(index + 2)
        state = .headers
        return true
    }

    /// Header names lower-cased.
    private static func parseHeaders(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var headers: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingWhitespace().lowercased()
            headers[name] = String(line[line.index(after: colon)...].trimmingWhitespace())
        }
        return headers
    }

    /// First index of `needle` in `haystack`; memchr finds candidates, so a megabyte chunk costs microseconds
    /// even in a debug build.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBytes { h -> Int? in
            needle.withUnsafeBytes { n -> Int? in
                guard let hBase = h.baseAddress, let nBase = n.baseAddress else { return nil }
                let last = h.count - n.count
                var start = 0
                while start <= last {
                    guard let hit = memchr(hBase + start, Int32(n[0]), last - start + 1) else { return nil }
                    let index = hBase.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, nBase, n.count) == 0 { return index }
                    start = index + 1
                }
                return nil
            }
        }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return s
    }
}

/// `form-data; name="video"; filename="clip.mp4"` → ["name": "video", "filename": "clip.mp4"].
func dispositionParameters(_ value: String) -> [String: String] {
    var result: [String: String] = [:]
    for piece in value.split(separator: ";").dropFirst() {
        guard let eq = piece.firstIndex(of: "=") else { continue }
        let key = piece[..<eq].trimmingWhitespace().lowercased()
        var v = piece[piece.index(after: eq)...].trimmingWhitespace()
        if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = v.dropFirst().dropLast() }
        result[key] = String(v)
    }
    return result
}
