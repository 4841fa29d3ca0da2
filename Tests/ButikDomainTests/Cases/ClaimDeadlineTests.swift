import Foundation
import Testing
@testable import ButikDomain

@Suite struct ClaimDeadlineTests {
    /// The fixture's layout with PostNord's Norwegian rule.
    static let layout: ShopLayout = {
        var layout = Fixtures.layout
        layout.carriers[0].claims = ShopLayout.ClaimRule(hours: 4, lateAfter: "13:00", nextWorkingDayBy: "09:00")
        return layout
    }()

    static func parcel(arriving day: Day, at minute: Int, carrier: CarrierID = "postnord") throws -> Parcel {
        var state = ShopState()
        let customer = try state.addTestCustomer("Maria Mossestad")
        let context = Fixtures.context(at: LocalTime.date(day, minuteOfDay: minute, in: Fixtures.oslo), layout: layout)
        let request = ReceiveRequest(tracking: Fixtures.tracking("RR000000001SE"), recipient: .customer(customer.id), carrier: carrier)
        return try state.receive(request, context).outcome.parcel
    }

    static func deadline(arriving day: Day, at minute: Int) throws -> LocalMoment? {
        try layout.damageClaimDeadline(of: parcel(arriving: day, at: minute)).map { LocalMoment($0, in: Fixtures.oslo) }
    }

    @Test func beforeOnePmFourHoursAfterArrival() throws {
        let tuesday = Day(year: 2026, month: 3, day: 10)!
        #expect(try Self.deadline(arriving: tuesday, at: 10 * 60 + 15) == LocalMoment(day: tuesday, minuteOfDay: 14 * 60 + 15))
        #expect(try Self.deadline(arriving: tuesday, at: 13 * 60) == LocalMoment(day: tuesday, minuteOfDay: 17 * 60), "13:00 is not after 13:00")
    }

    @Test func afterOnePmByNineTheNextWorkingDay() throws {
        let tuesday = Day(year: 2026, month: 3, day: 10)!
        #expect(try Self.deadline(arriving: tuesday, at: 13 * 60 + 1) == LocalMoment(day: tuesday.adding(days: 1), minuteOfDay: 9 * 60))
        let friday = Day(year: 2026, month: 3, day: 13)!
        #expect(friday.isoWeekday == 5)
        #expect(try Self.deadline(arriving: friday, at: 15 * 60) == LocalMoment(day: Day(year: 2026, month: 3, day: 16)!, minuteOfDay: 9 * 60),
                "on a Friday, Monday")
        #expect(try Self.deadline(arriving: friday, at: 9 * 60) == LocalMoment(day: friday, minuteOfDay: 13 * 60))
    }

    @Test func beforeAHolidayTheDayAfterIt() throws {
        let newYearsEve = Day(year: 2026, month: 12, day: 31)!  // a Thursday; New Year's Day a Friday
        #expect(newYearsEve.isoWeekday == 4)
        #expect(try Self.deadline(arriving: newYearsEve, at: 14 * 60) == LocalMoment(day: Day(year: 2027, month: 1, day: 4)!, minuteOfDay: 9 * 60))
    }

    @Test func aCarrierWithoutARuleHasNoDeadline() throws {
        #expect(Self.layout.damageClaimDeadline(of: try Self.parcel(arriving: Fixtures.today, at: 600, carrier: "amazon")) == nil)
    }

    @Test func theTimeLeftCountsDownAndPasses() {
        let deadline = Fixtures.now
        #expect(TimeLeft(until: deadline, from: deadline.addingTimeInterval(-3 * 3600 - 20 * 60)).minutes == 200)
        #expect(TimeLeft(until: deadline, from: deadline.addingTimeInterval(-30)) == TimeLeft(until: deadline, from: deadline))
        #expect(!TimeLeft(until: deadline, from: deadline).hasPassed)
        #expect(TimeLeft(until: deadline, from: deadline.addingTimeInterval(65 * 60)).minutes == -65)
        #expect(TimeLeft(until: deadline, from: deadline.addingTimeInterval(1)).hasPassed)
    }

    @Test func theRuleIsReadFromTheShopFileAndOldFilesHaveNone() throws {
        let old = #"{"schema": 1, "name": "S", "timeZone": "Europe/Oslo", "shelves": [{"id": "A", "slots": 1, "capacity": 1, "size": "small"}],"#
            + #" "overflow": {"id": "F", "name": "F"}, "outbound": {"id": "O", "name": "O"}, "defaultHoldDays": 7,"#
            + #" "carriers": [{"id": "postnord", "name": "PostNord", "holdDays": 7}]}"#
        #expect(try JSONDecoder().decode(ShopLayout.self, from: Data(old.utf8)).carriers[0].claims == nil)
        let withRule = old.replacingOccurrences(of: #""holdDays": 7}"#,
                                                with: #""holdDays": 7, "claims": {"hours": 4, "lateAfter": "13:00", "nextWorkingDayBy": "09:00"}}"#)
        let layout = try JSONDecoder().decode(ShopLayout.self, from: Data(withRule.utf8))
        #expect(layout.carriers[0].claims == ShopLayout.ClaimRule(hours: 4, lateAfter: "13:00", nextWorkingDayBy: "09:00"))
        #expect(layout.problems.isEmpty)
        var bad = layout
        bad.carriers[0].claims = ShopLayout.ClaimRule(hours: 0, lateAfter: "25:00")
        #expect(bad.problems == ["carrier postnord's claims.hours must be 1 to 168, not 0",
                                 "carrier postnord's claims.lateAfter must be a time like 13:00, not \"25:00\"",
                                 "carrier postnord's claims need both lateAfter and nextWorkingDayBy, or neither"])
    }
}
