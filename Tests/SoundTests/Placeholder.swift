import Testing

@testable import Sound

@Test func moduleLinks() { #expect(Bool(true)) }
