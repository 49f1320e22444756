import Testing

@testable import Pipeline

@Test func moduleLinks() { #expect(Bool(true)) }
