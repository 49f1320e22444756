import CFFmpeg
import Foundation

/// Reads raw packets of a file, to check that a stream was copied bit for bit.
public enum MediaInspector {
    public struct Packet: Sendable, Equatable {
        public var data: [UInt8]
        public var isKeyframe: Bool
    }

    /// Packets of the first stream of `kind` ("video" or "audio"), in file order; nil if the file cannot be read.
    public static func packets(of kind: String = "video", in path: String) -> [Packet]? {
        var ctx: UnsafeMutablePointer<AVFormatContext>?
        guard avformat_open_input(&ctx, path, nil, nil) >= 0, let context = ctx else { return nil }
        defer { avformat_close_input(&ctx) }
        guard avformat_find_stream_info(context, nil) >= 0 else { return nil }
        let type = kind == "audio" ? AVMEDIA_TYPE_AUDIO : AVMEDIA_TYPE_VIDEO
        let index = av_find_best_stream(context, type, -1, -1, nil, 0)
        guard index >= 0 else { return [] }
        var packet = av_packet_alloc()
        defer { av_packet_free(&packet) }
        guard let packet else { return nil }
        var result: [Packet] = []
        while av_read_frame(context, packet) >= 0 {
            if packet.pointee.stream_index == index {
                let bytes = Array(UnsafeBufferPointer(start: packet.pointee.data, count: Int(packet.pointee.size)))
                result.append(Packet(data: bytes, isKeyframe: packet.pointee.flags & AV_PKT_FLAG_KEY != 0))
            }
            av_packet_unref(packet)
        }
        return result
    }
}
