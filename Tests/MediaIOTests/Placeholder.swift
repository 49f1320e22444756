import Testing

@testable import MediaIO

@Test func moduleLinks() { #expect(Bool(true)) }
