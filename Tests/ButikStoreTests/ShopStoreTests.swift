import ButikDomain
import ButikStore
import ButikText
import Foundation
import Testing

/// The shop's store: the layout file next to the journal.
@Suite struct ShopStoreTests {
    static let layout = """
    {"schema":1,"name":"Test","timeZone":"Europe/Oslo","shelves":[{"id":"A","slots":2,"capacity":3,"size":"small"}],
     "overflow":{"id":"FLOOR","name":"Floor"},"outbound":{"id":"OUT","name":"Out"},"defaultHoldDays":7,
     "carriers":[{"id":"postnord","name":"PostNord","holdDays":7}]}
    """

    func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("butik-shopstore-\(UUID().uuidString)")
    }

    @Test func firstUseWritesTheDefaultLayoutAndABadLayoutStopsTheOpening() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
        #expect(store.layout.slots.map(\.id.value) == ["A1", "A2"])
        let file = dir.appendingPathComponent(ShopStore.layoutFileName)
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.layout)

        try Data(Self.layout.replacingOccurrences(of: "\"capacity\":3", with: "\"capacity\":0").utf8).write(to: file)
        let error = try #require(throws: LayoutError.self) { try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8)) }
        #expect(error.problems == ["shelf A must hold 1 to 999 parcels a slot, not 0"])
        #expect(error.path == file.path)
        try Data("{".utf8).write(to: file)
        let notJSON = try #require(throws: LayoutError.self) { try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8)) }
        #expect(notJSON.problems.contains { $0.contains("not valid JSON") })
        try Data(Self.layout.replacingOccurrences(of: "\"capacity\":3", with: "\"capacity\":\"three\"").utf8).write(to: file)
        let wrongType = try #require(throws: LayoutError.self) { try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8)) }
        #expect(wrongType.problems == ["a value has the wrong type (field shelves[0].capacity)"])
    }

    @Test func aClockOutsideTheRangeOfTimesIsRefusedWithNothingWritten() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
        for now in [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 8_000_000_000)] {
            #expect {
                try store.perform(staff: "kari", now: now) { state, context throws(DomainError) in
                    try state.addCustomer(NewCustomer(name: "Åse Ødegård"), context)
                }
            } throws: { error in
                if case .clockWrong = error as? DomainError { true } else { false }
            }
        }
        #expect(store.readOnlyReason == nil)
        #expect(store.lastSequence == 0)
    }

    @Test func parcelsInSlotsTheLayoutLostAreNamedOnOpening() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
        let now = Date(timeIntervalSince1970: 1_773_144_000)
        let tracking = ParsedTracking(number: TrackingNumber("RR123456785SE"), format: .s10, checkDigit: .verified)
        let received = try store.perform(staff: "kari", now: now) { state, context throws(DomainError) in
            try state.receive(ReceiveRequest(tracking: tracking, recipient: .person(NewCustomer(name: "Åse Ødegård"))), context)
        }
        #expect(received.parcel.slot == SlotID("A1"))
        #expect(store.notices.isEmpty)
        let file = dir.appendingPathComponent(ShopStore.layoutFileName)
        try Data(Self.layout.replacingOccurrences(of: "\"id\":\"A\"", with: "\"id\":\"B\"").utf8).write(to: file)
        let reopened = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
        #expect(reopened.notices.map(\.english) == ["1 parcel is in a slot shop.json no longer has: A1 (1). Move it (butik move) or put the slot back."])
        #expect(Words.shipped(.nb).text(reopened.notices[0].phrase)
                == "1 pakke ligger på en plass som shop.json ikke har lenger: A1 (1). Flytt den (butik move) eller legg plassen tilbake.")
    }
}
