import Foundation
import MocapSimulation

/// Command line of `mocap-sweep` (a handful of flags; no argument-parser dependency for a bench tool).
struct SweepArguments {
    enum Mode {
        case sweep
        case writeFixtures(String)
        case slice
        case trace(String)
        case dump(String)
    }

    var mode = Mode.sweep
    var mocap: String?
    var fixtures: String?
    var quick = false
    var markdown: String?
    var noise = "realistic"
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var azimuths: [Double] = [0, 90, 180, 270]
    var frameRate = 120.0
    var elevation = 10.0
    var walkerHeight = 400.0
    var output: String?
    var clips: [String] = []
    var verbose = false
    var detail: String?
    /// `--noise-set key=value,…` overrides of the chosen preset (see `NoiseOverrides`).
    var noiseSet: String?
    /// `--pan LAG` (trace and dump): a camera following the pelvis with this lag, seconds.
    var pan: Double?
    /// `--track LAG` (dump): a camera travelling with the walker with this lag, seconds.
    var track: Double?
    /// `--no-camera` (dump): leave `PoseFrame.camera` empty for a moving camera (as if not measured).
    var noCamera = false
    /// `--sweep-seed K` (dump): the noise of the sweep's K-th run of the condition (0 or 1 with `--seeds 2`).
    var sweepSeed: Int?
    /// Noise seeds per (clip, condition).
    var seeds = 1
    /// Replaces the detector's description in the report (e.g. for a copy of the package outside git).
    var label: String?

    static let usage = """
        usage: mocap-sweep [--mocap DIR] [--quick] [--noise realistic|measured|none] [--noise-set k=v,…] [--markdown FILE] [--jobs N] [--seeds N] [--clip NAME]…
                   [--detail FILE] [--label TEXT]
               mocap-sweep --slice [--fixtures DIR]            the `make test` slice, from the committed fixtures
               mocap-sweep --write-fixtures DIR [--mocap DIR]  regenerate the fixtures from the BVH files
               mocap-sweep --trace CLIP [--azimuth A] [--fps F] [--noise none]   heel height at the contacts
               mocap-sweep --dump CLIP --output FILE.json [--azimuth A,B,…] [--height PX] [--pan LAG | --track LAG] [--no-camera] [--sweep-seed K]   frames
        DIR defaults: FOOTFALL_MOCAP, else ../shared/mocap next to the package; fixtures: Tests/StepsTests/Fixtures.
        """

    init(_ args: [String]) throws {
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw UsageError("\(args[i - 1]) needs a value") }
            return args[i]
        }
        func number() throws -> Double {
            let v = try value()
            guard let d = Double(v) else { throw UsageError("not a number: \(v)") }
            return d
        }
        while i < args.count {
            switch args[i] {
            case "--mocap": mocap = try value()
            case "--fixtures": fixtures = try value()
            case "--quick": quick = true
            case "--markdown": markdown = try value()
            case "--noise":
                noise = try value()
                guard ["realistic", "measured", "none"].contains(noise) else {
                    throw UsageError("--noise realistic, measured or none")
                }
            case "--jobs": jobs = max(1, Int(try number()))
            case "--slice": mode = .slice
            case "--write-fixtures": mode = .writeFixtures(try value())
            case "--trace": mode = .trace(try value())
            case "--dump": mode = .dump(try value())
            case "--azimuth": azimuths = try value().split(separator: ",").compactMap { Double($0) }
            case "--fps": frameRate = try number()
            case "--elevation": elevation = try number()
            case "--height": walkerHeight = try number()
            case "--output": output = try value()
            case "--clip": clips.append(try value())
            case "--verbose": verbose = true
            case "--detail": detail = try value()
            case "--noise-set": noiseSet = try value()
            case "--pan": pan = try number()
            case "--track": track = try number()
            case "--no-camera": noCamera = true
            case "--sweep-seed": sweepSeed = Int(try number())
            case "--seeds": seeds = max(1, Int(try number()))
            case "--label": label = try value()
            case "-h", "--help": throw UsageError("")
            default: throw UsageError("unknown option \(args[i])")
            }
            i += 1
        }
    }

    var noiseOptions: PoseNoiseOptions {
        get throws {
            let base: PoseNoiseOptions =
                switch noise {
                case "none": .none
                case "measured": .measured
                default: .realistic
                }
            guard let noiseSet else { return base }
            return try NoiseOverrides.apply(noiseSet, to: base)
        }
    }

    /// Name of the noise model in the report.
    var noiseLabel: String { noise + (noiseSet.map { " + \($0)" } ?? "") }

    /// The package root, from this file's path at build time (Sources/mocap-sweep/…), else the working directory.
    static var packageRoot: URL {
        let source = URL(fileURLWithPath: #filePath)
        let root = source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { return root }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    var mocapDirectory: URL {
        if let mocap { return URL(fileURLWithPath: mocap) }
        if let env = ProcessInfo.processInfo.environment["FOOTFALL_MOCAP"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return Self.packageRoot.appendingPathComponent("../shared/mocap").standardizedFileURL
    }

    var fixtureDirectory: URL {
        if let fixtures { return URL(fileURLWithPath: fixtures) }
        return Self.packageRoot.appendingPathComponent("Tests/StepsTests/Fixtures")
    }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}
