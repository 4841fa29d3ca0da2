import Foundation
import Testing
@testable import ButikDomain

/// A hand-out on the pickup code: the code the person gives is matched against each parcel's.
@Suite struct PickupCodeHandOutTests {
    /// Maria's parcels: two with code 4711, one with 9999, one with none.
    static func shop() throws -> (ShopState, [Parcel]) {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        var parcels: [Parcel] = []
        for (tracking, code) in [("RR000000001SE", "4711"), ("RR000000002SE", "9999"), ("RR000000003SE", nil), ("RR000000004SE", "4711")] {
            let request = ReceiveRequest(tracking: Fixtures.tracking(tracking), recipient: .customer(maria.id), pickupCode: code)
            parcels.append(state.commit(try state.receive(request, Fixtures.context()), Fixtures.context()).parcel)
        }
        return (state, parcels)
    }

    @Test(arguments: [nil, "", "  "] as [String?])
    func noCodeGivenIsRefused(_ code: String?) throws {
        let (state, parcels) = try Self.shop()
        #expect(throws: DomainError.pickupCodeMissing) {
            try state.handOut(HandOutRequest(parcels: [parcels[0].id], verification: .code, pickupCode: code), Fixtures.context())
        }
        #expect(DomainError.pickupCodeMissing.english == "A hand-out on the pickup code needs the code the customer gives: ask for it, "
            + "or check their ID.")
    }

    @Test func aCodeThatIsNoCodeIsRefused() throws {
        let (state, parcels) = try Self.shop()
        #expect(throws: DomainError.invalidPickupCode("47x1")) {
            try state.handOut(HandOutRequest(parcels: [parcels[0].id], verification: .code, pickupCode: "47x1"), Fixtures.context())
        }
    }

    @Test func onlyTheParcelsWithThatCodeGoOut() throws {
        var (state, parcels) = try Self.shop()
        let request = HandOutRequest(parcels: parcels.map(\.id), verification: .code, pickupCode: " 47 11 ")
        let decision = try state.handOut(request, Fixtures.context())
        #expect(decision.events.first == .parcelsHandedOut(parcels: [parcels[0].id, parcels[3].id], verification: .code,
                                                           proxyName: nil, proxyID: nil))
        #expect(decision.outcome.parcels.map(\.id) == [parcels[0].id, parcels[3].id])
        #expect(decision.outcome.notMatchingCode.map(\.id) == [parcels[1].id, parcels[2].id])
        let refusal = try #require(decision.outcome.codeRefusal)
        #expect(refusal == .pickupCodeMismatch(code: "4711", tracking: [parcels[1].tracking, parcels[2].tracking]))
        #expect(refusal.english == "2 parcels do not have the pickup code 4711 (RR000000002SE, RR000000003SE) and were not handed "
            + "out: they need another check, such as photo ID.")
        state.commit(decision, Fixtures.context())
        #expect(parcels.map { state.parcels[$0.id]?.status.kind } == [.handedOut, .waiting, .waiting, .handedOut])
    }

    @Test func noParcelWithThatCodeRefusesTheHandOut() throws {
        let (state, parcels) = try Self.shop()
        #expect(throws: DomainError.pickupCodeMismatch(code: "1234", tracking: [parcels[0].tracking])) {
            try state.handOut(HandOutRequest(parcels: [parcels[0].id], verification: .code, pickupCode: "1234"), Fixtures.context())
        }
        #expect(DomainError.pickupCodeMismatch(code: "1234", tracking: [parcels[0].tracking]).english
            == "1 parcel does not have the pickup code 1234 (RR000000001SE) and was not handed out: it needs another check, "
            + "such as photo ID.")
    }

    @Test func otherChecksIgnoreTheCodes() throws {
        let (state, parcels) = try Self.shop()
        let decision = try state.handOut(HandOutRequest(parcels: parcels.map(\.id), verification: .id), Fixtures.context())
        #expect(decision.outcome.parcels.count == 4)
        #expect(decision.outcome.notMatchingCode.isEmpty && decision.outcome.codeRefusal == nil)
    }

    @Test func aParcelHasACodeOnlyWhenItIsTheSameDigits() throws {
        let (_, parcels) = try Self.shop()
        #expect(parcels[0].hasPickupCode("4711"))
        #expect(!parcels[0].hasPickupCode("9999"))
        #expect(!parcels[2].hasPickupCode("4711"), "a parcel without a code matches none")
    }
}
