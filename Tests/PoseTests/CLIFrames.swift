import FootfallCore
import Foundation

@testable import Pose

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

/// Dev helper: streams frames from the ffmpeg CLI one at a time.
final class CLIFrameSource: FrameSource {
    let process = Process()
    let handle: FileHandle
    let width: Int
    let height: Int
    let fps: Double
    let start: Double
    var index = 0

    init(path: String, start: Double = 0, duration: Double, width: Int, height: Int, fps: Double, filter: String? = nil)
        throws
    {
        self.width = width
        self.height = height
        self.fps = fps
        self.start = start
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        var args = ["-loglevel", "error", "-ss", String(start), "-t", String(duration), "-i", path]
        if let filter { args += ["-vf", filter] }
        args += ["-f", "rawvideo", "-pix_fmt", "rgb24", "-"]
        process.arguments = args
        let pipe = Pipe()
        process.standardOutput = pipe
        handle = pipe.fileHandleForReading
        try process.run()
    }

    func nextFrame() throws -> RGBFrame? {
        let size = width * height * 3
        var data = Data()
        while data.count < size {
            guard let chunk = try handle.read(upToCount: size - data.count), !chunk.isEmpty else { return nil }
            data.append(chunk)
        }
        defer { index += 1 }
        return RGBFrame(
            index: index, time: start + Double(index) / fps, width: width, height: height, pixels: [UInt8](data))
    }
}
