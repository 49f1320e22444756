import CFFmpeg

/// Magnitude spectra of real frames through FFmpeg's `av_tx` real-to-complex DFT.
/// Not Sendable: one instance per task.
final class RealFFT {
    let size: Int
    private var context: OpaquePointer?
    private let transform: av_tx_fn
    private var input: [Float]
    private var output: [AVComplexFloat]

    init?(size: Int) {
        guard size >= 16, size & (size - 1) == 0 else { return nil }
        var ctx: OpaquePointer?
        var fn: av_tx_fn?
        var scale: Float = 1
        guard av_tx_init(&ctx, &fn, AV_TX_FLOAT_RDFT, 0, Int32(size), &scale, UInt64(AV_TX_UNALIGNED.rawValue)) == 0,
            let fn
        else { return nil }
        self.size = size
        context = ctx
        transform = fn
        input = [Float](repeating: 0, count: size)
        output = [AVComplexFloat](repeating: AVComplexFloat(re: 0, im: 0), count: size / 2 + 1)
    }

    deinit { av_tx_uninit(&context) }

    /// |X[k]| for k = 0…size/2 of `frame` (exactly `size` samples, already windowed).
    func magnitudes(_ frame: [Float]) -> [Float] {
        precondition(frame.count == size)
        input = frame
        input.withUnsafeMutableBytes { inBuf in
            output.withUnsafeMutableBytes { outBuf in
                transform(context, outBuf.baseAddress, inBuf.baseAddress, MemoryLayout<Float>.stride)
            }
        }
        return output.map { ($0.re * $0.re + $0.im * $0.im).squareRoot() }
    }
}
