import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@testable import Sound

extension Fuzz {
    /// Everything the runpod backend reads from a server it does not control, and from its settings.
    @Suite struct RunPodFuzzTests {
        static let key = "rp_FUZZKEY_0123456789abcdef"

        static let answerSeeds = [
            #"{"id":"job-1","status":"COMPLETED","output":{"audio":"UklGRiQAAABXQVZFZm10IBAAAAABAAEAgD4AAAB9AAACABAAZGF0YQAAAAA="}}"#,
            #"{"id":"job-2","status":"IN_QUEUE"}"#,
            #"{"id":"job-3","status":"FAILED","error":{"message":"CUDA out of memory","key":"rp_FUZZKEY_0123456789abcdef"}}"#,
            #"{"status":"COMPLETED","output":[{"audio_url":"https://storage.example/a.wav?sig=x"}],"delayTime":12}"#,
            #"{"status":"COMPLETED","output":{"audios":["data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAAB"]}}"#,
        ]

        @Test func jobAnswersParseOrAreMalformed() async {
            let dictionary = [
                #""status":"#, #""output":"#, #""error":"#, "data:audio/wav;base64,", "https://", Self.key,
            ]
            await Fuzzer("runpod job answer", textSeeds: Self.answerSeeds, iterations: 3000, dictionary: dictionary)
                .run(
                    accept: Self.runPodError
                ) { input in
                    let redact = Secret(Self.key).redact
                    let status = try RunPodJobStatus(body: input.data, redact: redact)
                    input.check(!status.errorDetail.contains(Self.key), "the key is in the error detail")
                    input.check(
                        status.errorDetail.count <= 301, "error detail of \(status.errorDetail.count) characters")
                    guard status.state == .completed else { return }
                    let paths =
                        RunPodOutputLocator.defaultPaths + ["output[0][1].x", "[3]", "output..audio", "output[-1]"]
                    let (payload, path) = try RunPodOutputLocator.payload(in: status.json, paths: paths)
                    input.check(paths.contains(path), "payload at unknown path \(path)")
                    if case .bytes(let data) = payload { input.check(!data.isEmpty, "empty audio payload accepted") }
                }
        }

        static func runPodError(_ error: any Error) -> String? {
            guard let e = error as? RunPodError else { return "not a RunPodError: \(type(of: error))" }
            if e.description.contains(key) { return "the key is in the message" }
            return Fuzzer.oneLine(e.description)
        }

        @Test func jsonPathsNeverTrap() async {
            let json: Any = ["output": [["audio": "x", "list": [1, 2, [3]]], "y"], "a": ["b": ["c": "d"]]]
            let seeds = ["output[0].audio", "output[0].list[2][0]", "a.b.c", "output[1]"]
            await Fuzzer("runpod JSON path", textSeeds: seeds, iterations: 3000, dictionary: ["[", "]", "."]).run(
                refusals: false
            ) { input in
                _ = RunPodOutputLocator.value(at: input.text, in: json)
            }
        }

        @Test func settingsLoadOrNameTheProblem() async {
            let names = [
                "RUNPOD_STEPS", "RUNPOD_CFG_SCALE", "RUNPOD_TIMEOUT", "RUNPOD_POLL_INTERVAL",
                "RUNPOD_RUNSYNC_MAX_SECONDS",
                "RUNPOD_MAX_ATTEMPTS", "RUNPOD_BASE_URL", "RUNPOD_AUDIO_PATH", "RUNPOD_PROMPT_TEMPLATE",
                "RUNPOD_SURFACE_GRAVEL", "RUNPOD_ENDPOINT_ID", "FOOTFALL_CACHE_DIR",
            ]
            let seeds = [
                "100", "7.5", "0.05", "https://api.runpod.ai/v2", "output.audio, output[0].url", "{count} {shoe}",
            ]
            await Fuzzer("runpod settings", textSeeds: seeds, iterations: 1000).run(refusals: false) { input in
                var rng = SeededRandom(seed: UInt64(bitPattern: Int64(input.iteration)))
                var settings = ["RUNPOD_API_KEY": Self.key]
                for _ in 0..<(1 + rng.below(4)) { settings[names[rng.below(names.count)]] = input.text }
                let config = RunPodConfig.load(settings: settings, options: ["prompt_template": input.text])
                if let reason = config.missingReason {
                    let echoesNewline = input.text.contains(where: \.isNewline)
                    input.check(echoesNewline || Fuzzer.oneLine(reason) == nil, "reason '\(reason)'")
                    input.check(!reason.contains(Self.key), "the key is in '\(reason)'")
                } else {
                    input.check(config.timeout >= 1 && config.pollInterval > 0 && config.maxAttempts >= 1, "\(config)")
                }
                let prompt = config.prompts.prompt(surface: .gravel, shoe: .boots, count: rng.below(50))
                input.check(!prompt.contains(Self.key), "the key is in the prompt")
                _ = RunPodBackend(config: config, fallback: nil).jobInput(
                    for: RequestGroup(surface: .gravel, shoe: .boots, sampleRate: 48_000, indices: [0, 1], seed: 3))
            }
        }
    }
}
