import Testing

@testable import Mix

@Test func moduleLinks() { #expect(Bool(true)) }
