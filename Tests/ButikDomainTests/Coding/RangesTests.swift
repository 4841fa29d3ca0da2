import Foundation
import Testing
@testable import ButikDomain

/// Numbers decoded from the journal and snapshots are checked against ``Ranges``.
@Suite struct RangesTests {
    /// The description of the `DecodingError` decoding `json` as `T` throws; nil if it decodes.
    static func failure<T: Decodable>(_ type: T.Type, _ json: String) -> String? {
        do {
            _ = try JournalCoding.decoder().decode(T.self, from: Data(json.utf8))
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return context.debugDescription + " at " + context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        } catch {
            return "\(error)"
        }
    }

    static let max = String(Int.max)

    @Test func checkedKeepsValuesInRangeAndNamesTheOthers() throws {
        #expect(try Ranges.checked(1, in: Ranges.identifier, "parcel id", at: []) == 1)
        #expect(try Ranges.checked(999_999_999_999, in: Ranges.identifier, "parcel id", at: []) == 999_999_999_999)
        for wrong in [0, -1, 1_000_000_000_000, Int.max, Int.min] {
            #expect {
                try Ranges.checked(wrong, in: Ranges.identifier, "parcel id", at: [])
            } throws: { error in
                guard case DecodingError.dataCorrupted(let context) = error else { return false }
                return context.debugDescription == "parcel id \(wrong) is out of range 1...999999999999"
            }
        }
    }

    @Test func identifiersAreDecodedInRange() {
        #expect(Self.failure([ParcelID].self, "[1,999999999999]") == nil)
        #expect(Self.failure([ParcelID].self, "[1,\(Self.max)]") == "parcel id \(Self.max) is out of range 1...999999999999 at 1")
        #expect(Self.failure(CustomerID.self, "0") == "customer id 0 is out of range 1...999999999999 at ")
        #expect(Self.failure(Event.self, #"{"type":"queueFetchStarted","entry":1000000000000}"#)
            == "queue entry id 1000000000000 is out of range 1...999999999999 at entry")
        #expect(Self.failure(Event.self, #"{"type":"droppedOff","dropOff":{"at":1000,"carrier":"ups","id":-4,"staff":"kari","tracking":"X"}}"#)
            == "drop-off id -4 is out of range 1...999999999999 at dropOff.id")
        #expect(Self.failure(Event.self, #"{"type":"deliveryEnded","summary":{"carrier":"ups","delivery":\#(Self.max),"overflow":0,"perCarrier":{},"scanned":0,"unexpected":0}}"#)
            == "delivery id \(Self.max) is out of range 1...999999999999 at summary.delivery")
    }

    @Test func capacitiesCountsAndHoldDaysAreDecodedInRange() {
        let capacity = { (n: String) in #"{"type":"slotCapacityChanged","slot":"A1","capacity":\#(n)}"# }
        #expect(Self.failure(Event.self, capacity("999")) == nil)
        #expect(Self.failure(Event.self, capacity("1000")) == "slot capacity 1000 is out of range 1...999 at capacity")
        #expect(Self.failure(Event.self, capacity(Self.max)) == "slot capacity \(Self.max) is out of range 1...999 at capacity")
        #expect(Self.failure(Event.self, capacity("0")) == "slot capacity 0 is out of range 1...999 at capacity")

        let delivery = { (n: String) in #"{"carrier":"posten","declared":\#(n),"id":3,"staff":"maria","startedAt":1000}"# }
        #expect(Self.failure(Delivery.self, delivery("9999")) == nil)
        #expect(Self.failure(Delivery.self, delivery(Self.max)) == "declared count \(Self.max) is out of range 1...9999 at declared")
        #expect(Self.failure(Delivery.self, #"{"carrier":"posten","id":3,"staff":"maria","startedAt":1000}"#) == nil, "declared is optional")

        let summary = { (scanned: String, perCarrier: String) in
            #"{"carrier":"posten","declared":40,"delivery":3,"overflow":0,"perCarrier":{"posten":\#(perCarrier)},"scanned":\#(scanned),"unexpected":0}"#
        }
        #expect(Self.failure(DeliverySummary.self, summary("38", "38")) == nil)
        #expect(Self.failure(DeliverySummary.self, summary("-1", "38")) == "scanned count -1 is out of range 0...999999999999 at scanned")
        #expect(Self.failure(DeliverySummary.self, summary("38", Self.max)) == "posten count \(Self.max) is out of range 0...999999999999 at perCarrier")

        let expected = { (n: String) in #"{"holdDays":\#(n),"importedAt":1000,"name":"Åse","tracking":"RR123456785SE"}"# }
        #expect(Self.failure(ExpectedParcel.self, expected("90")) == nil)
        #expect(Self.failure(ExpectedParcel.self, expected(Self.max)) == "hold days \(Self.max) is out of range 1...90 at holdDays")
    }

    @Test func snapshotCountersAndCapacitiesAreDecodedInRange() throws {
        var state = ShopState()
        try state.addTestCustomer("Åse Ødegård")
        try state.receiveTestParcel("RR123456785SE", for: .customer(CustomerID(1)))
        state.commit(try state.setCapacity(of: Fixtures.a2, to: 1, Fixtures.context()), Fixtures.context())
        let json = String(decoding: try JournalCoding.encoder().encode(state), as: UTF8.self)
        #expect(try JournalCoding.roundTrip(state) == state)

        func replacing(_ text: String, with other: String) -> String {
            #expect(json.contains(text))
            return json.replacingOccurrences(of: text, with: other)
        }
        #expect(Self.failure(ShopState.self, replacing(#""nextParcelNumber":2"#, with: #""nextParcelNumber":1000000000000"#)) == nil)
        #expect(Self.failure(ShopState.self, replacing(#""nextParcelNumber":2"#, with: #""nextParcelNumber":\#(Self.max)"#))
            == "next parcel number \(Self.max) is out of range 1...1000000000000 at nextParcelNumber")
        #expect(Self.failure(ShopState.self, replacing(#""nextCustomerNumber":2"#, with: #""nextCustomerNumber":0"#))
            == "next customer number 0 is out of range 1...1000000000000 at nextCustomerNumber")
        #expect(Self.failure(ShopState.self, replacing(#""nextDropOffNumber":1"#, with: #""nextDropOffNumber":1000000000001"#))
            == "next drop-off number 1000000000001 is out of range 1...1000000000000 at nextDropOffNumber")
        #expect(Self.failure(ShopState.self, replacing(#"{"capacity":1,"slot":"A2"}"#, with: #"{"capacity":\#(Self.max),"slot":"A2"}"#))
            == "slot capacity \(Self.max) is out of range 1...999 at capacityOverrides.0.capacity")
    }

    @Test func aShelfWithAnEnormousSlotCountIsAProblemNotAHang() throws {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Fixtures.layout)) as! [String: Any]
        json["shelves"] = [["id": "A", "slots": Int.max, "capacity": Int.max, "size": "small"]]
        json["undoMinutes"] = Int.max
        let layout = try JSONDecoder().decode(ShopLayout.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(layout.slots.count == 99)
        #expect(layout.problems == [
            "shelf A must have 1 to 99 slots, not \(Self.max)",
            "shelf A must hold 1 to 999 parcels a slot, not \(Self.max)",
            "undoMinutes must be 1 to 120, not \(Self.max)",
        ])
        #expect(layout.undoWindow > 0)
    }
}

/// A decision that would give out a number past ``Ranges/identifier`` refuses instead.
@Suite struct NumbersExhaustedTests {
    /// A state whose records used the last `kind` number.
    static func stateAfterTheLast(_ event: (Int) -> Event) throws -> ShopState {
        var state = ShopState()
        try state.addTestCustomer("Åse Ødegård")
        state.apply(Fixtures.context().record(event(Ranges.identifier.upperBound)))
        return state
    }

    static let last = Ranges.identifier.upperBound

    @Test func theLastNumberIsGivenOutOnceThenDecisionsRefuse() throws {
        var state = ShopState()
        let customer = Customer(id: CustomerID(Self.last - 1), name: "Per Hansen", key: "PH", keyIsChosen: false, createdAt: Fixtures.now)
        state.apply(Fixtures.context().record(.customerAdded(customer)))
        let added = try state.addTestCustomer("Kari Nordmann")
        #expect(added.id == CustomerID(Self.last))
        #expect(state.nextCustomerNumber == Ranges.nextNumber.upperBound)
        #expect(state.domainError { try $0.addCustomer(NewCustomer(name: "Ola Nordmann"), Fixtures.context()) } == .numbersExhausted(.customer))
        #expect(state.domainError {
            try $0.receive(ReceiveRequest(tracking: Fixtures.tracking("RR123456785SE"), recipient: .person(NewCustomer(name: "Ola Nordmann"))),
                           Fixtures.context())
        } == .numbersExhausted(.customer))
        #expect(try state.receiveTestParcel("RR123456785SE", for: added).id == ParcelID(1), "known customers still get parcels")
        #expect(DomainError.numbersExhausted(.customer).english.contains("Every customer number up to 999999999999 is used"))
    }

    @Test func everyKindOfNumberRefusesAtTheTop() throws {
        let parcel = Parcel(id: ParcelID(Self.last), tracking: TrackingNumber("RR000000014NO"), format: .s10, checkDigit: .verified,
                            carrier: "postnord", recipientName: "Åse Ødegård", customer: CustomerID(1), key: "ÅØ", slot: Fixtures.a1,
                            size: .small, deadline: Fixtures.today, receivedAt: Fixtures.now, receivedBy: "kari", status: .waiting)
        let parcels = try Self.stateAfterTheLast { _ in .parcelReceived(parcel) }
        #expect(parcels.domainError {
            try $0.receive(ReceiveRequest(tracking: Fixtures.tracking("RR123456785SE"), recipient: .customer(CustomerID(1))), Fixtures.context())
        } == .numbersExhausted(.parcel))

        let deliveries = try Self.stateAfterTheLast { id in
            .deliveryStarted(Delivery(id: DeliveryID(id), carrier: "postnord", declared: nil, startedAt: Fixtures.now, staff: "per"))
        }
        #expect(deliveries.domainError { try $0.startDelivery(carrier: "postnord", declared: 4, Fixtures.context()) } == .numbersExhausted(.delivery))

        let dropOffs = try Self.stateAfterTheLast { id in
            .droppedOff(DropOff(id: DropOffID(id), tracking: TrackingNumber("RR000000014NO"), carrier: "postnord", customer: nil,
                                at: Fixtures.now, staff: "kari"))
        }
        #expect(dropOffs.domainError {
            try $0.dropOff(tracking: Fixtures.tracking("RR123456785SE"), carrier: nil, customer: nil, Fixtures.context())
        } == .numbersExhausted(.dropOff))

        let queue = try Self.stateAfterTheLast { id in
            .queueEntryAdded(QueueEntry(id: QueueEntryID(id), customer: CustomerID(9), announcedFor: nil, note: nil, addedAt: Fixtures.now,
                                        addedBy: "kari"))
        }
        #expect(queue.domainError { try $0.addToQueue(CustomerID(1), announcedFor: nil, note: nil, Fixtures.context()) }
            == .numbersExhausted(.queueEntry))
    }
}
