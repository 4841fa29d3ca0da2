import ButikDomain
import ButikResources
import Foundation
import Testing
@testable import ButikStore

/// The store's own JSON writer: what it writes is JSON that Foundation and the store's reader
/// both read back as the value written, for every shape a synthesized conformance uses.
@Suite struct StoreEncoderTests {
    enum Event: Codable, Equatable {
        case plain
        case moved(to: String)
        case handed(ids: [Int], proxy: String?, at: Date)
    }

    struct Sample: Codable, Equatable {
        var text: String
        var count: Int
        var big: UInt64
        var small: Int8
        var ratio: Double
        var flag: Bool
        var missing: String?
        var present: String?
        var when: Date
        var events: [Event]
        var nested: [[Int]]
        var byName: [String: Int]
        var byNumber: [Int: String]
        var empty: [String]
    }

    private func sample(_ text: String, _ number: Int) -> Sample {
        Sample(text: text, count: number, big: (1 << 50) + UInt64(abs(number)), small: -128, ratio: Double(number) / 7,
               flag: number % 2 == 0, missing: nil, present: "Ærø",
               when: Date(timeIntervalSince1970: 1_764_594_000.123), events: [.plain, .moved(to: "B2"),
               .handed(ids: [number, 2], proxy: number % 3 == 0 ? nil : "Per \"P\" Ås", at: Date(timeIntervalSince1970: 1_700_000_000))],
               nested: [[], [number]], byName: ["Å": 1, "b": number], byNumber: [7: "seven", -1: "minus"], empty: [])
    }

    @Test(arguments: ["Åse Ødegård", "quote \" backslash \\ slash /", "line\nbreak\ttab\r\u{1}\u{1F}", "emoji 🧑‍🤝‍🧑 and ß", ""])
    func whatItWritesReadsBackAsTheValue(text: String) throws {
        let values = (0..<20).map { sample(text, $0 * 37 - 200) }
        let bytes = try StoreEncoder().encode(values)
        let foundation = JSONDecoder()
        foundation.dateDecodingStrategy = .millisecondsSince1970
        #expect(try foundation.decode([Sample].self, from: Data(bytes)) == values)
        #expect(try StoreDecoder(dateRange: nil).decode([Sample].self, from: Data(bytes)) == values)
        #expect(try JSONSerialization.jsonObject(with: Data(bytes)) is [Any])
    }

    @Test func aNumberThatIsNotFiniteIsRefusedNotWritten() throws {
        for bad in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try StoreEncoder().encode([bad]) }
        }
        #expect(String(decoding: try StoreEncoder().encode([0.1, 1e-5, 12.0, -3e20]), as: UTF8.self) == "[0.1,1e-05,12,-3e+20]")
    }

    /// What a snapshot holds, the live state of a demo week with contacts and cases and one
    /// customer erased, reads back as the state written, by the store's reader and by Foundation's.
    @Test func aShopsLiveStateReadsBackAsWritten() throws {
        let layoutData = try Data(contentsOf: ButikResources.defaultShopLayout)
        let names = try JSONDecoder().decode(DemoNames.self, from: Data(contentsOf: ButikResources.demoFolder.appendingPathComponent("names.json")))
        let layout = try JSONDecoder().decode(ShopLayout.self, from: layoutData)
        var state = ShopState()
        for record in HistoryFileTests.withCases(DemoShop.records(names: names, layout: layout, now: HistoryFileTests.now)) { state.apply(record) }
        let erased = try #require(state.customers.keys.min())
        state.apply(Record(at: HistoryFileTests.now, staff: "maria", event: .customerErased(customer: erased)))
        #expect(!state.contacts.isEmpty && !state.cases.isEmpty && !state.parcels.isEmpty && state.isErased(erased))
        let bytes = try StoreEncoder().encode(state)
        #expect(try StoreCoding.decoder(for: ShopState.self).decode(ShopState.self, from: Data(bytes)) == state)
        let foundation = JSONDecoder()
        foundation.dateDecodingStrategy = .millisecondsSince1970
        #expect(try foundation.decode(ShopState.self, from: Data(bytes)) == state)
    }
}
