import Foundation

/// The body of a `multipart/form-data` upload with a video in the field `video` and text fields before it, as a
/// browser or `curl -F video=@clip.mp4` sends it.
public enum MultipartUpload {
    public static func body(video: Data, name: String, fields: [String: String] = [:], boundary: String) -> Data {
        var body = Data()
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                ("--\(boundary)\r\nContent-Disposition: form-data; name=\"video\"; filename=\"\(name)\"\r\n"
                    + "Content-Type: video/mp4\r\n\r\n").utf8))
        body.append(video)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return body
    }
}
