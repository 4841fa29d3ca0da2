import ButikDomain
import ButikResources
import Foundation
import Testing
@testable import ButikStore

/// The pieces of `history.bin` read back from their bytes as they were written, for every case
/// and every optional present or absent; bytes this program does not write (a right checksum
/// over wrong content) are named, never trapped on.
@Suite struct HistoryCodingTests {
    private func bytes(_ value: some HistoryWritable) -> [UInt8] {
        var out = HistoryOut()
        value.write(to: &out)
        return out.bytes
    }

    private func readBack<Value: HistoryCodable>(_ value: Value) throws -> Value {
        try HistoryIn.whole(bytes(value)) { input throws(HistoryIn.Bad) in try Value(from: &input) }
    }

    private func bad<Value: HistoryCodable>(_ type: Value.Type, _ bytes: [UInt8]) -> String? {
        do throws(HistoryIn.Bad) {
            _ = try HistoryIn.whole(bytes) { input throws(HistoryIn.Bad) in try Value(from: &input) }
            return nil
        } catch {
            return error.reason
        }
    }

    /// Values decoded from JSON, which is how a test outside the domain makes a timeline item.
    private func decoded<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(type, from: Data(json.utf8))
    }

    private let strange = #"Åse \"Ås\" Ødegård \\ 🧑‍🤝‍🧑 \n\t\u0001"#

    private func story() throws -> ParcelStory {
        let whats = [
            #"{"received":{"slot":"A1","delivery":12,"deadline":"2026-01-05"}}"#,
            #"{"received":{"slot":"B2","deadline":"0999-12-31"}}"#,
            #"{"moved":{"to":"C3"}}"#, #"{"extended":{"to":"2026-02-28"}}"#,
            #"{"handedOut":{"verification":"id"}}"#,
            #"{"handedOut":{"verification":"proxy","proxyName":"\#(strange)","proxyID":"pass …4521"}}"#,
            #"{"handedOut":{"verification":"proxy","proxyID":"x"}}"#,
            #"{"handOutUndone":{}}"#, #"{"refused":{"reason":"\#(strange)"}}"#,
            #"{"refused":{"reason":"no fullmakt","proxyName":"\#(strange)"}}"#, #"{"returning":{"to":"OUT"}}"#,
            #"{"collected":{}}"#, #"{"receiptUndone":{}}"#, #"{"returnCancelled":{"to":"A1"}}"#,
        ]
        let steps = whats.enumerated().map { index, what in
            #"{"seq":\#(index * 1_000_003),"at":\#(1_764_594_000_123.5 + Double(index) * 7.25),"staff":"\#(index == 3 ? strange : "siv")","what":\#(what)}"#
        }
        return try decoded(ParcelStory.self, """
            {"id":7,"tracking":"RR123456785NO","carrier":"posten","customer":3,"key":"ÅØ2","recipientName":"\(strange)",\
            "status":"handedOut","steps":[\(steps.joined(separator: ","))]}
            """)
    }

    @Test func everyStepOfAParcelStoryReadsBackAsWritten() throws {
        let story = try story()
        #expect(story.steps.count == 14)
        for step in story.steps { #expect(try readBack(step) == step) }
        #expect(try readBack(story) == story)
        #expect(try readBack([story, story]) == [story, story])
        #expect(try readBack([ParcelID(1), ParcelID(Ranges.identifier.upperBound)]) == [ParcelID(1), ParcelID(Ranges.identifier.upperBound)])
    }

    @Test func everyItemOfATimelineReadsBackAsWritten() throws {
        let whats = [
            #"{"parcel":{"_0":5,"step":2}}"#, #"{"refused":{"reason":"\#(strange)","parcels":["RR123456785NO","370725380000086508"]}}"#,
            #"{"refused":{"reason":"","parcels":[]}}"#, #"{"refused":{"reason":"x","parcels":["RR123456785NO"],"proxyName":"\#(strange)"}}"#,
            #"{"proxyAuthorised":{"name":"\#(strange)"}}"#,
            #"{"proxyRevoked":{"name":"Per"}}"#, #"{"droppedOff":{"_0":9,"tracking":"4558128234","carrier":"dhl"}}"#,
            #"{"contact":{"_0":3,"channel":"messenger","about":{"parcel":"RR123456785NO"},"text":"\#(strange)"}}"#,
            #"{"contact":{"_0":4,"channel":"x","about":{"case":2},"text":""}}"#,
            #"{"contact":{"_0":5,"channel":"trustpilot","about":{"question":true},"text":"x"}}"#,
            #"{"caseOpened":{"_0":2,"kind":"claimDamaged","text":"\#(strange)"}}"#,
            #"{"caseOpened":{"_0":3,"kind":"deliveryBooking","text":"x"}}"#,
            #"{"caseUpdated":{"_0":2,"_1":{"at":1764594000000,"staff":"\#(strange)","status":"waitingForCarrier","owner":"per","#
                + #""followUp":"2026-12-04","addedParcels":["RR123456785NO","370725380000086508"],"text":"\#(strange)"}}}"#,
            #"{"caseUpdated":{"_0":2,"_1":{"at":1764594000000,"staff":"siv","addedParcels":[]}}}"#,
        ]
        let items = try whats.enumerated().map { index, what in
            try decoded(TimelineItem.self, #"{"seq":\#(index + 1),"at":\#(1_764_594_000_000 - 86_400_000 * index),"staff":"ola","what":\#(what)}"#)
        }
        #expect(try readBack(items) == items)
        #expect(try readBack([TimelineItem]()) == [])
    }

    @Test func aWholeDemoHistorysBucketsReadBackAsItsPieces() throws {
        let layout = try JSONDecoder().decode(ShopLayout.self, from: Data(contentsOf: ButikResources.defaultShopLayout))
        let names = try JSONDecoder().decode(DemoNames.self, from: Data(contentsOf: ButikResources.demoFolder.appendingPathComponent("names.json")))
        var history = History(zone: layout.zone)
        for (index, record) in DemoShop.records(names: names, layout: layout, now: HistoryFileTests.now).enumerated() {
            history.apply(record, seq: index + 1)
        }
        func expectSame<Key, Value: Equatable>(_ table: HistoryTable<Key, Value>, _ pieces: [Key: Value]) throws {
            let sorted = pieces.sorted { $0.key < $1.key }
            let read: [(Key, Value)] = try HistoryFileReader.entries(of: HistoryFileWriter.bucket(sorted.map { ($0.key, $0.value) }))
            #expect(read.map(\.0) == sorted.map(\.key), "\(table.name)")
            #expect(read.map(\.1) == sorted.map(\.value), "\(table.name)")
        }
        let part = history.part
        try expectSame(HistoryTables.stories, part.stories)
        try expectSame(HistoryTables.tracking, part.tracking)
        try expectSame(HistoryTables.timelines, part.timelines)
        try expectSame(HistoryTables.days, part.days)
        try expectSame(HistoryTables.onHand, part.onHandChanges)
        #expect(!part.stories.isEmpty && !part.timelines.isEmpty && !part.days.isEmpty)
        #expect(part.days.values.contains { !$0.carriers.isEmpty && !$0.staff.isEmpty })
        try expectSame(HistoryTables.dropOffs, part.dropOffCarriers.merging([DropOffID(1): CarrierID(stored: strange), DropOffID(30): "dhl"]) { $1 })
        try expectSame(HistoryTables.cases, part.caseCustomers.merging([CaseID(1): CustomerID(3), CaseID(Ranges.identifier.upperBound): CustomerID(1)]) { $1 })
    }

    @Test func numbersAndDatesReadBackExactly() throws {
        for value in [0, 1, -1, 63, 64, -64, -65, 127, 128, 300, Int(Int32.max), Int.max, Int.min, Int.min + 1] {
            #expect(try readBack(value) == value)
        }
        #expect(bytes(0) == [0] && bytes(-1) == [1] && bytes(1) == [2] && bytes(64) == [0x80, 1])
        for seconds in [946_684_800, 1_764_594_000.000_5, 7_258_118_399.999] {
            let step = ParcelStep(seq: 1, at: Date(timeIntervalSince1970: seconds), staff: "", what: .collected)
            #expect(try readBack(step).at == step.at)
        }
    }

    /// Every way bytes can fail to be a piece is named: cut anywhere, a number too long, a text
    /// past the end or not UTF-8, a kind this program does not write, a value out of range, a
    /// list longer than its bytes, bytes after the end.
    @Test func bytesThisProgramDoesNotWriteAreNamed() throws {
        let story = try bytes(story())
        for length in 0..<story.count { #expect(bad(ParcelStory.self, Array(story.prefix(length))) != nil, "cut at \(length)") }
        #expect(bad(ParcelStory.self, story + [0]) == "bytes follow its last value")
        #expect(bad(Int.self, [UInt8](repeating: 0xFF, count: 10) + [1]) == "a number is longer than 64 bits")
        #expect(bad(Int.self, [UInt8](repeating: 0xFF, count: 9) + [2]) == "a number is longer than 64 bits")
        #expect(bad(String.self, [5, 0x61]) == "a text is longer than what holds it")
        #expect(bad(String.self, [2, 0xC3, 0x28]) == "a text is not UTF-8")
        #expect(bad([Int].self, [9, 0]) == "a list is longer than what holds it")
        #expect(bad(ParcelID.self, bytes(0)) == "parcel id 0 is out of range")
        #expect(bad(ParcelID.self, bytes(Ranges.identifier.upperBound + 1)) != nil)
        #expect(bad(Day.self, bytes(Int.max)) == "a day \(Int.max) is out of range")
        let item = bytes(TimelineItem(seq: 1, at: Date(timeIntervalSince1970: 1_764_594_000), staff: "ola", what: .proxyRevoked(name: "Per")))
        var kind = item
        kind[kind.count - 5] = 10  // the byte naming the kind, before the name's length and 3 bytes
        #expect(bad(TimelineItem.self, kind) == "10 is not a kind of timeline item")
        var date = item
        date.replaceSubrange(1..<9, with: Double.nan.bitPattern.littleEndianBytes)
        #expect(bad(TimelineItem.self, date) == "a date is out of range")
        var status = bytes(try self.story())
        let handedOut = Array("handedOut".utf8)
        let at = try #require(status.indices.first { Array(status[$0..<min($0 + handedOut.count, status.count)]) == handedOut })
        status[at] = UInt8(ascii: "H")
        #expect(bad(ParcelStory.self, status) == "\"HandedOut\" is not a Status")
    }
}

private extension UInt64 {
    var littleEndianBytes: [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: self >> (8 * $0)) } }
}
