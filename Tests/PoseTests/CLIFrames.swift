import FootfallCore
import Foundation

/// Dev helper: decodes frames with the ffmpeg CLI (raw RGB on a pipe).
func cliFrames(path: String, start: Double = 0, count: Int, width: Int, height: Int, fps: Double) -> [RGBFrame] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
    process.arguments = [
        "-loglevel", "error", "-ss", String(start), "-i", path, "-frames:v", String(count), "-f", "rawvideo",
        "-pix_fmt", "rgb24", "-",
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    guard (try? process.run()) != nil else { return [] }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let frameBytes = width * height * 3
    return (0..<(data.count / frameBytes)).map { i in
        RGBFrame(
            index: i, time: start + Double(i) / fps, width: width, height: height,
            pixels: [UInt8](data[(i * frameBytes)..<((i + 1) * frameBytes)]))
    }
}
