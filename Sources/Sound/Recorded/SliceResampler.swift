import Foundation

/// Changes a slice's pitch by reading it faster or slower (pitch and length change together, as a recording played
/// at another speed): windowed-sinc interpolation, band-limited when reading faster so nothing aliases.
///
/// Slices are short (under 1.5 s) and the ratios small (about ±6 %), so a direct 16-tap kernel is cheap and needs no
/// FFmpeg round trip (the samples backend decodes at a shifted rate instead; here one decode serves every variant).
enum SliceResampler {
    /// Zero crossings of the kernel on each side.
    static let halfTaps = 8
    /// Kernel table entries per sample of distance.
    static let tableResolution = 256

    /// `ratio` > 1 raises the pitch (the result is shorter by that factor).
    static func resample(_ input: [Float], ratio: Double) -> [Float] {
        guard ratio > 0, abs(ratio - 1) > 1e-9, !input.isEmpty else { return input }
        let count = max(1, Int((Double(input.count) / ratio).rounded(.down)))
        // Reading faster moves content up: cut at the new Nyquist (scaled kernel), with a little room.
        let cutoff = min(1, 1 / ratio) * 0.97
        let span = Double(halfTaps) / cutoff
        // The kernel sampled finely once per call: lookups with linear interpolation instead of two trigonometric
        // calls per tap.
        let table = (0...(Int(span * Double(tableResolution)) + 1)).map {
            kernel(Double($0) / Double(tableResolution), cutoff: cutoff, span: span)
        }
        var output = [Float](repeating: 0, count: count)
        // Unchecked buffers: this loop is most of a recorded render's time (about 17 taps per output sample).
        input.withUnsafeBufferPointer { x in
            table.withUnsafeBufferPointer { kernel in
                output.withUnsafeMutableBufferPointer { y in
                    for j in 0..<count {
                        let position = Double(j) * ratio
                        let lo = max(0, Int((position - span).rounded(.up)))
                        let hi = min(x.count - 1, Int((position + span).rounded(.down)))
                        guard lo <= hi else { continue }
                        var sum = 0.0
                        for k in lo...hi {
                            let distance = abs(Double(k) - position) * Double(tableResolution)
                            let i = Int(distance)
                            guard i + 1 < kernel.count else { continue }
                            let weight = kernel[i] + (kernel[i + 1] - kernel[i]) * (distance - Double(i))
                            sum += Double(x[k]) * weight
                        }
                        y[j] = Float(sum)
                    }
                }
            }
        }
        return output
    }

    /// Hann-windowed sinc with gain `cutoff` (unity DC gain after scaling).
    static func kernel(_ x: Double, cutoff: Double, span: Double) -> Double {
        guard abs(x) < span else { return 0 }
        let window = 0.5 + 0.5 * cos(Double.pi * x / span)
        let t = Double.pi * x * cutoff
        let sinc = abs(t) < 1e-12 ? 1 : sin(t) / t
        return cutoff * sinc * window
    }
}
