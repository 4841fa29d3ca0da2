import Foundation
import Testing
@testable import ButikDomain

@Suite struct CarrierIDTests {
    @Test func typedTextFindsTheCarrierByIdOrNameIgnoringCase() {
        let layout = Fixtures.layout
        for typed in ["postnord", "POSTNORD", "PostNord", "  postnord "] {
            #expect(layout.carrier(named: CarrierID(typed: typed))?.id == "postnord", "\(typed)")
        }
        #expect(layout.carrier(named: CarrierID(typed: "Amazon"))?.id == "amazon")
        #expect(layout.carrier(named: CarrierID(typed: "dhl")) == nil)
        #expect(layout.carrier(named: CarrierID(typed: "")) == nil)
    }

    @Test func aReceiptRecordsTheMatchedCarriersOwnId() throws {
        var state = ShopState()
        let customer = try state.addTestCustomer("Ola Nordmann")
        let parcel = try state.receiveTestParcel("TRACK0001", for: .customer(customer.id), carrier: CarrierID(typed: " AMAZON")).parcel
        #expect(parcel.carrier.value == "amazon")
        #expect(throws: DomainError.unknownCarrier(CarrierID(typed: "dhl"), known: ["postnord", "amazon"])) {
            try state.receiveTestParcel("TRACK0002", for: .customer(customer.id), carrier: CarrierID(typed: "dhl"))
        }
    }

    @Test func aStoredIdNoLongerInTheFileIsReadAndNamedAsWritten() throws {
        var state = ShopState()
        let customer = try state.addTestCustomer("Ola Nordmann")
        var parcel = try state.receiveTestParcel("TRACK0001", for: .customer(customer.id)).parcel
        var layout = Fixtures.layout
        layout.carriers[0].claims = ShopLayout.ClaimRule(hours: 4)
        layout.carriers[0].maxHoldDays = 21
        #expect(layout.name(of: parcel.carrier) == "PostNord")
        #expect(layout.damageClaimDeadline(of: parcel) != nil)
        parcel = try JSONDecoder().decode(Parcel.self, from: Data(String(decoding: try JSONEncoder().encode(parcel), as: UTF8.self)
            .replacingOccurrences(of: "\"postnord\"", with: "\"Gone-Carrier\"").utf8))
        #expect(parcel.carrier.value == "Gone-Carrier")
        #expect(layout.name(of: parcel.carrier) == "Gone-Carrier")
        #expect(layout.maxHoldDays(ofCarrier: parcel.carrier) == ShopLayout.defaultMaxHoldDays)
        #expect(layout.damageClaimDeadline(of: parcel) == nil)
    }

    @Test func codedAsOneStringAndPerCarrierCountsAsAnObject() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(CarrierID(stored: "PostNord ")), as: UTF8.self) == "\"PostNord \"")
        #expect(try JSONDecoder().decode(CarrierID.self, from: Data("\"posten\"".utf8)) == "posten")
        let old = #"{"carrier":"postnord","delivery":3,"overflow":0,"perCarrier":{"amazon":1,"postnord":4},"scanned":5,"unexpected":2}"#
        let summary = try JSONDecoder().decode(DeliverySummary.self, from: Data(old.utf8))
        #expect(summary.carrier == "postnord" && summary.perCarrier == ["postnord": 4, "amazon": 1])
        #expect(String(decoding: try encoder.encode(summary), as: UTF8.self) == old)
    }

    @Test func dayCountsAreKeyedByTheIdAsRecorded() {
        var counts = DayCounts(day: Fixtures.today)
        for carrier: CarrierID in ["postnord", "postnord", "Gone-Carrier"] {
            counts.count(carrier: carrier, staff: "kari") { $0.received += 1 }
        }
        #expect(counts.carriers.mapValues(\.received) == ["postnord": 2, "Gone-Carrier": 1])
        #expect(counts.total.received == 3 && counts.staff["kari"]?.received == 3)
    }
}
