// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Footfall",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "footfall", targets: ["footfall"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.60.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // C libraries from Debian (see scripts/setup.sh).
        .systemLibrary(
            name: "CFFmpeg", pkgConfig: "libavformat",
            providers: [
                .apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libswscale-dev", "libswresample-dev"])
            ]),
        .systemLibrary(name: "CEbur128", pkgConfig: "libebur128", providers: [.apt(["libebur128-dev"])]),
        .systemLibrary(name: "CSndfile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),

        // Shared value types.
        .target(name: "FootfallCore", dependencies: [.product(name: "Logging", package: "swift-log")]),

        // Pipeline stages.
        .target(
            name: "MediaIO",
            dependencies: ["FootfallCore", "CFFmpeg", "CSndfile", .product(name: "Logging", package: "swift-log")]),
        // LiteRT C API, loaded at run time with dlopen (see Sources/CLiteRt/include/litert_shim.h).
        .target(name: "CLiteRt"),
        .target(
            name: "Pose",
            dependencies: ["FootfallCore", "CLiteRt", "MediaIO", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "Steps", dependencies: ["FootfallCore", "CFFmpeg", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "Surface", dependencies: ["FootfallCore", .product(name: "Logging", package: "swift-log")],
            resources: [.process("Resources")]),
        .target(
            name: "Sound",
            dependencies: [
                "FootfallCore", "MediaIO", .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            // The recordings' manifest is installed next to the recordings by setup, not bundled; the procedural
            // models' calibration targets are documentation (their values are in the models).
            exclude: ["Recorded/Resources", "Procedural/Resources"]),
        .target(
            name: "Mix",
            dependencies: ["FootfallCore", "Sound", "CEbur128", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "Export",
            dependencies: [
                "FootfallCore", "MediaIO", "Mix", "CSndfile", .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "Report", dependencies: ["FootfallCore"]),
        .target(
            name: "Pipeline",
            dependencies: [
                "FootfallCore", "MediaIO", "Pose", "Steps", "Surface", "Sound", "Mix", "Export", "Report",
                .product(name: "Logging", package: "swift-log"),
            ]),

        // The render farm: a job queue on PostgreSQL that workers on many machines claim from.
        .target(
            name: "RenderFarm",
            dependencies: [
                "FootfallCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),

        // Shells.
        .target(
            name: "FootfallWeb",
            dependencies: [
                "FootfallCore", "MediaIO", "Pipeline", "Sound", "RenderFarm",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]),
        .executableTarget(
            name: "footfall",
            dependencies: [
                "Pipeline", "Report", "FootfallWeb", "FootfallCore", "MediaIO", "Pose", "Steps", "Surface", "Sound",
                "Mix", "Export", "RenderFarm",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Test helpers: synthetic clips and audio made with FFmpeg's libraries, a scripted loopback HTTP server.
        .target(
            name: "FootfallTesting",
            dependencies: [
                "FootfallCore", "MediaIO", "CFFmpeg", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]),

        // Real CMU motion capture projected into virtual cameras as BlazePose-like landmarks (the step detector's
        // view sweep), and the sweep itself (`bench/mocap_sweep.sh`).
        .target(name: "MocapSimulation", dependencies: ["FootfallCore"]),
        .executableTarget(
            name: "mocap-sweep",
            dependencies: [
                "MocapSimulation", "Steps", "FootfallCore", .product(name: "Logging", package: "swift-log"),
            ]),

        .testTarget(name: "FootfallCoreTests", dependencies: ["FootfallCore"]),
        .testTarget(name: "MediaIOTests", dependencies: ["MediaIO", "FootfallTesting"]),
        .testTarget(name: "PoseTests", dependencies: ["Pose", "MediaIO", "FootfallTesting"]),
        .testTarget(
            name: "StepsTests", dependencies: ["Steps", "FootfallTesting", "MocapSimulation"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "SurfaceTests", dependencies: ["Surface", "FootfallTesting"]),
        .testTarget(
            name: "SoundTests",
            dependencies: [
                "Sound", "FootfallTesting", "CSndfile", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .testTarget(name: "MixTests", dependencies: ["Mix", "Sound", "CEbur128", "FootfallTesting"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Mix", "Sound", "MediaIO", "FootfallTesting"]),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "FootfallWeb", "FootfallTesting", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        .testTarget(name: "FootfallWebTests", dependencies: ["FootfallWeb", "MediaIO", "FootfallTesting"]),
        // Seeded fuzzing of the parsers Footfall wrote itself (bounded; part of `make test`).
        .testTarget(
            name: "FuzzTests",
            dependencies: [
                "FootfallCore", "Export", "Mix", "Sound", "Steps", "MediaIO", "FootfallWeb", "FootfallTesting",
                "CFFmpeg",
            ]),
        // Runs the built `footfall` executable as a real process (exit codes, signals, files left behind).
        .testTarget(name: "CLITests", dependencies: ["FootfallCore", "MediaIO", "FootfallTesting"]),
        // The render farm's queue against a real PostgreSQL the tests start, and `footfall worker` processes.
        .testTarget(
            name: "RenderFarmTests",
            dependencies: [
                "RenderFarm", "FootfallCore", "MediaIO", "FootfallTesting", "FootfallWeb",
                .product(name: "Logging", package: "swift-log"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
