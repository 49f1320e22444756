/// A 3×5 pixel bitmap font (upper case, digits, a little punctuation) for labels on debug images.
enum TinyFont {
    /// Each glyph is 5 rows of 3 bits, top row first, high bit on the left.
    static let glyphs: [Character: [UInt8]] = [
        "A": [2, 5, 7, 5, 5], "B": [6, 5, 6, 5, 6], "C": [3, 4, 4, 4, 3], "D": [6, 5, 5, 5, 6], "E": [7, 4, 6, 4, 7],
        "F": [7, 4, 6, 4, 4], "G": [3, 4, 5, 5, 3], "H": [5, 5, 7, 5, 5], "I": [7, 2, 2, 2, 7], "J": [1, 1, 1, 5, 2],
        "K": [5, 5, 6, 5, 5], "L": [4, 4, 4, 4, 7], "M": [5, 7, 7, 5, 5], "N": [6, 5, 5, 5, 5], "O": [2, 5, 5, 5, 2],
        "P": [6, 5, 6, 4, 4], "Q": [2, 5, 5, 6, 3], "R": [6, 5, 6, 5, 5], "S": [3, 4, 2, 1, 6], "T": [7, 2, 2, 2, 2],
        "U": [5, 5, 5, 5, 7], "V": [5, 5, 5, 5, 2], "W": [5, 5, 7, 7, 5], "X": [5, 5, 2, 5, 5], "Y": [5, 5, 2, 2, 2],
        "Z": [7, 1, 2, 4, 7], "0": [7, 5, 5, 5, 7], "1": [2, 6, 2, 2, 7], "2": [6, 1, 2, 4, 7], "3": [6, 1, 2, 1, 6],
        "4": [5, 5, 7, 1, 1], "5": [7, 4, 6, 1, 6], "6": [3, 4, 7, 5, 7], "7": [7, 1, 2, 2, 2], "8": [7, 5, 7, 5, 7],
        "9": [7, 5, 7, 1, 6], ".": [0, 0, 0, 0, 2], "-": [0, 0, 7, 0, 0], ":": [0, 2, 0, 2, 0], "#": [5, 7, 5, 7, 5],
        "/": [1, 1, 2, 4, 4], "?": [6, 1, 2, 0, 2], ",": [0, 0, 0, 2, 4], "%": [5, 1, 2, 4, 5], "(": [1, 2, 2, 2, 1],
        ")": [4, 2, 2, 2, 4], "=": [0, 7, 0, 7, 0], " ": [0, 0, 0, 0, 0],
    ]

    /// Width in pixels of `text` at `scale` (4 columns per character including the gap).
    static func width(_ text: String, scale: Int) -> Int { text.count * 4 * scale }

    /// Draws `text` with its top-left corner at (x, y); unknown characters draw as '?'.
    static func draw(
        _ text: String, on image: inout PatchImage, x: Int, y: Int, scale: Int, color: (UInt8, UInt8, UInt8)
    ) {
        for (n, ch) in text.uppercased().enumerated() {
            let rows = glyphs[ch] ?? glyphs["?"]!
            for (r, bits) in rows.enumerated() {
                for c in 0..<3 where bits & (4 >> c) != 0 {
                    image.fill(x: x + (n * 4 + c) * scale, y: y + r * scale, width: scale, height: scale, color: color)
                }
            }
        }
    }
}
