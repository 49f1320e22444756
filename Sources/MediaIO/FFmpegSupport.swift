import CFFmpeg
import FootfallCore

/// Small helpers around FFmpeg's C conventions (negative return codes, macros Swift cannot import).
enum FFmpeg {
    static let eagain = cff_eagain()
    static let eof = cff_eof()
    static let noPTS = cff_nopts()

    /// FFmpeg's text for an error code.
    static func describe(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        return buffer.withUnsafeMutableBufferPointer { b in
            String(cString: cff_err2str(code, b.baseAddress, b.count))
        }
    }

    /// Throws `.failure` when `code` is negative; `what` says which step failed.
    @discardableResult
    static func check(_ code: Int32, _ what: @autoclosure () -> String) throws -> Int32 {
        if code < 0 { throw FootfallError.failure("\(what()): \(describe(code))") }
        return code
    }

    static func seconds(_ ts: Int64, _ tb: AVRational) -> Double {
        Double(ts) * Double(tb.num) / Double(tb.den)
    }

    static func name(of codec: AVCodecID) -> String {
        String(cString: avcodec_get_name(codec))
    }
}

extension AVRational {
    var doubleValue: Double { den == 0 ? 0 : Double(num) / Double(den) }
    var isValid: Bool { num > 0 && den > 0 }
}
