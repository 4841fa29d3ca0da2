import ButikDomain
import Foundation
import Testing
@testable import ButikStore

/// Numbers out of their range (see `Ranges`) in sealed journal lines and snapshots: the line
/// is corruption named with its file and line, a snapshot is damaged and rebuilt from the
/// journal; never a trap, and nothing out of range is ever written.
@Suite struct OutOfRangeTests {
    static let layout = try! JSONDecoder().decode(ShopLayout.self, from: Data(ShopStoreTests.layout.utf8))
    static let context = Context(layout: layout, now: Date(timeIntervalSince1970: 1_773_144_000), staff: "kari")

    static func tracking(_ code: String) -> ParsedTracking {
        ParsedTracking(number: TrackingNumber(code), format: .s10, checkDigit: .verified)
    }

    /// Decides against the store's state and records the events in one transaction.
    static func perform<Outcome>(_ store: Store<ShopState>,
                                 _ decide: (ShopState) throws(DomainError) -> Decision<Outcome>) throws -> Outcome {
        try store.transact { state in
            let decision = try decide(state)
            return (decision.events.map(context.record), decision.outcome)
        }
    }

    /// A store with customer C1 and parcel P1 (journal lines 1 and 2) and slot A1's capacity
    /// changed to 2 (line 3).
    static func shop(_ folder: URL) throws -> Store<ShopState> {
        let store = try Store.open(folder: folder, empty: ShopState())
        _ = try perform(store) { state throws(DomainError) in
            try state.receive(ReceiveRequest(tracking: tracking("RR123456785SE"), recipient: .person(NewCustomer(name: "Åse Ødegård"))),
                              context)
        }
        _ = try perform(store) { state throws(DomainError) in try state.setCapacity(of: SlotID("A1"), to: 2, context) }
        return store
    }

    /// A sealed journal line (correct checksum) holding `entry` as it stands.
    static func sealedLine(seq: Int, entry: String) -> [UInt8] {
        JournalLine.encode(seq: seq, version: 1, more: false, entryJSON: Data(entry.utf8))
    }

    /// A record of `event` (JSON) at the store's usual time.
    static func record(_ event: String, at: String = "1773144000000") -> String {
        #"{"at":\#(at),"event":\#(event),"staff":"kari"}"#
    }

    static let max = String(Int.max)

    /// Entries with a number out of range, and what the reason must say.
    static let badEntries: [(entry: String, says: String)] = [
        (record(#"{"customer":{"createdAt":1773144000000,"id":\#(max),"key":"PH","keyIsChosen":false,"name":"Per Hansen","phones":[],"proxies":[]},"type":"customerAdded"}"#),
         "customer id \(max) is out of range 1...999999999999"),
        (record(#"{"customer":{"createdAt":1773144000000,"id":1000000000000,"key":"PH","keyIsChosen":false,"name":"Per Hansen","phones":[],"proxies":[]},"type":"customerAdded"}"#),
         "customer id 1000000000000 is out of range 1...999999999999"),
        (record(#"{"capacity":\#(max),"slot":"A2","type":"slotCapacityChanged"}"#),
         "slot capacity \(max) is out of range 1...999"),
        (record(#"{"capacity":1000,"slot":"A2","type":"slotCapacityChanged"}"#),
         "slot capacity 1000 is out of range 1...999"),
        (record(#"{"parcel":\#(max),"to":"A2","type":"parcelMoved"}"#),
         "parcel id \(max) is out of range 1...999999999999"),
        (record(#"{"parcels":[1,0],"type":"handOutUndone"}"#),
         "parcel id 0 is out of range 1...999999999999 (field event.parcels[1])"),
        (record(#"{"delivery":{"carrier":"postnord","declared":\#(max),"id":1,"staff":"kari","startedAt":1773144000000},"type":"deliveryStarted"}"#),
         "declared count \(max) is out of range 1...9999"),
        (record(#"{"parcels":[1],"type":"handOutUndone"}"#, at: max),
         "time 9.223372036854776e+18 ms since 1970 is out of range 2000-01-01T00:00:00Z..<2200-01-01T00:00:00Z (field at)"),
        (record(#"{"parcels":[1],"type":"handOutUndone"}"#, at: "946684799999"),
         "time 946684799999.0 ms since 1970 is out of range 2000-01-01T00:00:00Z..<2200-01-01T00:00:00Z (field at)"),
    ]

    @Test(arguments: badEntries)
    func aSealedLineOutOfRangeIsCorruptionNamedWithItsLine(_ bad: (entry: String, says: String)) throws {
        try withTemporaryFolder { folder in
            let sound = try Self.shop(folder).model
            let good = Self.record(#"{"capacity":3,"slot":"A1","type":"slotCapacityChanged"}"#)
            let lines = try journalLines(folder) + [Self.sealedLine(seq: 4, entry: bad.entry), Self.sealedLine(seq: 5, entry: good)]
            let bytes = lines.flatMap { $0 }
            try setJournal(folder, bytes)

            let store = try Store.open(folder: folder, empty: ShopState())
            let reason = try #require(store.readOnlyReason)
            #expect(reason.contains("000000000001.jsonl line 4 is damaged: its entry cannot be read: \(bad.says)"), "\(reason)")
            #expect(!reason.contains("DecodingError"))
            #expect(store.model == sound)
            #expect(store.lastSequence == 3)
            #expect(throws: StoreError.self) {
                try Self.perform(store) { state throws(DomainError) in
                    try state.receive(ReceiveRequest(tracking: Self.tracking("RR000000014NO"), recipient: .customer(CustomerID(1))), Self.context)
                }
            }
            #expect(try journalBytes(folder) == bytes)

            let report = Store.check(folder: folder, empty: ShopState())
            #expect(report.problems.map(\.line) == [4])
            #expect(report.problems.first?.what.contains(bad.says) == true, "\(report)")
            #expect(report.lastSequence == 5)
        }
    }

    /// Snapshot texts to replace, and what the notice must say.
    static let badSnapshots: [(from: String, to: String, says: String)] = [
        (#""nextParcelNumber":2"#, #""nextParcelNumber":\#(max)"#, "next parcel number \(max) is out of range 1...1000000000000"),
        (#""nextParcelNumber":2"#, #""nextParcelNumber":1000000000001"#, "next parcel number 1000000000001 is out of range 1...1000000000000"),
        (#""nextCustomerNumber":2"#, #""nextCustomerNumber":0"#, "next customer number 0 is out of range 1...1000000000000"),
        (#""nextQueueNumber":1"#, #""nextQueueNumber":\#(max)"#, "next queue entry number \(max) is out of range 1...1000000000000"),
        (#"{"slot":"A1","capacity":2}"#, #"{"slot":"A1","capacity":\#(max)}"#, "slot capacity \(max) is out of range 1...999"),
        (#""id":1,"#, #""id":\#(max),"#, "customer id \(max) is out of range 1...999999999999"),
        (#""lastRecordAt":1773144000000"#, #""lastRecordAt":-1e300"#, "time -1e+300 ms since 1970 is out of range 2000-01-01T00:00:00Z..<2200-01-01T00:00:00Z (field lastRecordAt)"),
    ]

    @Test(arguments: badSnapshots)
    func aSealedSnapshotOutOfRangeIsRebuiltFromTheJournal(_ bad: (from: String, to: String, says: String)) throws {
        try withTemporaryFolder { folder in
            let store = try Self.shop(folder)
            try store.writeSnapshot()
            let snapshot = String(decoding: try Data(contentsOf: snapshotURL(folder)), as: UTF8.self)
            let body = snapshot.components(separatedBy: #","sum":"#)[0]
            #expect(body.contains(bad.from))
            var resealed = Array(body.replacingOccurrences(of: bad.from, with: bad.to, options: [], range: body.range(of: bad.from)).utf8)
            Sealed.seal(&resealed)
            try Data(resealed + [UInt8(ascii: "\n")]).write(to: snapshotURL(folder))

            let report = Store.check(folder: folder, empty: ShopState())
            #expect(report.problems.count == 1)
            #expect(report.problems.first?.file.hasSuffix("snapshot.json") == true)
            #expect(report.problems.first?.what.contains(bad.says) == true, "\(report)")

            let reopened = try Store.open(folder: folder, empty: ShopState())
            #expect(reopened.readOnlyReason == nil)
            #expect(reopened.model == store.model)
            #expect(reopened.notices.count == 1)
            #expect(reopened.notices.first?.contains("snapshot.json: its model cannot be read: \(bad.says)") == true, "\(reopened.notices)")
            let received = try Self.perform(reopened) { state throws(DomainError) in
                try state.receive(ReceiveRequest(tracking: Self.tracking("RR000000014NO"), recipient: .customer(CustomerID(1))), Self.context)
            }
            #expect(received.parcel.id == ParcelID(2))
            #expect(Store.check(folder: folder, empty: ShopState()).isHealthy)
            #expect(try Store.open(folder: folder, empty: ShopState()).notices.isEmpty)
        }
    }

    @Test func theLastNumberIsGivenOutThenDecisionsRefuseAndNothingIsWritten() throws {
        try withTemporaryFolder { folder in
            _ = try Self.shop(folder)
            let last = Self.record(#"{"customer":{"createdAt":1773144000000,"id":999999999999,"key":"PH","keyIsChosen":false,"name":"Per Hansen","phones":[],"proxies":[]},"type":"customerAdded"}"#)
            let bytes = try journalBytes(folder) + Self.sealedLine(seq: 4, entry: last)
            try setJournal(folder, bytes)
            let store = try Store.open(folder: folder, empty: ShopState())
            #expect(store.readOnlyReason == nil)
            #expect(store.model.nextCustomerNumber == 1_000_000_000_000)
            #expect(Store.check(folder: folder, empty: ShopState()).isHealthy)
            #expect(throws: DomainError.numbersExhausted(.customer)) {
                try Self.perform(store) { state throws(DomainError) in try state.addCustomer(NewCustomer(name: "Kari Nordmann"), Self.context) }
            }
            #expect(try journalBytes(folder) == bytes)
        }
    }

    @Test func aSealedLineWithAnEnormousSequenceNumberIsDamageNotATrap() throws {
        try withTemporaryFolder { folder in
            try openLedger(folder).add("a")
            var odd = Array(#"{"v":1,"seq":\#(Int.max),"entry":"#.utf8) + Array(try StoreCoding.encoder().encode(Ledger.Entry.add("b")))
            Sealed.seal(&odd)
            try setJournal(folder, try journalBytes(folder) + odd + [UInt8(ascii: "\n")] + (try line(seq: 2, .add("c"))))
            let report = Store.check(folder: folder, empty: Ledger())
            #expect(report.problems.map(\.line) == [2], "\(report)")
            let store = try openLedger(folder)
            #expect(store.readOnlyReason?.contains("000000000001.jsonl line 2") == true)
            #expect(store.model.names == ["a"])
        }
    }
}
