import CFFmpeg
import FootfallCore

/// Fills encoder frames from planar float, for the sample formats Footfall's encoders take.
enum SampleConversion {
    static let supported = [AV_SAMPLE_FMT_FLTP, AV_SAMPLE_FMT_S16, AV_SAMPLE_FMT_S32]

    /// The first of `supported` (in that order of preference) the encoder takes; FLTP if it lists none.
    static func preferredFormat(_ encoder: UnsafePointer<AVCodec>) -> AVSampleFormat {
        var offered: [AVSampleFormat] = []
        if var p = encoder.pointee.sample_fmts {
            while p.pointee != AV_SAMPLE_FMT_NONE {
                offered.append(p.pointee)
                p += 1
            }
        }
        return supported.first { offered.contains($0) } ?? AV_SAMPLE_FMT_FLTP
    }

    static func fill(_ frame: UnsafeMutablePointer<AVFrame>, from audio: AudioBuffer, start: Int, count: Int) {
        let channels = audio.channelCount
        switch AVSampleFormat(frame.pointee.format) {
        case AV_SAMPLE_FMT_FLTP:
            for c in 0..<channels {
                guard let plane = cff_frame_data(frame, Int32(c)) else { continue }
                plane.withMemoryRebound(to: Float.self, capacity: count) { dst in
                    audio.channels[c].withUnsafeBufferPointer { src in
                        dst.update(from: src.baseAddress! + start, count: count)
                    }
                }
            }
        case AV_SAMPLE_FMT_S16:
            guard let data = cff_frame_data(frame, 0) else { return }
            data.withMemoryRebound(to: Int16.self, capacity: count * channels) { dst in
                for i in 0..<count {
                    for c in 0..<channels {
                        dst[i * channels + c] = Int16(clamped(audio.channels[c][start + i], 32767))
                    }
                }
            }
        case AV_SAMPLE_FMT_S32:
            guard let data = cff_frame_data(frame, 0) else { return }
            // 24-bit encoders read the top 24 bits of S32 samples.
            data.withMemoryRebound(to: Int32.self, capacity: count * channels) { dst in
                for i in 0..<count {
                    for c in 0..<channels {
                        dst[i * channels + c] = Int32(clamped(audio.channels[c][start + i], 8_388_607)) << 8
                    }
                }
            }
        default:
            break
        }
    }

    private static func clamped(_ sample: Float, _ scale: Double) -> Double {
        (min(max(Double(sample), -1), 1) * scale).rounded()
    }
}
