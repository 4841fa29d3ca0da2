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

extension ReturnsCommandLineTests {
    struct Parcel: Decodable {
        let tracking: String
        let slot: String
        let status: String
        let daysLeft: Int
        let deadline: String
    }

    struct ParcelQueue: Decodable {
        let waiting: [Parcel]
        let returning: [Parcel]
    }

    @Test func returnMarksNamedParcelsOrEveryOverdueOne() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("demo").status == 0)
        let before = try butik.run("queue", "--json").json(ParcelQueue.self)
        let overdue = before.waiting.filter { $0.daysLeft < 0 }
        // How many are overdue depends on the time of day the demo is made; the rule is tested in the domain.

        let run = try butik.run("return", "--overdue", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let returned = try run.json([Parcel].self)
        #expect(Set(returned.map(\.tracking)) == Set(overdue.map(\.tracking)))
        #expect(returned.allSatisfy { $0.slot == "OUT" && $0.status == "returning" })
        let again = try butik.run("return", "--overdue")
        #expect(again.status == 0)
        #expect(again.stdout == "No overdue parcels.\n")

        let after = try butik.run("queue", "--json").json(ParcelQueue.self)
        let named = try #require(after.waiting.first)
        let one = try butik.run("return", named.tracking.lowercased())
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("Take 1 parcel to OUT for the driver:"), "\(one.stdout)")
        #expect(one.stdout.contains("\(named.slot)  \(named.tracking)"), "\(one.stdout)")
        let twice = try butik.run("return", named.tracking)
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("in the outbound area for return"), "\(twice.stderr)")
        #expect(try butik.run("return").status == 2)
        #expect(try butik.run("return", named.tracking, "--overdue").status == 2)
    }
}

extension ReturnsCommandLineTests {
    struct Handover: Decodable {
        let carrier: String?
        let parcels: [String]
        let dropOffs: [String]
        let missing: [String]
        let unknown: [String]
    }

    @Test func handoverRecordsWhatLeftAndExitsOneWhenTheCountIsOff() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        for code in ["RR123456785SE", "CT797294851NO"] {
            #expect(try butik.run("receive", code, "--to", "Maria Mossestad").status == 0)
        }
        #expect(try butik.run("return", "RR123456785SE", "CT797294851NO").status == 0)
        #expect(try butik.run("dropoff", "370725380000086508", "--carrier", "posten").status == 0)
        #expect(try butik.run("dropoff", "1Z999AA10123456784", "--carrier", "ups").status == 0)

        let partial = try butik.run("handover", "rr123456785se", "370725380000086508", "JUNK1", "--json")
        #expect(partial.status == 1)
        #expect(partial.stderr.contains("2 missing, 1 unknown"), "\(partial.stderr)")
        let first = try partial.json(Handover.self)
        #expect(first.carrier == nil)
        #expect(first.parcels == ["RR123456785SE"])
        #expect(first.dropOffs == ["R0001"])
        #expect(first.missing == ["CT797294851NO", "1Z999AA10123456784"])
        #expect(first.unknown == ["JUNK1"])

        let ups = try butik.run("handover", "1Z999AA10123456784", "--carrier", "UPS")
        #expect(ups.status == 0, "\(ups.stderr)")
        #expect(ups.stdout == "The driver took 1 of 1: 0 returning parcels and 1 drop-off.\n")
        let again = try butik.run("handover", "RR123456785SE")
        #expect(again.status == 1, "a parcel that left is unknown the second time")
        #expect(again.stdout.contains("Unknown (scanned, not expected, not taken): RR123456785SE"), "\(again.stdout)")
        #expect(again.stdout.contains("Missing (expected, not scanned): CT797294851NO"), "\(again.stdout)")
        #expect(try butik.run("handover").status == 2)
        #expect(try butik.run("handover", "CT797294851NO", "--carrier", "bring").status == 1)
        #expect(try butik.run("check").status == 0)
    }

    struct Shelved: Decodable {
        let slot: String
    }

    @Test func aParcelWaitingForACustomerStopsTheHandover() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Janne Eline Dahl Solberg", "--key", "JEDS").status == 0)
        let shelf = try butik.run("receive", "CT797294851NO", "--to", "JEDS", "--json").json(Shelved.self).slot
        #expect(try butik.run("return", "RR123456785SE").status == 0)
        let refused = try butik.run("handover", "RR123456785SE", "CT797294851NO")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("STOP: CT797294851NO waits for JEDS in slot \(shelf); it does not go with the driver. Put it back."),
                "\(refused.stderr)")
        let queue = try butik.run("queue", "--json").json(ParcelQueue.self)
        #expect(queue.returning.map(\.tracking) == ["RR123456785SE"], "nothing was recorded as leaving")
        #expect(queue.waiting.map(\.tracking) == ["CT797294851NO"])
        #expect(try butik.run("handover", "RR123456785SE").stdout == "The driver took 1 of 1: 1 returning parcel and 0 drop-offs.\n")
    }
}

extension ReturnsCommandLineTests {
    struct Received: Decodable {
        let deadline: String
    }

    @Test func extendMovesTheDeadlineByDaysOrToADay() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let received = try butik.run("receive", "RR123456785SE", "--to", "Maria Mossestad", "--json").json(Received.self)
        let deadline = try #require(Self.day(received.deadline))

        let byDays = try butik.run("extend", "rr123456785se", "--days", "3", "--json")
        #expect(byDays.status == 0, "\(byDays.stderr)")
        #expect(try byDays.json(Parcel.self).deadline == Self.iso(deadline.addingTimeInterval(3 * 86_400)))
        let target = Self.iso(deadline.addingTimeInterval(5 * 86_400))
        let toDay = try butik.run("extend", "RR123456785SE", "--to", target)
        #expect(toDay.status == 0, "\(toDay.stderr)")
        #expect(toDay.stdout.hasSuffix("now waits until \(target.split(separator: "-").reversed().joined(separator: ".")).\n"), "\(toDay.stdout)")

        let earlier = try butik.run("extend", "RR123456785SE", "--to", Self.iso(deadline))
        #expect(earlier.status == 1)
        let nordic = target.split(separator: "-").reversed().joined(separator: ".")
        #expect(earlier.stderr.contains("must be later than \(nordic)."), "\(earlier.stderr)")
        #expect(try butik.run("extend", "RR000000001SE", "--days", "2").status == 1)
        #expect(try butik.run("extend", "RR123456785SE").status == 2)
        #expect(try butik.run("extend", "RR123456785SE", "--days", "2", "--to", target).status == 2)
        #expect(try butik.run("extend", "RR123456785SE", "--days", "0").status == 1, "a rule of the domain")
        #expect(try butik.run("extend", "RR123456785SE", "--days", "two").status == 2)
        #expect(try butik.run("extend", "RR123456785SE", "--to", "31.12.2030").status == 2)
    }

    static func day(_ iso: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: iso)
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}

extension ReturnsCommandLineTests {
    @Test func aHandOutCanBeUndoneAndTheWindowIsAShopSetting() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        struct Slotted: Decodable { let slot: String }
        let received = try butik.run("receive", "RR123456785SE", "--to", "Maria Mossestad", "--json").json(Slotted.self)
        #expect(try butik.run("handout", "RR123456785SE").status == 0)
        let undo = try butik.run("handout", "rr123456785se", "--undo", "--json")
        #expect(undo.status == 0, "\(undo.stderr)")
        let back = try undo.json([Parcel].self)
        #expect(back.map(\.status) == ["waiting"])
        #expect(back.map(\.slot) == [received.slot])
        let again = try butik.run("handout", "RR123456785SE", "--undo")
        #expect(again.status == 1)
        #expect(again.stderr.contains("has not been handed out"), "\(again.stderr)")
        #expect(try butik.run("handout", "RR123456785SE", "--undo", "--verified", "code").status == 2)

        let file = butik.store.appendingPathComponent("shop.json")
        var shop = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        shop["undoMinutes"] = 0
        try JSONSerialization.data(withJSONObject: shop).write(to: file)
        let refused = try butik.run("queue")
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("undoMinutes must be 1 to 120, not 0"), "\(refused.stderr)")
    }
}

extension ReturnsCommandLineTests {
    /// `return undo` takes a returning parcel back to a shelf by the domain's rule; the journal
    /// with the new event still checks, and the parcel's history tells it.
    @Test func returnUndoPutsAReturningParcelBackOnAShelf() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Maria Mossestad").status == 0)
        #expect(try butik.run("return", "RR123456785SE").status == 0)

        let noSlot = try butik.run("return", "undo", "RR123456785SE")
        #expect(noSlot.status == 2)
        #expect(noSlot.stderr.contains("--slot SLOT"), "\(noSlot.stderr)")
        #expect(try butik.run("return", "RR123456785SE", "--slot", "A2").status == 2, "--slot goes with undo")
        let unknown = try butik.run("return", "undo", "RR123456785SE", "--slot", "ZZ9")
        #expect(unknown.status == 1)

        let back = try butik.run("return", "undo", "rr123456785se", "--slot", "a2")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.hasPrefix("RR123456785SE (MM) is back in A2 and waits for its customer until "), "\(back.stdout)")
        let queue = try butik.run("queue", "--json").json(ParcelQueue.self)
        #expect(queue.waiting.map(\.slot) == ["A2"])
        #expect(queue.returning.isEmpty)
        let twice = try butik.run("return", "undo", "RR123456785SE", "--slot", "A3")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("not returning to its sender"), "\(twice.stderr)")

        let history = try butik.run("history", "RR123456785SE")
        #expect(history.stdout.contains("taken back from return to A2, waiting again"), "\(history.stdout)")
        let check = try butik.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
