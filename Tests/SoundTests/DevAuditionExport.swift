import FootfallCore
import Foundation
import Testing

@testable import Sound

/// Dev listening check: with FOOTFALL_SOUND_DEVDIR set, renders an audition of every surface for sneakers and
/// boots into that folder (to look at spectrograms and listen). Skipped otherwise.
@Test(.enabled(if: ProcessInfo.processInfo.environment["FOOTFALL_SOUND_DEVDIR"] != nil))
func exportAuditionsForListening() async throws {
    let dir = ProcessInfo.processInfo.environment["FOOTFALL_SOUND_DEVDIR"]!
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let shoes = (ProcessInfo.processInfo.environment["FOOTFALL_SOUND_DEVSHOES"] ?? "sneaker,boots")
        .split(separator: ",").compactMap { ShoeKind(rawValue: String($0)) }
    let renderer = AuditionRenderer(backend: ProceduralBackend())
    for shoe in shoes {
        for surface in SurfaceKind.allCases {
            let audition = try await renderer.render(AuditionSettings(surface: surface, shoe: shoe, steps: 8, seed: 7))
            let path = "\(dir)/\(surface.rawValue)-\(shoe.rawValue).wav"
            try TestWAV.write(audition.audio, to: path)
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }
}
