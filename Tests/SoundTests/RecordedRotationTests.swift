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
}
