import Testing

@testable import Sound

@Suite struct RecordedRotationTests {
    @Test(arguments: [2, 3, 4, 5, 8, 13])
    func never_the_same_slice_twice_in_a_row_and_back_only_after_half_the_others(count: Int) {
        var rotation = SliceRotation(count: count, seed: 7, stream: 1)
        let picks = (0..<500).map { _ in rotation.next() }
        var last: [Int: Int] = [:]
        for (i, pick) in picks.enumerated() {
            if let previous = last[pick] {
                #expect(i - previous > count / 2, "slice \(pick) again after \(i - previous) of \(count)")
            }
            last[pick] = i
        }
        #expect(Set(picks).count == count)
        // Evenly used: no slice more than a quarter above or below its share.
        let share = 500.0 / Double(count)
        for k in 0..<count {
            let used = Double(picks.filter { $0 == k }.count)
            #expect(abs(used - share) <= share * 0.25 + 1, "slice \(k) used \(used) times of \(share)")
        }
    }

    @Test func one_slice_always_plays_and_the_order_follows_the_seed() {
        var single = SliceRotation(count: 1, seed: 1, stream: 1)
        #expect((0..<5).map { _ in single.next() } == [0, 0, 0, 0, 0])
        var a = SliceRotation(count: 6, seed: 3, stream: 2)
        var b = SliceRotation(count: 6, seed: 3, stream: 2)
        var c = SliceRotation(count: 6, seed: 4, stream: 2)
        let first = (0..<30).map { _ in a.next() }
        #expect(first == (0..<30).map { _ in b.next() })
        #expect(first != (0..<30).map { _ in c.next() })
    }

    /// A file cut into several steps is still one sound: its slices never follow each other.
    @Test func never_the_same_file_twice_in_a_row_when_a_file_holds_several_steps() {
        let files = [0, 0, 0, 1, 2, 2]
        var rotation = SliceRotation(files: files, seed: 5, stream: 3)
        let picks = (0..<400).map { _ in rotation.next() }
        for (a, b) in zip(picks, picks.dropFirst()) { #expect(files[a] != files[b], "file \(files[a]) twice") }
        #expect(Set(picks).count == files.count)
        // One file only: its slices still never repeat back to back.
        var one = SliceRotation(files: [0, 0, 0], seed: 5, stream: 3)
        let onePicks = (0..<60).map { _ in one.next() }
        for (a, b) in zip(onePicks, onePicks.dropFirst()) { #expect(a != b) }
    }
}
