import Testing

@testable import Surface

@Test func moduleLinks() { #expect(Bool(true)) }
