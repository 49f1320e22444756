import FootfallCore
import Foundation
import Testing

@Suite struct FootfallConfigTests {
    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ffcfg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func layersDefaultsFileEnvironment() throws {
        let dir = try tempDir()
        try Data(#"{"backend": "mock", "seed": 7, "loudness": -16}"#.utf8).write(
            to: URL(fileURLWithPath: dir + "/footfall.json"))
        let fromFile = try FootfallConfig.load(environment: [:], workingDirectory: dir)
        #expect(fromFile.backend == "mock")
        #expect(fromFile.seed == 7)
        #expect(fromFile.loudness == -16)
        #expect(fromFile.shoe == "sneaker")  // default kept
        let withEnv = try FootfallConfig.load(
            environment: ["FOOTFALL_BACKEND": "samples", "FOOTFALL_SEED": "9"], workingDirectory: dir)
        #expect(withEnv.backend == "samples")
        #expect(withEnv.seed == 9)
    }

    @Test func rejectsSecretsAndBadValues() throws {
        let dir = try tempDir()
        try Data(#"{"runpod_api_key": "sk-123"}"#.utf8).write(to: URL(fileURLWithPath: dir + "/footfall.json"))
        #expect(throws: FootfallError.self) { try FootfallConfig.load(environment: [:], workingDirectory: dir) }
        #expect(throws: FootfallError.self) {
            try FootfallConfig.load(file: dir + "/missing.json", environment: [:], workingDirectory: dir)
        }
        let other = try tempDir()
        #expect(throws: FootfallError.self) {
            try FootfallConfig.load(environment: ["FOOTFALL_SEED": "abc"], workingDirectory: other)
        }
        try Data(#"{"seed": "x"}"#.utf8).write(to: URL(fileURLWithPath: other + "/footfall.json"))
        do {
            _ = try FootfallConfig.load(environment: [:], workingDirectory: other)
            Issue.record("expected an error")
        } catch let e as FootfallError {
            #expect(e.description.contains("seed"))
        }
    }

    @Test func dotEnvParsesAndRealEnvironmentWins() throws {
        let parsed = DotEnv.parse("# c\nexport A=1\nB = \"two words\"\nC='x'\nbad line\n")
        #expect(parsed == ["A": "1", "B": "two words", "C": "x"])
        let dir = try tempDir()
        try Data("RUNPOD_API_KEY=fromfile\nOTHER=o\n".utf8).write(to: URL(fileURLWithPath: dir + "/.env"))
        let env = DotEnv.environment(directory: dir, base: ["RUNPOD_API_KEY": "real"])
        #expect(env["RUNPOD_API_KEY"] == "real")
        #expect(env["OTHER"] == "o")
    }

    @Test func stepsDocumentRoundTripAndErrors() throws {
        let doc = StepsDocument(
            video: .init(file: "a.mp4", width: 640, height: 360, duration: 2, frameRate: 30),
            steps: [StepEvent(time: 0.5, frame: 15, walker: 1, foot: .left, confidence: 0.9, gainDB: -3, pan: 0.2)])
        let data = try doc.encoded()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"gain_db\""))
        #expect(try StepsDocument.decode(from: data) == doc)
        #expect(throws: FootfallError.self) { try StepsDocument.decode(from: Data("{}".utf8)) }
        #expect(throws: FootfallError.self) {
            try StepsDocument.decode(
                from: Data(text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 9").utf8))
        }
        let minimal =
            #"{"version":1,"video":{"file":"a","width":1,"height":1,"duration":1,"frame_rate":10},"steps":[{"time":0.25,"foot":"right"}]}"#
        let m = try StepsDocument.decode(from: Data(minimal.utf8))
        #expect(m.steps[0].confidence == 1)
        #expect(m.steps[0].kind == .heelStrike)
    }
}
