import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import FootfallCore

extension Fuzz {
    /// The config file, the FOOTFALL_* environment and `.env` files are typed by users.
    @Suite struct ConfigFuzzTests {
        static let configSeeds = [
            #"{"backend":"runpod","seed":7,"shoe":"boots","surface":"gravel","default_surface":"wood","loudness":-18,"#
                + #""true_peak":-2,"keep_original_audio":"mix","output":"renders","width":0.5,"dry":true,"threads":4,"#
                + #""samples_dir":"/tmp/s","backend_options":{"prompt_template":"{count} steps on {surface}","steps":"50"}}"#,
            #"{"backend":"procedural"}"#, "{}",
        ]

        @Test func configFileDecodesOrRefusesWithOneLine() async throws {
            let dir = try TestFiles.temporaryDirectory("fuzz-config")
            defer { TestFiles.remove(dir) }
            let path = dir.appendingPathComponent("footfall.json").path
            let dictionary = [#""api_key":"x""#, #""seed":-1"#, #""threads":"#, #""backend_options":{"a":1}"#]
            await Fuzzer("config file", textSeeds: Self.configSeeds, iterations: 500, dictionary: dictionary).run {
                input in
                try input.data.write(to: URL(fileURLWithPath: path))
                let config = try FootfallConfig.load(file: path, environment: [:], workingDirectory: dir.path)
                let again = try JSONDecoder().decode(FootfallConfig.self, from: try JSONEncoder().encode(config))
                input.check(again == config, "config decode → encode → decode changed it")
            }
        }

        @Test func environmentOverridesApplyOrRefuseWithOneLine() async {
            let names = [
                "FOOTFALL_BACKEND", "FOOTFALL_SEED", "FOOTFALL_LOUDNESS", "FOOTFALL_SURFACE", "FOOTFALL_SHOE",
                "FOOTFALL_SAMPLES_DIR", "FOOTFALL_OUTPUT", "FOOTFALL_KEEP_ORIGINAL_AUDIO", "FOOTFALL_DEFAULT_SURFACE",
            ]
            let values = ["42", "-23", "-14.5", "gravel", "boots", "/tmp/x", "out", "mix", "wood"]
            await Fuzzer("config environment", textSeeds: values, iterations: 2000).run(seedsMustPass: false) { input in
                var rng = SeededRandom(seed: UInt64(bitPattern: Int64(input.iteration)))
                var environment: [String: String] = [:]
                for _ in 0..<(1 + rng.below(3)) { environment[names[rng.below(names.count)]] = input.text }
                var config = FootfallConfig()
                try config.apply(environment: environment)
                input.check(config.loudness < 0 && config.loudness.isFinite, "accepted loudness \(config.loudness)")
            }
        }

        @Test func dotEnvParsesAnythingAndRoundTrips() async {
            let seeds = [
                "RUNPOD_API_KEY=abc123\n# comment\nexport RUNPOD_ENDPOINT_ID=\"ep 1\"\nRUNPOD_TIMEOUT = '30'\n\nBAD LINE\n",
                "A=1\r\nB=\"two words\"\r\nC=\n=novalue\nD==x\n",
            ]
            await Fuzzer("dotenv", textSeeds: seeds, iterations: 1500).run(refusals: false) { input in
                let parsed = DotEnv.parse(input.text)
                for (key, value) in parsed {
                    input.check(!key.isEmpty && !key.contains("="), "bad key '\(key)'")
                    input.check(
                        !key.contains(where: \.isNewline) && !value.contains(where: \.isNewline), "newline kept")
                }
                // Writing what was read as quoted `export KEY="value"` lines reads back the same.
                let written = parsed.sorted { $0.key < $1.key }.map { "export \($0.key)=\"\($0.value)\"" }
                let reread = DotEnv.parse(written.joined(separator: "\n"))
                input.check(reread == parsed, "re-reading the written .env gave \(reread) instead of \(parsed)")
            }
        }
    }
}
