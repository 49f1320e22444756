import FootfallCore
import Foundation

/// Collects ground patches for a list of heel strikes from a stream of frames. Frames arrive in order and
/// are never kept: the sampler plans which frames it needs up front and crops those as they pass.
public struct GroundPatchSampler {
    public struct Options: Sendable {
        /// Contact crop width as a share of walker height (a foot is ~15 % of height; this shows a bit around it).
        public var contactScale = 0.3
        /// Path crops: width a third of the step length (clear of both shoes), kept within these shares of walker height.
        public var pathMinScale = 0.12
        public var pathMaxScale = 0.30
        /// The ground band runs from this share of walker height above the heel…
        public var aboveFoot = 0.03
        /// …to this share below it (clipped at the picture's bottom).
        public var belowFoot = 0.2
        /// Walker height assumed (share of frame height) when a step doesn't carry one.
        public var assumedWalkerHeight = 0.5
        /// Crops are stored at most this many pixels on a side (analysis resamples anyway).
        public var maxStoredSide = 128
        /// Width of the picture the step positions refer to (the upright video). When frames are decoded
        /// smaller (e.g. `FrameSize.fit`), positions and heights are scaled by frame width / this; nil = same size.
        public var sourceWidth: Int?
        public init() {}
    }

    struct Request {
        var step: Int
        var role: GroundPatch.Role
        var frame: Int
        var centre: Point2D?
        /// Width as a share of walker height (or of frame height when there is no position).
        var side: Double
        var walkerHeight: Double?
    }

    public let steps: [StepEvent]
    public let options: Options
    private var requests: [Int: [Request]] = [:]
    private var lastWanted: Int
    public private(set) var patches: [GroundPatch] = []

    public init(steps: [StepEvent], options: Options = .init()) {
        self.steps = steps
        self.options = options
        var plan: [Int: [Request]] = [:]
        for r in Self.plan(steps: steps, options: options) { plan[r.frame, default: []].append(r) }
        requests = plan
        lastWanted = plan.keys.max() ?? -1
    }

    /// Frame indices the sampler still needs.
    public var wantedFrames: Set<Int> { Set(requests.keys) }

    /// True once every wanted frame has passed; the caller may stop decoding.
    public var isDone: Bool { requests.isEmpty }

    /// Feed the next frame (in decode order). Frames nobody asked for are ignored.
    public mutating func consume(frame: RGBFrame) {
        guard let wanted = requests.removeValue(forKey: frame.index) else { return }
        for r in wanted {
            if let patch = crop(r, from: frame) { patches.append(patch) }
        }
    }

    private func crop(_ r: Request, from frame: RGBFrame) -> GroundPatch? {
        let fw = Double(frame.width)
        let fh = Double(frame.height)
        let k = options.sourceWidth.map { $0 > 0 ? fw / Double($0) : 1 } ?? 1
        let height = r.walkerHeight.map { $0 * k } ?? options.assumedWalkerHeight * fh
        let guessed = r.centre == nil
        let anchor = r.centre.map { Point2D(x: $0.x * k, y: $0.y * k) } ?? Point2D(x: fw / 2, y: fh * 0.75)
        let width = min(fw, max(4, (r.side * (guessed ? fh : height)).rounded()))
        // The ground is a band from just above the heel down: above it a side view shows legs and walls,
        // so the band is clipped at the picture's bottom rather than slid up into the background.
        let top = anchor.y - (guessed ? 0 : options.aboveFoot * height)
        let bottom = guessed ? fh : anchor.y + options.belowFoot * height
        let x0 = min(max(0, anchor.x - width / 2), fw - width)
        let y0 = max(0, top.rounded())
        let y1 = min(fh, bottom.rounded())
        let (xi, yi, wi, hi) = (Int(x0), Int(y0), Int(width), Int(y1 - y0))
        guard wi >= 2, hi >= 2, xi >= 0, xi + wi <= frame.width, yi + hi <= frame.height else { return nil }
        var image = PatchImage(cropping: frame, x: xi, y: yi, width: wi, height: hi)
        let longest = max(wi, hi)
        if longest > options.maxStoredSide {
            let k = Double(options.maxStoredSide) / Double(longest)
            image = image.resized(width: max(1, Int(Double(wi) * k)), height: max(1, Int(Double(hi) * k)))
        }
        let step = steps[r.step]
        return GroundPatch(
            step: r.step, role: r.role, walker: step.walker, frame: frame.index, time: frame.time,
            box: BoundingBox(x: Double(xi), y: Double(yi), width: Double(wi), height: Double(hi)),
            guessedPosition: guessed, image: image)
    }

    /// Which crops each step needs, from which frames.
    static func plan(steps: [StepEvent], options o: Options) -> [Request] {
        var out: [Request] = []
        let byWalker = Dictionary(grouping: steps.indices, by: { steps[$0].walker })
        for (_, indices) in byWalker {
            let ordered = indices.sorted { steps[$0].time < steps[$1].time }
            for (n, i) in ordered.enumerated() {
                let s = steps[i]
                guard let p = s.position else {
                    out.append(
                        Request(step: i, role: .contact, frame: s.frame, centre: nil, side: 0.35, walkerHeight: nil))
                    continue
                }
                let h = s.walkerHeight
                let contactCentre = p
                out.append(
                    Request(
                        step: i, role: .contact, frame: s.frame, centre: contactCentre, side: o.contactScale,
                        walkerHeight: h))
                if n > 0, let q = steps[ordered[n - 1]].position {
                    let length = hypot(p.x - q.x, p.y - q.y)
                    let hh = h ?? length * 2
                    let side = hh > 0 ? min(o.pathMaxScale, max(o.pathMinScale, 0.35 * length / hh)) : o.pathMinScale
                    let mid = Point2D(x: (p.x + q.x) / 2, y: max(p.y, q.y))
                    out.append(Request(step: i, role: .path, frame: s.frame, centre: mid, side: side, walkerHeight: h))
                }
                // The same spot when this walker's foot was farthest from it, if far enough to leave it clear.
                let far = ordered.filter { $0 != i && steps[$0].position != nil }.max { a, b in
                    Self.distance(steps[a].position!, p) < Self.distance(steps[b].position!, p)
                }
                if let far, let fp = steps[far].position {
                    let needed = o.contactScale * (h ?? 0) * 1.5
                    if h != nil, Self.distance(fp, p) > needed {
                        out.append(
                            Request(
                                step: i, role: .clean, frame: steps[far].frame, centre: contactCentre,
                                side: o.contactScale, walkerHeight: h))
                    }
                }
            }
        }
        return out
    }

    static func distance(_ a: Point2D, _ b: Point2D) -> Double { hypot(a.x - b.x, a.y - b.y) }
}
