/// SSD anchor centres for BlazePose's detector, as MediaPipe's SsdAnchorsCalculator generates them with the pose
/// detection graph's options (5 layers, strides 8/16/32/32/32, one aspect ratio plus the interpolated one, fixed size).
/// Layers with equal strides share a grid; with `fixed_anchor_size` every anchor has width = height = 1.
public enum SSDAnchors {
    public struct Anchor: Sendable, Equatable {
        public var x: Double
        public var y: Double
    }

    /// 2254 anchors for the 224×224 pose detector, in its output order.
    public static let poseDetector: [Anchor] = generate(
        inputSize: 224, strides: [8, 16, 32, 32, 32], anchorsPerLayer: 2)

    public static func generate(inputSize: Int, strides: [Int], anchorsPerLayer: Int) -> [Anchor] {
        var anchors: [Anchor] = []
        var layer = 0
        while layer < strides.count {
            var last = layer
            while last + 1 < strides.count, strides[last + 1] == strides[layer] { last += 1 }
            let perCell = anchorsPerLayer * (last - layer + 1)
            let cells = (inputSize + strides[layer] - 1) / strides[layer]
            for y in 0..<cells {
                for x in 0..<cells {
                    let anchor = Anchor(x: (Double(x) + 0.5) / Double(cells), y: (Double(y) + 0.5) / Double(cells))
                    anchors.append(contentsOf: repeatElement(anchor, count: perCell))
                }
            }
            layer = last + 1
        }
        return anchors
    }
}
