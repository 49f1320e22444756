import FootfallCore
import Foundation
import Testing

/// Seeded fuzzing for the parsers Footfall wrote itself: random bytes and mutations of valid seeds.
///
/// Every input is a pure function of (base seed, target name, iteration), so any failure reproduces:
/// `FOOTFALL_FUZZ_SEED=<seed> FOOTFALL_FUZZ_CASE=<iteration> swift test --filter FuzzTests`. A crash cannot be
/// caught in-process, so the case being run is kept in a static buffer that a signal handler prints on SIGILL/SIGTRAP/
/// SIGSEGV/SIGABRT before the process dies. `FOOTFALL_FUZZ_SCALE=10` runs ten times as many inputs.
struct Fuzzer {
    /// The fixed default keeps CI deterministic; set `FOOTFALL_FUZZ_SEED` to explore other inputs.
    static let baseSeed: UInt64 =
        ProcessInfo.processInfo.environment["FOOTFALL_FUZZ_SEED"].flatMap { UInt64($0) }
        ?? 0xF007_FA11
    static let onlyCase: Int? = ProcessInfo.processInfo.environment["FOOTFALL_FUZZ_CASE"].flatMap { Int($0) }
    static let scale: Double = ProcessInfo.processInfo.environment["FOOTFALL_FUZZ_SCALE"].flatMap { Double($0) } ?? 1

    let target: String
    let seeds: [[UInt8]]
    let iterations: Int
    /// Tokens spliced in by the mutator (format-specific words besides the generic ones).
    var dictionary: [String] = []

    init(_ target: String, seeds: [[UInt8]], iterations: Int, dictionary: [String] = []) {
        self.target = target
        self.seeds = seeds
        self.iterations = max(1, Int(Double(iterations) * Self.scale))
        self.dictionary = dictionary
    }

    init(_ target: String, textSeeds: [String], iterations: Int, dictionary: [String] = []) {
        self.init(target, seeds: textSeeds.map { Array($0.utf8) }, iterations: iterations, dictionary: dictionary)
    }

    /// Runs `body` on every input. `body` returns normally or throws; thrown errors go to `accept`, which returns
    /// a problem description when the error is not an acceptable one. Property failures inside `body` should be
    /// recorded with `fail(_:)` on the case it is given.
    /// `refusals: false` for parsers that accept any input (then every error is a failure); `seedsMustPass: false`
    /// when the seeds are raw material rather than whole valid inputs.
    func run(
        accept: (any Error) -> String? = Fuzzer.userFacing, refusals: Bool = true, seedsMustPass: Bool = true,
        _ body: (FuzzCase) throws -> Void
    ) async {
        FuzzCrashReport.install()
        // The seeds are valid inputs: each must be accepted, or the mutations start from the wrong place.
        for (k, seed) in seeds.enumerated() where Self.onlyCase == nil && seedsMustPass {
            let seedCase = FuzzCase(target: target, iteration: -1 - k, bytes: seed)
            FuzzCrashReport.note(seedCase.reproduction)
            do { try body(seedCase) } catch { seedCase.fail("seed \(k) refused: \(String(reflecting: error))") }
        }
        var accepted = 0
        var refused = 0
        let range = Self.onlyCase.map { $0...$0 } ?? 0...(iterations - 1)
        for i in range {
            // Thousands of synchronous cases would hold a thread of the shared cooperative pool for many seconds,
            // starving the async tests running beside this suite.
            if i % 25 == 0 { await Task.yield() }
            FuzzCrashReport.note(FuzzCase(target: target, iteration: i, bytes: []).reproduction)
            let fuzzCase = FuzzCase(target: target, iteration: i, bytes: input(i))
            if Self.onlyCase != nil { FileHandle.standardError.write(Data("\(fuzzCase.dump)\n".utf8)) }
            do {
                try body(fuzzCase)
                accepted += 1
            } catch {
                refused += 1
                if let problem = refusals ? accept(error) : "threw" {
                    fuzzCase.fail("\(problem): \(String(reflecting: error))")
                }
            }
        }
        FuzzCrashReport.note("")
        // Both outcomes must occur, or the seeds or mutations are not exercising the parser.
        if Self.onlyCase == nil {
            #expect(accepted > 0, "\(target): no input was accepted (seed \(Self.baseSeed))")
            #expect(!refusals || refused > 0, "\(target): no input was refused (seed \(Self.baseSeed))")
        }
    }

    /// Input `i`: mostly mutated seeds, some pure random bytes, some random text.
    func input(_ i: Int) -> [UInt8] {
        var rng = SeededRandom(seed: Self.baseSeed ^ Self.hash(target), stream: UInt64(i))
        switch rng.below(20) {
        case 0: return (0..<rng.below(300)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 1:
            return Array(String((0..<rng.below(200)).map { _ in Self.textAlphabet.randomElement(using: &rng)! }).utf8)
        default:
            guard !seeds.isEmpty else { return [] }
            var bytes = seeds[rng.below(seeds.count)]
            for _ in 0..<(1 + rng.below(4)) { mutate(&bytes, rng: &rng) }
            return bytes
        }
    }

    static let textAlphabet = Array("{}[]\",:0123456789.eE+-_ abcxyzNnIfT\t\r\n\\/=#'")

    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    /// Accepts errors a user can read: FootfallError, DecodingError (turned into FootfallError by callers that
    /// show it) and errors whose description is a single non-empty line.
    static func userFacing(_ error: any Error) -> String? {
        if let e = error as? FootfallError { return oneLine(e.description) }
        if error is DecodingError { return nil }
        return "unexpected error type \(type(of: error))"
    }

    /// nil for a usable one-line message.
    static func oneLine(_ message: String) -> String? {
        if message.trimmingCharacters(in: .whitespaces).isEmpty { return "empty error message" }
        if message.contains(where: \.isNewline) { return "multi-line error message" }
        return nil
    }
}

/// One generated input, with what it takes to reproduce it.
struct FuzzCase {
    let target: String
    let iteration: Int
    let bytes: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var data: Data { Data(bytes) }

    var reproduction: String {
        "fuzz target '\(target)' case \(iteration): reproduce with FOOTFALL_FUZZ_SEED=\(Fuzzer.baseSeed) "
            + "FOOTFALL_FUZZ_CASE=\(iteration) swift test --disable-xctest --filter FuzzTests"
    }

    var dump: String {
        "\(reproduction)\ninput (\(bytes.count) bytes): \(String(reflecting: text.prefix(2000)))"
    }

    func fail(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Issue.record("\(message)\n\(dump)", sourceLocation: sourceLocation)
    }

    /// Records a failure unless `condition` holds.
    func check(
        _ condition: Bool, _ message: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        if !condition { fail(message(), sourceLocation: sourceLocation) }
    }
}

extension SeededRandom {
    /// Uniform in 0..<n (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}

/// All fuzz suites, run one at a time: the crash report holds one case, and the machine has few cores anyway.
@Suite(.serialized) enum Fuzz {}
