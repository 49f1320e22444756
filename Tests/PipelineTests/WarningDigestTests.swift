import Testing

@testable import Pipeline

@Test func manySurfaceWarningsBecomeOneLine() {
    let line = { (w: Int) in
        "walker \(w), 0.00–79.50 s: surface unclear (best guess snow, confidence 0.22), using concrete. Set it with --surface NAME, or edit 'surfaces' in the steps JSON (an entry with \"source\": \"override\")."
    }
    // Walker 3 has two unclear stretches: named once.
    let warnings = ["no person found"] + (1...12).map(line) + [line(3)]
    let condensed = WarningDigest.condense(warnings)
    #expect(condensed.count == 2)
    #expect(condensed[0] == "no person found")
    #expect(
        condensed[1].hasPrefix(
            "surface unclear for 13 stretches of 12 walkers (walkers 1, 2, 3, 4, 5, 6, 7, 8, …), using concrete."))
    #expect(WarningDigest.condense(Array(warnings.prefix(3))) == Array(warnings.prefix(3)))
}
