import FootfallCore
import Foundation

/// Collects ground patches for a list of heel strikes from a stream of frames. Frames arrive in order and
/// are never kept: the sampler plans which frames it needs up front and crops those as they pass.
public struct GroundPatchSampler {
    public struct Options: Sendable {
        /// Contact crop side as a share of walker height (a foot is ~15 % of height; this shows a bit around it).
        public var contactScale = 0.22
        /// Path crops: side from half the step length, kept within these shares of walker height.
        public var pathMinScale = 0.10
        public var pathMaxScale = 0.30
        /// Contact centre sits this share of walker height below the heel (the ground, not the ankle).
        public var belowFoot = 0.03
        /// Walker height assumed (share of frame height) when a step doesn't carry one.
        public var assumedWalkerHeight = 0.5
        /// Crops are stored at most this many pixels on a side (analysis resamples anyway).
        public var maxStoredSide = 128
        public init() {}
    }

    struct Request {
        var step: Int
        var role: GroundPatch.Role
        var frame: Int
        var centre: Point2D?
        /// Side as a share of walker height (or of frame height when there is no position).
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
        let height = r.walkerHeight ?? options.assumedWalkerHeight * fh
        let centre = r.centre ?? Point2D(x: fw / 2, y: fh * 0.85)
        let sideBase = r.centre == nil ? fh : height
        let side = min(min(fw, fh), max(4, (r.side * sideBase).rounded()))
        // Keep the crop inside the frame by sliding it, so feet near the border still get a full patch.
        let x0 = min(max(0, centre.x - side / 2), fw - side)
        let y0 = min(max(0, centre.y - side / 2), fh - side)
        let (xi, yi, si) = (Int(x0), Int(y0), Int(side))
        guard si >= 2, xi >= 0, yi >= 0, xi + si <= frame.width, yi + si <= frame.height else { return nil }
        var image = PatchImage(cropping: frame, x: xi, y: yi, width: si, height: si)
        if si > options.maxStoredSide {
            image = image.resized(width: options.maxStoredSide, height: options.maxStoredSide)
        }
        let step = steps[r.step]
        return GroundPatch(
            step: r.step, role: r.role, walker: step.walker, frame: frame.index, time: frame.time,
            box: BoundingBox(x: Double(xi), y: Double(yi), width: Double(si), height: Double(si)),
            guessedPosition: r.centre == nil, image: image)
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
                    out.append(Request(step: i, role: .contact, frame: s.frame, centre: nil, side: 0.3, walkerHeight: nil))
                    continue
                }
                let h = s.walkerHeight
                let contactCentre = Point2D(x: p.x, y: p.y + o.belowFoot * (h ?? 0))
                out.append(Request(step: i, role: .contact, frame: s.frame, centre: contactCentre, side: o.contactScale, walkerHeight: h))
                if n > 0, let q = steps[ordered[n - 1]].position {
                    let length = hypot(p.x - q.x, p.y - q.y)
                    let hh = h ?? length * 2
                    let side = hh > 0 ? min(o.pathMaxScale, max(o.pathMinScale, 0.5 * length / hh)) : o.pathMinScale
                    let mid = Point2D(x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 + o.belowFoot * (h ?? 0))
                    out.append(Request(step: i, role: .path, frame: s.frame, centre: mid, side: side, walkerHeight: h))
                }
                // The same spot when this walker's foot was farthest from it, if far enough to leave it clear.
                let far = ordered.filter { $0 != i && steps[$0].position != nil }.max { a, b in
                    Self.distance(steps[a].position!, p) < Self.distance(steps[b].position!, p)
                }
                if let far, let fp = steps[far].position {
                    let needed = o.contactScale * (h ?? 0) * 1.5
                    if h != nil, Self.distance(fp, p) > needed {
                        out.append(Request(step: i, role: .clean, frame: steps[far].frame, centre: contactCentre, side: o.contactScale, walkerHeight: h))
                    }
                }
            }
        }
        return out
    }

    static func distance(_ a: Point2D, _ b: Point2D) -> Double { hypot(a.x - b.x, a.y - b.y) }
}
