import FootfallCore
import RenderFarm
import Testing

@Test func aQueueURLNamesTheServerWithoutItsPassword() throws {
    let url = try QueueURL("postgres://farm:p%40ss@db.lan:6543/jobs")
    #expect(url.user == "farm" && url.password == "p@ss" && url.host == "db.lan" && url.port == 6543)
    #expect(url.database == "jobs")
    #expect(url.description == "postgres://farm@db.lan:6543/jobs")
    let defaults = try QueueURL("postgresql://farm@db.lan")
    #expect(defaults.port == 5432 && defaults.database == "farm")
}

@Test func aWrongQueueURLIsABadUsageThatHidesThePassword() {
    #expect {
        try QueueURL("mysql://farm:hunter2@db.lan/jobs")
    } throws: { error in
        let text = (error as? FootfallError)?.description ?? ""
        return text.contains("postgres://USER@HOST:PORT/DATABASE") && !text.contains("hunter2")
            && (error as? FootfallError)?.exitCode == 2
    }
}
