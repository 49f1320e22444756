import FootfallCore

/// A labelled grid of the ground patches the surface stage looked at, so a person can check its guesses:
/// each tile shows the crop, a bar in the guessed surface's colour (dimmed when unsure), and text with the
/// step, crop kind, surface and confidence.
public enum ContactSheet {
    /// A colour per surface for the bars (chosen to be told apart, and loosely to look like the surface).
    public static func color(of surface: SurfaceKind) -> (UInt8, UInt8, UInt8) {
        switch surface {
        case .concrete: return (150, 150, 150)
        case .wood: return (160, 90, 30)
        case .tile: return (60, 120, 220)
        case .gravel: return (120, 80, 160)
        case .grass: return (40, 190, 40)
        case .sand: return (230, 200, 110)
        case .snow: return (255, 255, 255)
        case .metal: return (40, 200, 200)
        case .wet: return (20, 40, 120)
        case .leaves: return (230, 110, 20)
        }
    }

    /// Renders the sheet. `tile` is the side each crop is scaled to.
    public static func render(
        _ items: [(patch: GroundPatch, scores: SurfaceScores)], columns: Int = 6, tile: Int = 120
    ) -> PatchImage {
        let scale = 2
        let lineHeight = 6 * scale
        let barHeight = 8
        let labelHeight = barHeight + 2 * lineHeight + 6
        let gap = 6
        let cols = max(1, min(columns, max(1, items.count)))
        let rows = max(1, (items.count + cols - 1) / cols)
        let cellW = tile + gap
        let cellH = tile + labelHeight + gap
        let headerHeight = lineHeight + 2 * gap
        var sheet = PatchImage(
            width: cols * cellW + gap, height: rows * cellH + gap + headerHeight, fill: (24, 24, 24))
        TinyFont.draw(
            items.isEmpty ? "NO GROUND PATCHES" : "GROUND PATCHES: STEP, CROP KIND, GUESS, CONFIDENCE", on: &sheet,
            x: gap, y: gap, scale: scale, color: (220, 220, 220))
        for (n, item) in items.enumerated() {
            let x = gap + (n % cols) * cellW
            let y = headerHeight + gap + (n / cols) * cellH
            // Keep the crop's shape (ground bands are wider than tall), centred in its square.
            let img = item.patch.image
            let fit = Double(tile) / Double(max(img.width, img.height, 1))
            let w = max(1, Int(Double(img.width) * fit))
            let h = max(1, Int(Double(img.height) * fit))
            sheet.paste(img.resized(width: w, height: h), x: x + (tile - w) / 2, y: y + (tile - h) / 2)
            let best = item.scores.best
            let c = color(of: best)
            // Bar length and brightness follow confidence, so unsure guesses look unsure.
            let k = 0.35 + 0.65 * min(1, max(0, item.scores.confidence))
            let dimmed = (UInt8(Double(c.0) * k), UInt8(Double(c.1) * k), UInt8(Double(c.2) * k))
            sheet.fill(x: x, y: y + tile + 2, width: tile, height: barHeight, color: (50, 50, 50))
            sheet.fill(
                x: x, y: y + tile + 2, width: max(2, Int(Double(tile) * min(1, item.scores.confidence))),
                height: barHeight, color: dimmed)
            let line1 = "#\(item.patch.step) W\(item.patch.walker) \(item.patch.role.rawValue)"
            let line2 = "\(best.rawValue) " + String(Int((item.scores.confidence * 100).rounded())) + "%"
            TinyFont.draw(line1, on: &sheet, x: x, y: y + tile + barHeight + 5, scale: scale, color: (230, 230, 230))
            TinyFont.draw(line2, on: &sheet, x: x, y: y + tile + barHeight + 5 + lineHeight, scale: scale, color: c)
        }
        return sheet
    }
}
