import FootfallTesting

/// The RunPod stand-in of these tests: FootfallTesting's scripted loopback server.
typealias RunPodFakeServer = LoopbackHTTPServer
