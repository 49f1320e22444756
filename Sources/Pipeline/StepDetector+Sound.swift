import FootfallCore
import Foundation
import Logging
import MediaIO
import Steps

extension StepDetector {
    /// Steps from the poses, then aligned on the footstep sounds in `video`'s own audio when it evidently carries
    /// them (`FootstepSoundCue`; off with `options.followSound = false`). A video without audio, or audio that
    /// cannot be read, leaves the picture's steps as they are.
    public func detect(frames: [PoseFrame], info: VideoInfo, video: String) -> StepDetection {
        let detection = detect(frames: frames, info: info)
        guard options.followSound, detection.heelStrikes.count + detection.unconfirmed.count >= 2 else {
            return detection
        }
        let attacks: [Double]
        let duration: Double
        do {
            guard let audio = try decodeAudio(path: video) else { return detection }
            attacks = OnsetDetector().detect(audio)
            duration = Double(audio.frameCount) / Double(max(audio.sampleRate, 1))
        } catch {
            Logger(label: "footfall.steps").warning(
                "could not read the audio of \(video) to time the steps on their sound (\(error)); using the picture only"
            )
            return detection
        }
        return detection.aligned(
            onAttacks: attacks, audioDuration: duration, frames: frames, lateBias: options.lateBias)
    }
}
