import Foundation
import Testing

/// Drop-offs, returns, the driver's handover and deadline changes, through the real binary.
@Suite struct ReturnsCommandLineTests {
    struct DropOff: Decodable {
        let receipt: String
        let tracking: String
        let carrier: String
        let customer: String?
    }

    struct Queue: Decodable {
        let dropOffs: [DropOff]
    }

    @Test func dropoffPrintsSequentialReceiptsAndRefusesTwice() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        try butik.run("customer", "add", "Maria Mossestad")
        let first = try butik.run("dropoff", "RR123456785SE", "--customer", "mm")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Receipt R0001: RR123456785SE (postnord)"), "\(first.stdout)")
        let second = try butik.run("dropoff", "370725380000086508", "--carrier", "posten", "--json")
        #expect(second.status == 0, "\(second.stderr)")
        let dropOff = try second.json(DropOff.self)
        #expect(dropOff.receipt == "R0002")
        #expect(dropOff.carrier == "posten")
        #expect(dropOff.customer == nil)

        let twice = try butik.run("dropoff", "rr123456785se")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("already dropped off (receipt R0001)"), "\(twice.stderr)")
        let wrongDigit = try butik.run("dropoff", "RB123456786US")
        #expect(wrongDigit.status == 1)
        #expect(wrongDigit.stderr.contains("should be 5"), "\(wrongDigit.stderr)")
        #expect(try butik.run("dropoff", "RR123456785SE", "RB123456786US").status == 2)
        #expect(try butik.run("dropoff", "RR000000001SE", "--customer", "NOBODY").status == 1)

        let queue = try butik.run("queue", "--json").json(Queue.self)
        #expect(queue.dropOffs.map(\.receipt) == ["R0001", "R0002"])
        #expect(queue.dropOffs.first?.customer == "MM")
    }
}
