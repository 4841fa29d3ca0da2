import Foundation
import Testing
@testable import ButikDomain

/// A regular: by hand, or so many days with a hand-out in the last so many days.
@Suite struct RegularTests {
    static let rule = RegularRule(visits: 3, days: 10)
    static let customer = Customer(id: CustomerID(1), name: "Maria Mossestad", key: "MM", keyIsChosen: false, createdAt: Fixtures.now)

    /// A hand-out at 10:00 Oslo time `daysAgo` days before ``Fixtures/today``.
    static func handOut(_ daysAgo: Int, seq: Int) -> TimelineEntry {
        let day = Fixtures.today.adding(days: -daysAgo)
        return TimelineEntry(seq: seq, at: LocalTime.date(day, minuteOfDay: 600, in: Fixtures.oslo), staff: "kari",
                             what: .parcel(TrackingNumber("RR\(seq)"), .handedOut(verification: .id, proxyName: nil, proxyID: nil)))
    }

    @Test func visitsAreDaysWithAHandOutWithinThePeriod() {
        // Two hand-outs on one day are one visit; a receipt is none.
        let received = TimelineEntry(seq: 9, at: Fixtures.now, staff: "kari",
                                     what: .parcel(TrackingNumber("RR9"), .received(slot: Fixtures.a1, delivery: nil, deadline: Fixtures.today)))
        let entries = [Self.handOut(0, seq: 1), Self.handOut(0, seq: 2), Self.handOut(4, seq: 3), received]
        #expect(Self.rule.visits(in: entries, endingOn: Fixtures.today, in: Fixtures.oslo) == 2)
        #expect(!Self.rule.isRegular(Self.customer, timeline: entries, on: Fixtures.today, in: Fixtures.oslo))
    }

    @Test func theFirstDayOfThePeriodCountsTheDayBeforeItDoesNot() {
        let edge = [Self.handOut(0, seq: 1), Self.handOut(4, seq: 2), Self.handOut(9, seq: 3)]
        #expect(Self.rule.firstDay(endingOn: Fixtures.today) == Fixtures.today.adding(days: -9))
        #expect(Self.rule.isRegular(Self.customer, timeline: edge, on: Fixtures.today, in: Fixtures.oslo))
        let outside = [Self.handOut(0, seq: 1), Self.handOut(4, seq: 2), Self.handOut(10, seq: 3)]
        #expect(!Self.rule.isRegular(Self.customer, timeline: outside, on: Fixtures.today, in: Fixtures.oslo))
        // A day later the oldest visit of the first falls out too; later visits than the day do not count.
        #expect(!Self.rule.isRegular(Self.customer, timeline: edge, on: Fixtures.today.adding(days: 1), in: Fixtures.oslo))
        #expect(!Self.rule.isRegular(Self.customer, timeline: edge, on: Fixtures.today.adding(days: -1), in: Fixtures.oslo))
    }

    @Test func aRegularByHandIsOneWithoutVisits() {
        var byHand = Self.customer
        byHand.regularByHand = true
        #expect(Self.rule.isRegular(byHand, timeline: [], on: Fixtures.today, in: Fixtures.oslo))
    }
}
