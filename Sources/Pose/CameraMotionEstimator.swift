import FootfallCore

/// Measures how the background moves through a video (a panning or hand-held camera), so that feet can be judged
/// against the ground rather than against the frame.
///
/// Each frame's grey thumbnail is cut into blocks; blocks over a walker (its box, widened) or without texture in
/// both directions are left out, the rest are searched for in a key frame, and the shift most blocks agree on
/// wins. Matching against a key frame kept for several frames, rather than against the previous frame, keeps the
/// small error of each match from adding up while the camera holds still or pans slowly. Blocks on the still
/// borders of letterbox or pillarbox bars are left out too. When too few blocks agree (a blank wall, a cut
/// between shots, a walker filling the picture), the offset moves on at the last speed for a frame or two, then
/// holds still, and matching starts afresh.
///
/// Not thread-safe: feed frames in order from one thread.
final class CameraMotionEstimator {
    /// Block side in thumbnail pixels at the fine level.
    var blockSize = 12
    /// Walker boxes are widened by this share of their larger side on every side.
    var boxMargin = 1.0 / 8
    /// Search radius (fine-level pixels) around the predicted shift; beyond it the coarse level searches.
    var fineRadius = 3
    /// Search radius at the coarse (half-size) level: up to ±12 fine pixels, a tenth of the picture per frame.
    var coarseRadius = 6
    /// Smallest structure-tensor eigenvalue (grey levels² per pixel) for a block to count as textured.
    var minTexture = 2.0
    /// Blocks whose shifts differ by no more than this (pixels at their level) agree.
    var agreement = 0.75
    /// Share of the textured background blocks that must agree for a frame's shift to be trusted.
    var minConfidence = 0.25
    var minAgreeingBlocks = 4
    /// Fewer textured background blocks than this lower the confidence in proportion (a mostly blank picture).
    var fullTexturedBlocks = 12
    /// A key frame is replaced after this many frames, or once the picture moved this share of its width from it.
    var maxKeyAge = 15
    var maxKeyShift = 0.125

    private struct Key {
        var thumbnail: GreyThumbnail
        var coarse: GreyThumbnail
        /// Walker boxes in thumbnail pixels.
        var masks: [BoundingBox]
        /// Where the picture is, bars left out (thumbnail pixels).
        var area: BoundingBox
        /// Cumulative offset of the key frame, frame pixels.
        var dx: Double
        var dy: Double
        var age = 0
    }

    private var key: Key?
    private var dx = 0.0
    private var dy = 0.0
    private var velocityX = 0.0
    private var velocityY = 0.0
    /// Frames in a row whose shift could not be measured, and the offset of the last one that was.
    private var failures = 0
    private var measuredX = 0.0
    private var measuredY = 0.0
    /// Frames in a row the offset may be carried on at the last speed when it cannot be measured.
    var maxCoasting = 2

    /// The cumulative background offset of this frame from the first one, given the frame's thumbnail and the
    /// boxes (frame pixels) of the walkers seen in it.
    func update(_ thumbnail: GreyThumbnail, walkers: [BoundingBox]) -> CameraMotion {
        let masks = walkers.map { Self.widened($0, factor: thumbnail.factor, by: boxMargin) }
        guard var key, key.thumbnail.width == thumbnail.width, key.thumbnail.height == thumbnail.height else {
            rekey(thumbnail, masks: masks)
            return CameraMotion(dx: dx, dy: dy, confidence: 1)
        }
        let scale = Double(thumbnail.factor)
        // Where the key's content should be now, moving on at the last frame's speed (fine-level pixels).
        let predictedX = (dx + velocityX - key.dx) / scale
        let predictedY = (dy + velocityY - key.dy) / scale
        var estimate = measure(thumbnail, masks: masks, key: key, centerX: predictedX, centerY: predictedY)
        if estimate.confidence < 0.5,
            let coarse = coarseShift(thumbnail, masks: masks, key: key, predictedX, predictedY)
        {
            let retry = measure(thumbnail, masks: masks, key: key, centerX: coarse.dx, centerY: coarse.dy)
            if retry.confidence > estimate.confidence { estimate = retry }
        }
        guard let shift = estimate.shift else {
            // A frame or two that cannot be measured in a pan (motion blur, a walker passing close) most likely
            // moved on at the last speed, and the next frame is matched against the same key. Longer, the camera's
            // motion is unknown: the offset holds and matching starts afresh from this frame.
            failures += 1
            if failures <= maxCoasting {
                dx += velocityX
                dy += velocityY
            } else {
                velocityX = 0
                velocityY = 0
                rekey(thumbnail, masks: masks)
            }
            return CameraMotion(dx: dx, dy: dy, confidence: estimate.confidence)
        }
        let newX = key.dx + shift.dx * scale
        let newY = key.dy + shift.dy * scale
        let frames = Double(min(failures, maxCoasting) + 1)
        velocityX = (newX - measuredX) / frames
        velocityY = (newY - measuredY) / frames
        failures = 0
        measuredX = newX
        measuredY = newY
        dx = newX
        dy = newY
        key.age += 1
        self.key = key
        let moved = max(abs(shift.dx), abs(shift.dy))
        if key.age >= maxKeyAge || moved > maxKeyShift * Double(thumbnail.width) || estimate.confidence < 0.5 {
            rekey(thumbnail, masks: masks)
        }
        return CameraMotion(dx: dx, dy: dy, confidence: estimate.confidence)
    }

    private func rekey(_ thumbnail: GreyThumbnail, masks: [BoundingBox]) {
        key = Key(
            thumbnail: thumbnail, coarse: thumbnail.halved(), masks: masks, area: thumbnail.pictureArea(), dx: dx,
            dy: dy)
        measuredX = dx
        measuredY = dy
        failures = 0
    }

    /// A box at the coarse level.
    static func halved(_ box: BoundingBox) -> BoundingBox {
        BoundingBox(x: box.x / 2, y: box.y / 2, width: box.width / 2, height: box.height / 2)
    }

    /// A walker's box in thumbnail pixels, widened by `share` of its larger side: the box spans the landmarks only,
    /// and hair, clothes and a swinging bag reach beyond them.
    static func widened(_ box: BoundingBox, factor: Int, by share: Double) -> BoundingBox {
        let margin = max(box.width, box.height) * share + Double(factor)
        let f = Double(factor)
        return BoundingBox(
            x: (box.x - margin) / f, y: (box.y - margin) / f, width: (box.width + 2 * margin) / f,
            height: (box.height + 2 * margin) / f)
    }

    private struct Estimate {
        var shift: BlockMatcher.Match?
        var confidence: Double
    }

    /// Top-left corners of the blocks: a grid over `area` (the picture without bars), a search radius in from its
    /// edges.
    private func blocks(in area: BoundingBox, size: Int, inset: Int) -> [(x: Int, y: Int)] {
        let x0 = Int(area.x.rounded(.up))
        let y0 = Int(area.y.rounded(.up))
        let width = Int((area.x + area.width).rounded(.down)) - x0
        let height = Int((area.y + area.height).rounded(.down)) - y0
        let columns = (width - 2 * inset) / size
        let rows = (height - 2 * inset) / size
        guard columns > 0, rows > 0 else { return [] }
        let left = x0 + (width - columns * size) / 2
        let top = y0 + (height - rows * size) / 2
        return (0..<rows).flatMap { r in (0..<columns).map { c in (x: left + c * size, y: top + r * size) } }
    }

    /// True when a block (shifted by `dx`, `dy` and widened by `reach`) overlaps a walker.
    private static func covered(
        _ x: Int, _ y: Int, size: Int, by masks: [BoundingBox], dx: Double = 0, dy: Double = 0,
        reach: Double = 0
    ) -> Bool {
        let x0 = Double(x) - dx - reach
        let y0 = Double(y) - dy - reach
        let side = Double(size) + 2 * reach
        return masks.contains { m in
            x0 < m.x + m.width && m.x < x0 + side && y0 < m.y + m.height && m.y < y0 + side
        }
    }

    /// Every background block's shift within `fineRadius` of (`centerX`, `centerY`), and the shift most agree on.
    private func measure(_ thumbnail: GreyThumbnail, masks: [BoundingBox], key: Key, centerX: Double, centerY: Double)
        -> Estimate
    {
        let matcher = BlockMatcher(current: thumbnail, reference: key.thumbnail, size: blockSize)
        let cx = Int(centerX.rounded())
        let cy = Int(centerY.rounded())
        var textured = 0
        var matches: [BlockMatcher.Match] = []
        for block in blocks(in: key.area, size: blockSize, inset: fineRadius + 1) {
            guard !Self.covered(block.x, block.y, size: blockSize, by: masks),
                !Self.covered(
                    block.x, block.y, size: blockSize, by: key.masks, dx: Double(cx), dy: Double(cy),
                    reach: Double(fineRadius))
                    && matcher.texture(x: block.x, y: block.y) >= minTexture
            else { continue }
            // A textured block whose best fit is not inside the window still counts, as one that disagrees.
            textured += 1
            guard
                let match = matcher.best(
                    x: block.x, y: block.y, centerX: cx, centerY: cy, radius: fineRadius, subpixel: true)
            else { continue }
            matches.append(match)
        }
        return vote(matches, textured: textured)
    }

    /// The shift the most blocks agree with: a mode rather than a median, because the losers are not scattered
    /// but often agree among themselves — still things drawn over a moving picture (the edges of a letterbox, a
    /// logo) or a second surface. Its confidence is the share of textured background blocks that agree (scaled
    /// down when there are few: blank walls, a walker filling the picture, a plain floor); the shift given is
    /// their mean.
    private func vote(_ matches: [BlockMatcher.Match], textured: Int) -> Estimate {
        guard !matches.isEmpty, textured > 0 else { return Estimate(shift: nil, confidence: 0) }
        func agrees(_ a: BlockMatcher.Match, _ b: BlockMatcher.Match) -> Bool {
            abs(a.dx - b.dx) <= agreement && abs(a.dy - b.dy) <= agreement
        }
        let support = matches.map { m in matches.count { agrees($0, m) } }
        let seed = matches[support.indices.max { support[$0] < support[$1] } ?? 0]
        let agreeing = matches.filter { agrees($0, seed) }
        let share = Double(agreeing.count) / Double(textured)
        let confidence = share * min(1, Double(textured) / Double(fullTexturedBlocks))
        guard agreeing.count >= minAgreeingBlocks, share >= minConfidence else {
            return Estimate(shift: nil, confidence: confidence)
        }
        let n = Double(agreeing.count)
        let shift = BlockMatcher.Match(
            dx: agreeing.reduce(0) { $0 + $1.dx } / n, dy: agreeing.reduce(0) { $0 + $1.dy } / n)
        return Estimate(shift: shift, confidence: confidence)
    }

    /// The coarse level's vote (in fine-level pixels): a wider search on half-size pictures for when the camera
    /// moved further than predicted.
    private func coarseShift(
        _ thumbnail: GreyThumbnail, masks: [BoundingBox], key: Key, _ predictedX: Double, _ predictedY: Double
    ) -> BlockMatcher.Match? {
        let coarse = thumbnail.halved()
        let size = blockSize / 2
        let matcher = BlockMatcher(current: coarse, reference: key.coarse, size: size)
        // Texture is judged at the fine level: halving smooths fine paving into a blank.
        let texture = BlockMatcher(current: thumbnail, reference: key.thumbnail, size: blockSize)
        let cx = Int((predictedX / 2).rounded())
        let cy = Int((predictedY / 2).rounded())
        let halfMasks = masks.map(Self.halved)
        let halfKeyMasks = key.masks.map(Self.halved)
        var matches: [BlockMatcher.Match] = []
        for block in blocks(in: Self.halved(key.area), size: size, inset: 1)
        where !Self.covered(block.x, block.y, size: size, by: halfMasks)
            && !Self.covered(
                block.x, block.y, size: size, by: halfKeyMasks, dx: Double(cx), dy: Double(cy),
                reach: Double(coarseRadius))
            && texture.texture(x: 2 * block.x, y: 2 * block.y) >= minTexture
        {
            if let match = matcher.best(
                x: block.x, y: block.y, centerX: cx, centerY: cy, radius: coarseRadius, subpixel: false)
            {
                matches.append(match)
            }
        }
        guard let shift = vote(matches, textured: matches.count).shift else { return nil }
        return BlockMatcher.Match(dx: 2 * shift.dx, dy: 2 * shift.dy)
    }
}
