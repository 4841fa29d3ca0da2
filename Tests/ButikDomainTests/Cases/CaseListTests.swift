import Foundation
import Testing
@testable import ButikDomain

@Suite struct CaseListTests {
    /// Cases of Maria's and Thomas's with follow-ups around day 10 of the fixture's calendar.
    static func shop() throws -> (ShopState, today: Day, [CaseID]) {
        var state = try QueueTests.shop()
        let start = Fixtures.later(60)
        let today = start.today.adding(days: 10)
        func open(_ customer: CustomerID, _ kind: CaseKind, owner: String, followUp: Day?) throws -> CaseID {
            state.commit(try state.openCase(NewCase(customer: customer, kind: kind, owner: owner, followUp: followUp, text: "x"), start), start).id
        }
        let ids = [
            try open(QueueTests.maria, .claim(.damaged), owner: "kari", followUp: today.adding(days: 3)),  // later
            try open(QueueTests.thomas, .question, owner: "per", followUp: nil),  // none
            try open(QueueTests.maria, .redirect, owner: "Per", followUp: today),  // due today
            try open(QueueTests.thomas, .claim(.late), owner: "kari", followUp: today.adding(days: -4)),  // overdue most
            try open(QueueTests.maria, .complaint, owner: "siv", followUp: today.adding(days: -1)),  // overdue
            try open(QueueTests.thomas, .extension, owner: "siv", followUp: today.adding(days: 1)),  // later, sooner
        ]
        let waiting = CaseChange(status: .waitingForCustomer)
        state.commit(try state.updateCase(ids[5], waiting, start), start)
        state.commit(try state.closeCase(ids[1], text: "Answered", start), start)
        return (state, today, ids)
    }

    @Test func overdueThenDueTodayThenTheRestByFollowUpThenNone() throws {
        var (state, today, ids) = try Self.shop()
        #expect(state.caseList(today: today).map(\.id) == [ids[3], ids[4], ids[2], ids[5], ids[0]])
        let start = Fixtures.later(60)
        let another = state.commit(try state.openCase(NewCase(customer: QueueTests.maria, kind: .question, text: "y"), start), start)
        #expect(state.caseList(today: today).last?.id == another.id, "without a follow-up day, last")
    }

    @Test func filtersByOwnerKindStatusAndDue() throws {
        let (state, today, ids) = try Self.shop()
        #expect(state.caseList(CaseFilter(owner: "per"), today: today).map(\.id) == [ids[2]], "owners ignore case; resolved ones are left out")
        #expect(state.caseList(CaseFilter(owner: "kari"), today: today).map(\.id) == [ids[3], ids[0]])
        #expect(state.caseList(CaseFilter(kind: .claim(.late)), today: today).map(\.id) == [ids[3]])
        #expect(state.caseList(CaseFilter(status: .waitingForCustomer), today: today).map(\.id) == [ids[5]])
        #expect(state.caseList(CaseFilter(status: .resolved), today: today).map(\.id) == [ids[1]])
        #expect(state.caseList(CaseFilter(dueOnly: true), today: today).map(\.id) == [ids[3], ids[4], ids[2]])
        #expect(state.caseList(CaseFilter(owner: "siv", dueOnly: true), today: today).map(\.id) == [ids[4]])
        #expect(state.dueCaseCount(today: today) == 3)
        #expect(state.dueCaseCount(today: today.adding(days: -30)) == 0)
        for offset in -3...3 {
            let day = today.adding(days: offset)
            #expect(state.dueCaseCount(today: day) == state.caseList(CaseFilter(dueOnly: true), today: day).count, "\(day)")
        }
    }

    /// The count is kept as cases change (``ShopIndexes/openFollowUps``), not listed: it must
    /// stay the listing's count through a new follow-up day, a close, a reopen and a merge.
    @Test func theDueCountFollowsEveryChangeOfACase() throws {
        var (state, today, ids) = try Self.shop()
        let start = Fixtures.later(60)
        func expectTheListsCount(_ step: String) {
            for offset in -5...5 {
                let day = today.adding(days: offset)
                #expect(state.dueCaseCount(today: day) == state.caseList(CaseFilter(dueOnly: true), today: day).count, "\(step), \(day)")
            }
        }
        state.commit(try state.updateCase(ids[0], CaseChange(followUp: today.adding(days: -2)), start), start)
        expectTheListsCount("a later one made overdue")
        #expect(state.dueCaseCount(today: today) == 4)
        state.commit(try state.closeCase(ids[3], text: "Paid", start), start)
        expectTheListsCount("an overdue one closed")
        state.commit(try state.reopenCase(ids[3], text: "Not paid after all", start), start)
        expectTheListsCount("reopened")
        state.commit(try state.updateCase(ids[5], CaseChange(status: .waitingForCarrier, followUp: today.adding(days: -3)), start), start)
        expectTheListsCount("waiting, with a day gone by")
        state.commit(try state.mergeCustomers(keep: QueueTests.maria, other: QueueTests.thomas, start), start)
        expectTheListsCount("their customers merged")
    }

    @Test func theIndexesAreRebuiltFromTheRecords() throws {
        let (state, today, _) = try Self.shop()
        let read = try JournalCoding.roundTrip(state)
        #expect(read.openFollowUps == state.openFollowUps)
        #expect(read.openCases == state.openCases)
        #expect(read.casesByCustomer == state.casesByCustomer)
        #expect(read.caseList(today: today) == state.caseList(today: today))
    }
}
