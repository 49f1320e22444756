import FootfallCore
import Foundation
import Hummingbird

/// What a `multipart/form-data` upload carried: the video (already on disk) and the small text fields.
struct ReceivedUpload {
    var fields: [String: String]
    var originalName: String
    /// Where the video part was written.
    var path: URL
    var bytes: Int
}

/// Streams a multipart upload to disk: the body is read chunk by chunk and the video part is written as it
/// arrives, so memory stays flat whatever the file size.
struct UploadReceiver {
    static let videoField = "video"
    static let maxFieldBytes = 4096

    let limit: Int

    /// The boundary from `Content-Type: multipart/form-data; boundary=…`.
    static func boundary(from contentType: String?) throws -> String {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else {
            throw APIError.badRequest(
                "send the upload as multipart/form-data with the video in the field 'video' "
                    + "(curl -F video=@clip.mp4 …); got Content-Type '\(contentType ?? "none")'")
        }
        let parameters = dispositionParameters(contentType)
        guard let boundary = parameters["boundary"], !boundary.isEmpty, boundary.count <= 200 else {
            throw APIError.badRequest("the multipart/form-data Content-Type has no boundary")
        }
        return boundary
    }

    func receive(_ body: RequestBody, boundary: String, into file: URL) async throws -> ReceivedUpload {
        var parser = MultipartStreamParser(boundary: boundary)
        var fields: [String: String] = [:]
        var current: [String: String]?
        var fieldBytes: [UInt8] = []
        var output: FileHandle?
        var originalName: String?
        var written = 0
        var total = 0
        defer { try? output?.close() }

        func handle(_ event: MultipartStreamParser.Event) throws {
            switch event {
            case .partBegin(let headers):
                let disposition = dispositionParameters(headers["content-disposition"] ?? "")
                current = disposition
                fieldBytes = []
                if disposition["name"] == Self.videoField, disposition["filename"] != nil {
                    guard output == nil else { throw APIError.badRequest("send one video per upload") }
                    guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                        throw FootfallError.failure("cannot write the upload to \(file.path); is the disk full?")
                    }
                    output = try FileHandle(forWritingTo: file)
                    originalName = disposition["filename"] ?? ""
                }
            case .partData(let bytes):
                if current?["filename"] != nil, current?["name"] == Self.videoField {
                    written += bytes.count
                    guard written <= limit else { throw tooLarge() }
                    try output?.write(contentsOf: bytes)
                } else {
                    fieldBytes += bytes
                    guard fieldBytes.count <= Self.maxFieldBytes else {
                        throw APIError.badRequest("the form field '\(current?["name"] ?? "?")' is too long")
                    }
                }
            case .partEnd:
                if let name = current?["name"], current?["filename"] == nil {
                    fields[name] = String(decoding: fieldBytes, as: UTF8.self)
                }
                current = nil
            }
        }

        do {
            for try await chunk in body {
                total += chunk.readableBytes
                // Form fields and multipart framing add a little; anything far over the limit is refused early.
                guard total <= limit + 64 * 1024 else { throw tooLarge() }
                for event in try parser.feed(chunk.readableBytesView) { try handle(event) }
            }
            try parser.finish()
        } catch let error as MultipartStreamParser.ParseError {
            if case .malformed(let message) = error { throw APIError.badRequest("bad multipart upload: \(message)") }
        }
        guard let originalName else {
            throw APIError.badRequest(
                "no video in the upload: put the file in the form field 'video' (curl -F video=@clip.mp4 …)")
        }
        guard written > 0 else { throw APIError.badRequest("the uploaded video '\(originalName)' is empty") }
        return ReceivedUpload(fields: fields, originalName: originalName, path: file, bytes: written)
    }

    func tooLarge() -> APIError {
        APIError(
            .contentTooLarge,
            "the upload is larger than this server's limit of \(Self.megabytes(limit)); trim or compress the video")
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes) bytes"
    }
}

extension String {
    /// A file name safe to store and to offer for download: letters, digits, `.`, `_`, `-`; never hidden or empty.
    var safeFileName: String {
        var name = String(map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        while name.hasPrefix(".") { name.removeFirst() }
        if name.count > 80 {
            let ext = (name as NSString).pathExtension
            name = String(name.prefix(70)) + (ext.isEmpty ? "" : "." + ext.prefix(8))
        }
        return name.isEmpty || name == "_" ? "video" : name
    }
}
