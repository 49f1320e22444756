import Testing

@testable import Pose

@Test func moduleLinks() { #expect(Bool(true)) }
