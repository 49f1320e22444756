import FootfallCore
import Foundation
import Testing

@testable import Sound

@Suite("RunPod settings, prompts and result parsing")
struct RunPodConfigTests {
    @Test func readsSettingsAndReportsBadNumbers() {
        let config = RunPodConfig.load(
            settings: [
                "RUNPOD_API_KEY": "k-123456", "RUNPOD_ENDPOINT_ID": " ep-1 ",
                "RUNPOD_BASE_URL": "http://localhost:9/v2",
                "RUNPOD_STEPS": "50", "RUNPOD_CFG_SCALE": "6.5", "RUNPOD_TIMEOUT": "soon",
                "RUNPOD_AUDIO_PATH": "output.a, output[0].b", "FOOTFALL_CACHE_DIR": "/tmp/ff-cache",
            ],
            options: ["poll_interval": "0.25", "RUNPOD_STEPS": "7"])
        #expect(config.endpointID == "ep-1")
        #expect(config.baseURL == "http://localhost:9/v2")
        #expect(config.steps == 50)  // the environment wins over backend_options
        #expect(config.cfgScale == 6.5)
        #expect(config.pollInterval == 0.25)
        #expect(config.timeout == 300)
        #expect(config.audioPaths == ["output.a", "output[0].b"])
        #expect(config.cacheDirectory?.path == "/tmp/ff-cache/runpod")
        #expect(config.missingReason == "RUNPOD_TIMEOUT must be a number in 1.0...86400.0 (got 'soon')")
    }

    @Test func defaultCacheIsUnderTheUserCache() {
        #expect(RunPodConfig.defaultCacheDirectory(settings: ["XDG_CACHE_HOME": "/x"]).path == "/x/footfall/runpod")
        #expect(RunPodConfig.defaultCacheDirectory(settings: [:]).path.hasSuffix("/.cache/footfall/runpod"))
    }

    @Test func promptTemplateAndPhrasesAreOverridable() {
        let defaults = RunPodPrompts()
        let text = defaults.prompt(surface: .snow, shoe: .barefoot, count: 5)
        #expect(text.hasPrefix("5 single isolated footsteps"))
        #expect(text.contains("bare feet") && text.contains("fresh crunchy snow"))

        let custom = RunPodConfig.load(settings: [
            "RUNPOD_PROMPT_TEMPLATE": "{count} steps: {shoe} on {surface}", "RUNPOD_SURFACE_SNOW": "powder",
            "RUNPOD_NEGATIVE_PROMPT": "music",
        ]).prompts
        #expect(custom.prompt(surface: .snow, shoe: .boots, count: 2) == "2 steps: heavy boots on powder")
        #expect(custom.negativePrompt == "music")
    }

    @Test func jobInputJSONIsSnakeCase() throws {
        let input = RunPodJobInput(
            prompt: "p", negativePrompt: "n", secondsTotal: 4, steps: 100, cfgScale: 7, seed: 42)
        let object = try #require(try JSONSerialization.jsonObject(with: input.canonicalJSON()) as? [String: Any])
        #expect(Set(object.keys) == ["prompt", "negative_prompt", "seconds_total", "steps", "cfg_scale", "seed"])
    }

    @Test func locatesAudioByPath() throws {
        let wav = Data("RIFF-pretend-wave-bytes".utf8)
        let json: [String: Any] = [
            "status": "COMPLETED",
            "output": [
                ["audio_url": "https://files.example/x.wav"],
                ["audio": "data:audio/wav;base64,\(wav.base64EncodedString())"],
            ],
        ]
        let url = try RunPodOutputLocator.payload(in: json, paths: RunPodOutputLocator.defaultPaths)
        #expect(url.payload == .url(URL(string: "https://files.example/x.wav")!))
        #expect(url.path == "output[0].audio_url")
        let data = try RunPodOutputLocator.payload(in: json, paths: ["output[1].audio"])
        #expect(data.payload == .bytes(wav))
        #expect(throws: RunPodError.noAudio(paths: ["output[2].audio", "status"])) {
            try RunPodOutputLocator.payload(in: json, paths: ["output[2].audio", "status"])
        }
    }

    @Test func requestGroupsAreStableAndKeyedBySurfaceShoeAndRate() {
        let requests = [
            SoundRequest(surface: .wood, foot: .left, seed: 9), SoundRequest(surface: .tile, foot: .right, seed: 3),
            SoundRequest(surface: .wood, foot: .right, seed: 4),
            SoundRequest(surface: .wood, foot: .left, seed: 5, sampleRate: 44_100),
        ]
        let groups = RequestGroup.make(requests)
        #expect(groups.map(\.indices) == [[0, 2], [1], [3]])
        #expect(groups.map(\.seed) == [4, 3, 5])
    }

    @Test func cacheKeyDependsOnEveryByte() {
        let a = SoundCache.key([Data("ep".utf8), Data("{\"seed\":1}".utf8)])
        #expect(a.count == 32)
        #expect(a == SoundCache.key([Data("ep".utf8), Data("{\"seed\":1}".utf8)]))
        #expect(a != SoundCache.key([Data("ep".utf8), Data("{\"seed\":2}".utf8)]))
        #expect(a != SoundCache.key([Data("e".utf8), Data("p{\"seed\":1}".utf8)]))
    }
}
