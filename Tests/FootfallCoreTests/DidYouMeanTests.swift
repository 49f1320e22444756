import FootfallCore
import Testing

@Test func suggestsNearMiss() {
    #expect(DidYouMean.suggest("runpd", from: ["procedural", "samples", "runpod", "mock"]) == "runpod")
    #expect(DidYouMean.suggest("zzzzzz", from: ["procedural", "mock"]) == nil)
    #expect(DidYouMean.hint("mok", from: ["mock"]) == " — did you mean 'mock'?")
}

@Test func seededRandomIsDeterministic() {
    var a = SeededRandom(seed: 42)
    var b = SeededRandom(seed: 42)
    #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
    var c = SeededRandom(seed: 42, stream: 1)
    #expect(c.unit() >= 0)
}
