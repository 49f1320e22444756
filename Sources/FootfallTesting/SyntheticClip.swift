import FootfallCore
import Foundation
import MediaIO

/// Real video files for tests, encoded with FFmpeg's libraries from synthetic pictures.
///
/// The upright picture is mid-grey with a red square in the top-left corner, a green square in the top-right corner
/// and a white vertical bar that moves 8 px per frame. For a rotated clip the coded picture is stored turned the
/// other way and the stream carries the display rotation, so a correct decoder shows the markers upright again.
///
///     let dir = try TestFiles.temporaryDirectory()
///     let clip = try SyntheticClip.make(at: dir.appendingPathComponent("a.mp4").path, duration: 2, rotation: 90)
///     // clip.frameTimes: the PTS of every frame; clip.width/height: the upright size
public struct SyntheticClip: Sendable {
    public enum Container: String, Sendable, CaseIterable {
        case mp4, mov, avi
    }

    /// What is behind the moving bar.
    public enum Background: Sendable, Equatable {
        /// Mid-grey with the red and green corner markers.
        case plain
        /// A grey random texture (no markers) whose content moves `panX`, `panY` upright pixels per frame, as a
        /// panning camera sees a wall: a point at p in frame 0 is at p + i·(panX, panY) in frame i.
        case texture(panX: Double, panY: Double)
    }

    public let path: String
    /// Upright size (what a viewer sees).
    public let width: Int
    public let height: Int
    /// Clockwise display rotation tagged on the stream.
    public let rotation: Int
    /// Presentation time of every frame, in order.
    public let frameTimes: [Double]
    /// What is behind the moving bar.
    public let background: Background
    /// The audio track that was encoded, if any.
    public let audio: AudioBuffer?

    /// Size of the stored (coded) picture.
    public var codedWidth: Int { rotation % 180 == 0 ? width : height }
    public var codedHeight: Int { rotation % 180 == 0 ? height : width }
    public var duration: Double { (frameTimes.last ?? 0) + frameDuration }
    /// Duration of the last frame (1 / fps).
    public let frameDuration: Double

    public static let red: (r: UInt8, g: UInt8, b: UInt8) = (220, 30, 30)
    public static let green: (r: UInt8, g: UInt8, b: UInt8) = (30, 200, 30)

    /// Makes a clip at `path` (the container follows `container`, whatever the extension).
    /// - Parameters:
    ///   - width/height: upright size; keep them even (yuv420p).
    ///   - vfrPattern: explicit frame times in seconds (strictly increasing) for a variable-frame-rate clip;
    ///     nil gives `fps` frames per second for `duration`. Times are stored in 1/90 000 s ticks (1/60 000 for
    ///     MPEG-4); AVI cannot hold VFR.
    ///   - rotation: clockwise display rotation (0/90/180/270).
    ///   - audio: e.g. `SyntheticAudio.clicks(at: [1.0], duration: 2)`; AAC in mp4/mov, PCM in avi.
    ///   - codec: `.h264` (fast preset by default), `.mpeg4` or `.msmpeg4v2` (avi only).
    ///   - audioStart: the audio's first sample is stamped this many seconds after the first frame.
    ///   - background: `.texture(panX:panY:)` for a panning camera's view (camera-motion tests).
    @discardableResult
    public static func make(
        at path: String, width: Int = 320, height: Int = 240, fps: Double = 30, duration: Double = 2,
        vfrPattern: [Double]? = nil, rotation: Int = 0, audio: AudioBuffer? = nil, container: Container = .mp4,
        codec: VideoCodecChoice = .h264(crf: 20, preset: "ultrafast"), audioStart: Double = 0,
        background: Background = .plain
    ) throws -> SyntheticClip {
        let times = vfrPattern ?? (0..<Int((duration * fps).rounded())).map { Double($0) / fps }
        let clip = SyntheticClip(
            path: path, width: width, height: height, rotation: ((rotation % 360) + 360) % 360, frameTimes: times,
            background: background, audio: audio, frameDuration: 1 / fps)
        let options = VideoEncoderOptions(
            codec: codec, frameRate: fps,
            timeScale: vfrPattern == nil ? nil : (codec == .mpeg4 || codec == .msmpeg4v2 ? 60_000 : 90_000),
            rotation: clip.rotation,
            audio: audio, container: container.rawValue, audioStart: audioStart)
        let encoder = try VideoEncoder(path: path, width: clip.codedWidth, height: clip.codedHeight, options: options)
        let plain = background == .plain ? clip.codedBackground() : []
        for (i, t) in times.enumerated() {
            let base = background == .plain ? plain : clip.codedTexture(frame: i)
            try encoder.append(
                RGBFrame(
                    index: i, time: t, width: clip.codedWidth, height: clip.codedHeight,
                    pixels: clip.withMovingBar(base, frame: i)))
        }
        try encoder.finish()
        return clip
    }

    /// True when `frame` (decoded at any size) shows red at the top-left and green at the top-right.
    public static func isUpright(_ frame: RGBFrame) -> Bool {
        let probes = [
            (x: frame.width / 10, y: frame.height / 10, color: red),
            (x: frame.width - 1 - frame.width / 10, y: frame.height / 10, color: green),
        ]
        return probes.allSatisfy { p in
            let c = frame.pixel(x: p.x, y: p.y)
            return abs(Int(c.r) - Int(p.color.r)) < 40 && abs(Int(c.g) - Int(p.color.g)) < 40
                && abs(Int(c.b) - Int(p.color.b)) < 40
        }
    }

    /// Upright coordinates of a coded pixel (the display rotation applied).
    func upright(x: Int, y: Int) -> (x: Int, y: Int) {
        switch rotation {
        case 90: return (codedHeight - 1 - y, x)
        case 180: return (codedWidth - 1 - x, codedHeight - 1 - y)
        case 270: return (y, codedWidth - 1 - x)
        default: return (x, y)
        }
    }

    private func codedBackground() -> [UInt8] {
        let marker = max(4, min(width, height) / 5)
        var pixels = [UInt8](repeating: 128, count: codedWidth * codedHeight * 3)
        for y in 0..<codedHeight {
            for x in 0..<codedWidth {
                let u = upright(x: x, y: y)
                guard u.y < marker else { continue }
                let color: (r: UInt8, g: UInt8, b: UInt8)
                if u.x < marker {
                    color = Self.red
                } else if u.x >= width - marker {
                    color = Self.green
                } else {
                    continue
                }
                let o = (y * codedWidth + x) * 3
                pixels[o] = color.r
                pixels[o + 1] = color.g
                pixels[o + 2] = color.b
            }
        }
        return pixels
    }

    /// The texture background of frame `frame`, in coded orientation.
    private func codedTexture(frame: Int) -> [UInt8] {
        guard case .texture(let panX, let panY) = background else { return [] }
        var pixels = [UInt8](repeating: 0, count: codedWidth * codedHeight * 3)
        for y in 0..<codedHeight {
            for x in 0..<codedWidth {
                let u = upright(x: x, y: y)
                let value = Self.texture(x: Double(u.x) - panX * Double(frame), y: Double(u.y) - panY * Double(frame))
                let o = (y * codedWidth + x) * 3
                pixels[o] = value
                pixels[o + 1] = value
                pixels[o + 2] = value
            }
        }
        return pixels
    }

    /// Smooth value noise at a real-valued point: two octaves (cells of 11 and 4 px) of random lattice values
    /// blended with a smoothstep, so that a sub-pixel pan moves it by exactly that much and no shift repeats it.
    public static func texture(x: Double, y: Double) -> UInt8 {
        func lattice(_ i: Int, _ j: Int, _ seed: UInt64) -> Double {
            var h = UInt64(bitPattern: Int64(i)) &* 0x9E37_79B9_7F4A_7C15
            h ^= UInt64(bitPattern: Int64(j)) &* 0xC2B2_AE3D_27D4_EB4F
            h ^= seed
            h ^= h >> 31
            h = h &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            return Double(h & 0xFFFF) / 65535
        }
        func noise(_ x: Double, _ y: Double, cell: Double, seed: UInt64) -> Double {
            let fx = x / cell
            let fy = y / cell
            let i = Int(fx.rounded(.down))
            let j = Int(fy.rounded(.down))
            let tx = fx - Double(i)
            let ty = fy - Double(j)
            let sx = tx * tx * (3 - 2 * tx)
            let sy = ty * ty * (3 - 2 * ty)
            let top = lattice(i, j, seed) * (1 - sx) + lattice(i + 1, j, seed) * sx
            let bottom = lattice(i, j + 1, seed) * (1 - sx) + lattice(i + 1, j + 1, seed) * sx
            return top * (1 - sy) + bottom * sy
        }
        let value = 40 + 120 * noise(x, y, cell: 11, seed: 1) + 60 * noise(x, y, cell: 4, seed: 2)
        return UInt8(min(max(value.rounded(), 0), 255))
    }

    /// A white bar, 4 px wide, at upright x = 8 × frame (mod width), below the markers.
    private func withMovingBar(_ base: [UInt8], frame: Int) -> [UInt8] {
        var pixels = base
        let barX = (frame * 8) % max(1, width - 4)
        let top = max(4, min(width, height) / 5) + 2
        for uy in top..<height {
            for ux in barX..<(barX + 4) {
                // Inverse of `upright`: where this upright pixel is stored.
                let c: (x: Int, y: Int)
                switch rotation {
                case 90: c = (uy, codedHeight - 1 - ux)
                case 180: c = (codedWidth - 1 - ux, codedHeight - 1 - uy)
                case 270: c = (codedWidth - 1 - uy, ux)
                default: c = (ux, uy)
                }
                let o = (c.y * codedWidth + c.x) * 3
                pixels[o] = 255
                pixels[o + 1] = 255
                pixels[o + 2] = 255
            }
        }
        return pixels
    }
}
