import CLiteRt
import FootfallCore
import Foundation
import Logging

/// One .tflite model compiled for the CPU (XNNPACK) with float32 buffers created once and reused on every run.
///
/// Not thread-safe: confine an instance to one thread at a time.
public final class LiteRTModel {
    public struct TensorInfo: Sendable, Equatable {
        public var name: String
        public var shape: [Int]
        public var elementCount: Int { shape.reduce(1, *) }
    }

    public private(set) var inputs: [TensorInfo] = []
    public private(set) var outputs: [TensorInfo] = []
    private var environment: LiteRtEnvironment?
    private var model: LiteRtModel?
    private var compiled: LiteRtCompiledModel?
    private var inputBuffers: [LiteRtTensorBuffer?] = []
    private var outputBuffers: [LiteRtTensorBuffer?] = []
    private let quiet: Bool
    private var hasRun = false
    private static let logger = Logger(label: "footfall.pose")

    /// Loads and compiles `path` with `threads` XNNPACK threads. `quiet` hides the runtime's INFO lines on stderr.
    public init(path: String, threads: Int = 1, quiet: Bool = true) throws {
        self.quiet = quiet
        try LiteRTRuntime.load()
        guard FileManager.default.fileExists(atPath: path) else {
            throw FootfallError.failure("pose model not found at \(path): run make setup")
        }
        let token = quiet ? ffl_silence_stderr() : -1
        defer { ffl_restore_stderr(token) }
        func check(_ status: LiteRtStatus, _ what: String) throws {
            if status != 0 {
                throw FootfallError.failure("LiteRT failed to \(what) for \(path) (status \(status))")
            }
        }
        var env: LiteRtEnvironment?
        try check(ffl_CreateEnvironment(&env), "create an environment")
        environment = env
        var loaded: LiteRtModel?
        try check(ffl_CreateModelFromFile(env, path, &loaded), "load the model")
        model = loaded
        var signature: LiteRtSignature?
        try check(ffl_GetModelSignature(loaded, 0, &signature), "read the model signature")
        var inputCount = 0
        var outputCount = 0
        try check(ffl_GetNumSignatureInputs(signature, &inputCount), "count inputs")
        try check(ffl_GetNumSignatureOutputs(signature, &outputCount), "count outputs")

        var options: LiteRtOptions?
        try check(ffl_CreateCpuOptions(Int32(max(1, threads)), &options), "create CPU options")
        defer { ffl_DestroyOptions(options) }
        var compiledModel: LiteRtCompiledModel?
        try check(ffl_CreateCompiledModel(env, loaded, options, &compiledModel), "compile the model")
        compiled = compiledModel

        // Inputs and outputs differ only in which C calls read the tensor and its buffer requirements.
        func buffers(
            _ side: String, count: Int, tensorAt: (Int, inout LiteRtTensor?) -> LiteRtStatus,
            requirementsAt: (Int, inout LiteRtTensorBufferRequirements?) -> LiteRtStatus
        ) throws -> (buffers: [LiteRtTensorBuffer?], info: [TensorInfo]) {
            var result: (buffers: [LiteRtTensorBuffer?], info: [TensorInfo]) = ([], [])
            for index in 0..<count {
                var tensor: LiteRtTensor?
                try check(tensorAt(index, &tensor), "read \(side) \(index)")
                var type = LiteRtRankedTensorType()
                try check(ffl_GetRankedTensorType(tensor, &type), "read \(side) \(index)'s type")
                guard type.element_type == Int32(FFL_ELEMENT_FLOAT32) else {
                    throw FootfallError.failure("model \(path) \(side) \(index) is not float32")
                }
                var requirements: LiteRtTensorBufferRequirements?
                try check(requirementsAt(index, &requirements), "get \(side) \(index)'s buffer requirements")
                var buffer: LiteRtTensorBuffer?
                try check(
                    ffl_CreateManagedTensorBufferFromRequirements(env, &type, requirements, &buffer),
                    "create \(side) buffer \(index)")
                result.buffers.append(buffer)
                result.info.append(Self.info(tensor: tensor, type: type))
            }
            return result
        }
        let input = try buffers(
            "input", count: inputCount,
            tensorAt: { ffl_GetSignatureInputTensorByIndex(signature, $0, &$1) },
            requirementsAt: { ffl_GetCompiledModelInputBufferRequirements(compiledModel, 0, $0, &$1) })
        inputBuffers = input.buffers
        let output = try buffers(
            "output", count: outputCount,
            tensorAt: { ffl_GetSignatureOutputTensorByIndex(signature, $0, &$1) },
            requirementsAt: { ffl_GetCompiledModelOutputBufferRequirements(compiledModel, 0, $0, &$1) })
        outputBuffers = output.buffers
        let inputInfo = input.info
        let outputInfo = output.info
        inputs = inputInfo
        outputs = outputInfo
        Self.logger.debug(
            "loaded \(URL(fileURLWithPath: path).lastPathComponent): inputs \(inputInfo.map(\.shape)) outputs \(outputInfo.map(\.shape)), \(threads) thread(s)"
        )
    }

    deinit {
        let token = ffl_silence_stderr()  // the runtime logs an INFO line per destroyed accelerator
        defer { ffl_restore_stderr(token) }
        for buffer in inputBuffers + outputBuffers { ffl_DestroyTensorBuffer(buffer) }
        if let compiled { ffl_DestroyCompiledModel(compiled) }
        if let model { ffl_DestroyModel(model) }
        if let environment { ffl_DestroyEnvironment(environment) }
    }

    /// Gives write access to input `index` (float32, `inputs[index].elementCount` values).
    public func withInput<R>(_ index: Int = 0, _ body: (UnsafeMutableBufferPointer<Float>) throws -> R) throws -> R {
        try withLocked(inputBuffers[index], count: inputs[index].elementCount, mode: Int32(FFL_LOCK_WRITE), body)
    }

    /// Gives read access to output `index`.
    public func withOutput<R>(_ index: Int, _ body: (UnsafeMutableBufferPointer<Float>) throws -> R) throws -> R {
        try withLocked(outputBuffers[index], count: outputs[index].elementCount, mode: Int32(FFL_LOCK_READ), body)
    }

    /// Runs the model on the current input buffers.
    public func run() throws {
        // The first run creates the XNNPACK delegate, which logs a line.
        let token = quiet && !hasRun ? ffl_silence_stderr() : -1
        defer { ffl_restore_stderr(token) }
        hasRun = true
        let status = inputBuffers.withUnsafeMutableBufferPointer { inputPointer in
            outputBuffers.withUnsafeMutableBufferPointer { outputPointer in
                ffl_RunCompiledModel(
                    compiled, 0, inputPointer.count, inputPointer.baseAddress, outputPointer.count,
                    outputPointer.baseAddress)
            }
        }
        if status != 0 { throw FootfallError.failure("LiteRT inference failed (status \(status))") }
    }

    private func withLocked<R>(
        _ buffer: LiteRtTensorBuffer?, count: Int, mode: Int32, _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
    ) throws -> R {
        var host: UnsafeMutableRawPointer?
        let status = ffl_LockTensorBuffer(buffer, &host, mode)
        guard status == 0, let host else { throw FootfallError.failure("LiteRT could not lock a tensor buffer") }
        defer { _ = ffl_UnlockTensorBuffer(buffer) }
        return try body(UnsafeMutableBufferPointer(start: host.assumingMemoryBound(to: Float.self), count: count))
    }

    private static func info(tensor: LiteRtTensor?, type: LiteRtRankedTensorType) -> TensorInfo {
        var namePointer: UnsafePointer<CChar>?
        _ = ffl_GetTensorName(tensor, &namePointer)
        var typeCopy = type
        let rank = ffl_tensor_rank(&typeCopy)
        let shape = (0..<rank).map { Int(ffl_tensor_dimension(&typeCopy, $0)) }
        return TensorInfo(name: namePointer.map { String(cString: $0) } ?? "?", shape: shape)
    }
}
