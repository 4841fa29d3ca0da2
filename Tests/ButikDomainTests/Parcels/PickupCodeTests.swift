import Foundation
import Testing
@testable import ButikDomain

@Suite struct PickupCodeTests {
    @Test(arguments: [
        ("1234", "1234"), ("123456", "123456"), (" 4711 ", "4711"), ("123 456", "123456"), ("12\t34", "1234"), ("0042", "0042"),
    ])
    func goodCodes(_ text: String, _ code: String) {
        #expect(PickupCode(text)?.digits == code)
    }

    @Test(arguments: ["", "   ", "123", "1234567", "12a4", "12-34", "١٢٣٤", "１２３４"])
    func badCodes(_ text: String) {
        #expect(PickupCode(text) == nil)
    }

    @Test func aCodeIsWrittenAsItsDigits() throws {
        let code = try #require(PickupCode(String(" 0471")), "a person's text goes through the failable init, not the tests' literal")
        #expect(try JournalCoding.json([code]) == #"["0471"]"#)
        #expect(try JournalCoding.roundTrip([code]) == [code])
    }

    private func receive(code: String?, _ state: inout ShopState) throws(DomainError) -> Parcel {
        let request = ReceiveRequest(tracking: Fixtures.tracking("RR123456785SE"), recipient: .person(NewCustomer(name: "Maria Mossestad")),
                                     pickupCode: code)
        return state.commit(try state.receive(request, Fixtures.context()), Fixtures.context()).parcel
    }

    @Test func receiveKeepsTheCodeAsDigits() throws {
        var state = ShopState()
        #expect(try receive(code: " 123 456 ", &state).pickupCode == "123456")
        #expect(state.parcels[ParcelID(1)]?.pickupCode == "123456")
    }

    @Test func receiveWithoutCodeHasNone() throws {
        var state = ShopState()
        #expect(try receive(code: nil, &state).pickupCode == nil)
    }

    @Test func badCodeIsRefused() {
        var state = ShopState()
        #expect(throws: DomainError.invalidPickupCode("12x4")) { try receive(code: "12x4", &state) }
        #expect(state.parcels.isEmpty)
    }

    @Test func parcelJsonCarriesTheCodeOnlyWhenThereIsOne() throws {
        var parcel = EventCodingTests.parcel(.waiting)
        #expect(!(try JournalCoding.json(parcel)).contains("pickupCode"))
        parcel.pickupCode = "4711"
        #expect(try JournalCoding.json(parcel).contains(#""pickupCode":"4711""#))
        #expect(try JournalCoding.roundTrip(parcel) == parcel)
    }

    /// A journal line written before parcels had pickup codes still reads.
    @Test func parcelFromBeforePickupCodesDecodes() throws {
        let line = #"{"carrier":"postnord","checkDigit":"verified","customer":1,"deadline":"2026-03-17","format":"s10","id":1,"key":"MM","receivedAt":1773144000000,"receivedBy":"kari","recipientName":"Maria Mossestad","size":"small","slot":"A1","status":{"waiting":{}},"tracking":"RR123456785SE"}"#
        let parcel = try JournalCoding.decoder().decode(Parcel.self, from: Data(line.utf8))
        #expect(parcel.pickupCode == nil)
        #expect(parcel.tracking == TrackingNumber("RR123456785SE"))
        #expect(try JournalCoding.json(parcel) == line)
    }
}
