import Testing

@testable import Steps

@Test func moduleLinks() { #expect(Bool(true)) }
