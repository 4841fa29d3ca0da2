import ButikDomain
import ButikResources
import Foundation
import Testing
@testable import ButikStore

/// The pieces of `history.bin` written by hand write the bytes their `Encodable` conformances
/// write through the store's JSON writer (which Foundation and the store's reader read back),
/// for every case and every optional present or absent.
@Suite struct HistoryJSONTests {
    private func quick<Value: JSONWritable>(_ value: Value) throws -> String {
        var out = JSONOut()
        try value.write(to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    private func generic<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try StoreEncoder().encode(value), as: UTF8.self)
    }

    /// Values decoded from JSON, which is how a test outside the domain makes a timeline item.
    private func decoded<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(type, from: Data(json.utf8))
    }

    private let strange = #"Åse \"Ås\" Ødegård \\ 🧑‍🤝‍🧑 \n\t\u0001"#

    @Test func everyStepOfAParcelStoryIsWrittenAsItsConformanceWritesIt() throws {
        let whats = [
            #"{"received":{"slot":"A1","delivery":12,"deadline":"2026-01-05"}}"#,
            #"{"received":{"slot":"B2","deadline":"0999-12-31"}}"#,
            #"{"moved":{"to":"C3"}}"#, #"{"extended":{"to":"2026-02-28"}}"#,
            #"{"handedOut":{"verification":"id"}}"#,
            #"{"handedOut":{"verification":"proxy","proxyName":"\#(strange)","proxyID":"pass …4521"}}"#,
            #"{"handedOut":{"verification":"proxy","proxyID":"x"}}"#,
            #"{"handOutUndone":{}}"#, #"{"refused":{"reason":"\#(strange)"}}"#,
            #"{"refused":{"reason":"no fullmakt","proxyName":"\#(strange)"}}"#, #"{"returning":{"to":"OUT"}}"#,
            #"{"collected":{}}"#, #"{"receiptUndone":{}}"#,
        ]
        let steps = try whats.enumerated().map { index, what in
            try decoded(ParcelStep.self, #"{"seq":\#(index * 1_000_003),"at":\#(1_764_594_000_123 + index * 7),"staff":"\#(index == 3 ? strange : "siv")","what":\#(what)}"#)
        }
        for step in steps { #expect(try quick(step) == generic(step)) }
        let story = try decoded(ParcelStory.self, """
            {"id":7,"tracking":"RR123456785NO","carrier":"posten","customer":3,"key":"ÅØ2","recipientName":"\(strange)",\
            "status":"handedOut","steps":[\(try steps.map(generic).joined(separator: ","))]}
            """)
        #expect(try quick(story) == generic(story))
        #expect(try quick([story, story]) == generic([story, story]))
        #expect(try quick([ParcelID(1), ParcelID(Int(Int32.max))]) == generic([ParcelID(1), ParcelID(Int(Int32.max))]))
    }

    @Test func everyItemOfATimelineIsWrittenAsItsConformanceWritesIt() throws {
        let whats = [
            #"{"parcel":{"_0":5,"step":2}}"#, #"{"refused":{"reason":"\#(strange)","parcels":["RR123456785NO","370725380000086508"]}}"#,
            #"{"refused":{"reason":"","parcels":[]}}"#, #"{"refused":{"reason":"x","parcels":["RR123456785NO"],"proxyName":"\#(strange)"}}"#,
            #"{"proxyAuthorised":{"name":"\#(strange)"}}"#,
            #"{"proxyRevoked":{"name":"Per"}}"#, #"{"droppedOff":{"_0":9,"tracking":"4558128234","carrier":"dhl"}}"#,
        ]
        let items = try whats.enumerated().map { index, what in
            try decoded(TimelineItem.self, #"{"seq":\#(index + 1),"at":\#(-86_400_000 * index),"staff":"ola","what":\#(what)}"#)
        }
        #expect(try quick(items) == generic(items))
        #expect(try quick([TimelineItem]()) == generic([TimelineItem]()))
    }

    @Test func aWholeDemoHistorysBucketsAreTheBytesTheConformancesWrite() throws {
        let layout = try JSONDecoder().decode(ShopLayout.self, from: Data(contentsOf: ButikResources.defaultShopLayout))
        let names = try JSONDecoder().decode(DemoNames.self, from: Data(contentsOf: ButikResources.demoFolder.appendingPathComponent("names.json")))
        var history = History(zone: layout.zone)
        for (index, record) in DemoShop.records(names: names, layout: layout, now: HistoryFileTests.now).enumerated() {
            history.apply(record, seq: index + 1)
        }
        func expectSame<Key, Value>(_ table: HistoryTable<Key, Value>, _ pieces: [Key: Value]) throws {
            let sorted = pieces.sorted { $0.key < $1.key }
            #expect(String(decoding: try HistoryFileWriter.bucket(sorted.map { ($0.key, $0.value) }), as: UTF8.self)
                    == (try generic(sorted.map { HistoryTable<Key, Value>.Entry(k: $0.key, v: $0.value) })), "\(table.name)")
        }
        let part = history.part
        try expectSame(HistoryTables.stories, part.stories)
        try expectSame(HistoryTables.tracking, part.tracking)
        try expectSame(HistoryTables.timelines, part.timelines)
        try expectSame(HistoryTables.days, part.days)
        try expectSame(HistoryTables.onHand, part.onHandChanges)
        #expect(!part.stories.isEmpty && !part.timelines.isEmpty && !part.days.isEmpty)
        try expectSame(HistoryTables.dropOffs, part.dropOffCarriers.merging([DropOffID(1): strange, DropOffID(30): "dhl"]) { $1 })
    }

    @Test func numbersAreWrittenAsTheStoresWriterWritesThem() throws {
        for value in [0, 7, -7, 10, 99, 100, Int.max, Int.min, Int(Int32.min)] { #expect(try quick(value) == String(value)) }
        var out = JSONOut()
        #expect(throws: EncodingError.self) { try out.date(Date(timeIntervalSince1970: .nan)) }
        try out.date(Date(timeIntervalSince1970: 0.0005))
        #expect(String(decoding: out.bytes, as: UTF8.self) == (try generic(Date(timeIntervalSince1970: 0.0005))))
    }
}
