import Foundation
import Testing
@testable import ButikDomain

@Suite struct CaseTests {
    static let maria = QueueTests.maria, thomas = QueueTests.thomas
    static let rr1 = TrackingNumber("RR000000001SE"), rr2 = TrackingNumber("RR000000002SE"), rr3 = TrackingNumber("RR000000003SE")

    /// The shop of ``QueueTests/shop()`` with a damage claim of Maria's on RR1, opened by kari.
    static func shopWithClaim() throws -> (ShopState, Case) {
        var state = try QueueTests.shop()
        let context = Fixtures.later(60)
        let opened = state.commit(try state.openCase(NewCase(customer: maria, kind: .claim(.damaged), parcels: [rr1, rr1],
                                                             text: " Box crushed "), context), context)
        return (state, opened)
    }

    @Test func aCaseOpensWithItsOwnerParcelsAndText() throws {
        let (state, opened) = try Self.shopWithClaim()
        #expect(opened == Case(id: CaseID(1), customer: Self.maria, kind: .claim(.damaged), owner: "kari", parcels: [Self.rr1],
                               text: "Box crushed", openedAt: Fixtures.later(60).now, openedBy: "kari"))
        #expect(state.cases[CaseID(1)] == opened)
        #expect(state.customerCases(Self.maria) == [opened])
        #expect(state.openCases.contains(opened.id))
        let per = Fixtures.later(120, staff: "per")
        let owned = try state.openCase(NewCase(customer: Self.maria, kind: .redirect, owner: "  siv ", followUp: per.today, text: "Home to shop"), per)
        #expect(owned.outcome.owner == "siv")
        #expect(owned.outcome.id == CaseID(2))
        #expect(try JournalCoding.roundTrip(state) == state)
    }

    @Test func openingIsRefusedForAnotherCustomersParcelAPastFollowUpOrABadText() throws {
        let state = try QueueTests.shop()
        let context = Fixtures.later(60)
        func refusal(_ new: NewCase) -> DomainError? { state.domainError { try $0.openCase(new, context) } }
        #expect(refusal(NewCase(customer: Self.maria, kind: .claim(.missing), parcels: [Self.rr3], text: "x"))
            == .notCustomersParcel(tracking: Self.rr3, key: "MM"))
        #expect(refusal(NewCase(customer: Self.maria, kind: .question, followUp: context.today.adding(days: -1), text: "x"))
            == .followUpInPast(context.today.adding(days: -1)))
        #expect(refusal(NewCase(customer: Self.maria, kind: .question, text: "")) == .invalidLogText(limit: 1000))
        #expect(refusal(NewCase(customer: Self.maria, kind: .question, owner: "", text: "x")) == .invalidStaffID(limit: 40))
        #expect(refusal(NewCase(customer: Self.maria, kind: .complaint, text: NationalIDTests.swedish("811218987")))
            == .nationalIDInText(.swedishPersonalNumber))
        #expect(refusal(NewCase(customer: CustomerID(9), kind: .question, text: "x")) == .unknownCustomer("C9"))
    }

    @Test func anUpdateChangesWhatItGivesAndIsKept() throws {
        var (state, opened) = try Self.shopWithClaim()
        let per = Fixtures.later(3600, staff: "per")
        let change = CaseChange(status: .waitingForCarrier, owner: "per", followUp: per.today.adding(days: 3), parcels: [Self.rr2, Self.rr1],
                                text: "Asked PostNord")
        let decision = try state.updateCase(opened.id, change, per)
        let update = CaseUpdate(at: per.now, staff: "per", status: .waitingForCarrier, owner: "per", followUp: per.today.adding(days: 3),
                                addedParcels: [Self.rr2], text: "Asked PostNord")
        #expect(decision.events == [.caseUpdated(case: opened.id, update)])
        let updated = state.commit(decision, per)
        #expect(updated.status == .waitingForCarrier)
        #expect(updated.owner == "per")
        #expect(updated.followUp == per.today.adding(days: 3))
        #expect(updated.parcels == [Self.rr1, Self.rr2])
        #expect(updated.updates == [update])
        #expect(state.cases[opened.id] == updated)
        #expect(try JournalCoding.roundTrip(state) == state)
    }

    @Test func anUpdateIsRefusedWhenEmptyWaitingWithoutAFollowUpOrInThePast() throws {
        let (state, opened) = try Self.shopWithClaim()
        let context = Fixtures.later(3600)
        func refusal(_ change: CaseChange) -> DomainError? { state.domainError { try $0.updateCase(opened.id, change, context) } }
        #expect(refusal(CaseChange()) == .caseUpdateEmpty(opened.id))
        #expect(refusal(CaseChange(status: .waitingForCustomer)) == .followUpNeeded(status: .waitingForCustomer))
        #expect(refusal(CaseChange(status: .waitingForCarrier, followUp: context.today)) == nil)
        #expect(refusal(CaseChange(followUp: context.today.adding(days: -2))) == .followUpInPast(context.today.adding(days: -2)))
        #expect(refusal(CaseChange(parcels: [Self.rr3])) == .notCustomersParcel(tracking: Self.rr3, key: "MM"))
        #expect(refusal(CaseChange(status: .resolved)) == .invalidLogText(limit: 1000), "resolving says how")
        #expect(state.domainError { try $0.updateCase(CaseID(7), CaseChange(text: "x"), context) } == .unknownCase("#7"))
    }

    @Test func aWaitingCaseWhoseFollowUpPassedNeedsANewOneToWaitAgain() throws {
        var (state, opened) = try Self.shopWithClaim()
        let context = Fixtures.later(60)
        state.commit(try state.updateCase(opened.id, CaseChange(status: .waitingForCarrier, followUp: context.today.adding(days: 1)), context),
                     context)
        let later = Fixtures.later(3 * 86_400)
        // A note on the case is fine; waiting again on the passed day is not.
        #expect(state.domainError { try $0.updateCase(opened.id, CaseChange(text: "Called again"), later) } == nil)
        #expect(state.domainError { try $0.updateCase(opened.id, CaseChange(status: .waitingForCustomer), later) }
            == .followUpNeeded(status: .waitingForCustomer))
    }

    @Test func aResolvedCaseTakesNoUpdateButAReopen() throws {
        var (state, opened) = try Self.shopWithClaim()
        let context = Fixtures.later(600)
        #expect(state.domainError { try $0.reopenCase(opened.id, text: "x", context) } == .caseNotResolved(opened.id))
        let closed = state.commit(try state.closeCase(opened.id, text: "Sender refunded", context), context)
        #expect(closed.status == .resolved)
        #expect(closed.updates.last?.text == "Sender refunded")
        #expect(!state.openCases.contains(opened.id))
        #expect(state.openCustomerCases(Self.maria).isEmpty)
        #expect(state.domainError { try $0.updateCase(opened.id, CaseChange(text: "x"), context) } == .caseResolved(opened.id))
        #expect(state.domainError { try $0.closeCase(opened.id, text: "again", context) } == .caseResolved(opened.id))
        #expect(state.domainError { try $0.reopenCase(opened.id, text: " ", context) } == .invalidLogText(limit: 1000))
        let reopened = state.commit(try state.reopenCase(opened.id, text: "Refund did not come", context), context)
        #expect(reopened.status == .open)
        #expect(state.openCases.contains(opened.id))
        #expect(try JournalCoding.roundTrip(state) == state)
    }

    @Test func aFollowUpDayPassingMakesAWaitingCaseDueWithNoEvent() throws {
        var (state, opened) = try Self.shopWithClaim()
        let context = Fixtures.later(60)
        let day = context.today.adding(days: 2)
        state.commit(try state.updateCase(opened.id, CaseChange(status: .waitingForCarrier, followUp: day), context), context)
        let before = state
        #expect(state.cases[opened.id]?.isDue(on: day.adding(days: -1)) == false)
        #expect(state.caseList(CaseFilter(dueOnly: true), today: day.adding(days: -1)).isEmpty)
        #expect(state.cases[opened.id]?.isDue(on: day) == true)
        #expect(state.caseList(CaseFilter(dueOnly: true), today: day).map(\.id) == [opened.id])
        #expect(state.caseList(CaseFilter(dueOnly: true), today: day.adding(days: 5)).map(\.id) == [opened.id])
        #expect(state == before, "nothing was recorded")
        state.commit(try state.closeCase(opened.id, text: "Done", Fixtures.later(120)), Fixtures.later(120))
        #expect(state.cases[opened.id]?.isDue(on: day) == false, "a resolved case is never due")
    }

    @Test func receivingForACustomerWithAnOpenCaseSaysSo() throws {
        var (state, opened) = try Self.shopWithClaim()
        let received = try state.receiveTestParcel("RR000000009SE", for: .customer(Self.maria), Fixtures.later(600))
        #expect(received.openCases == [opened])
        let other = try state.receiveTestParcel("RR000000008SE", for: .customer(Self.thomas), Fixtures.later(600))
        #expect(other.openCases.isEmpty)
    }
}
