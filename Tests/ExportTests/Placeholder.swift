import Testing

@testable import Export

@Test func moduleLinks() { #expect(Bool(true)) }
