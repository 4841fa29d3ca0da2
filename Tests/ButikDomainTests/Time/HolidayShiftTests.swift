import Foundation
import Testing
@testable import ButikDomain

/// Posten's holiday rule: summer deadlines to 1 August, Christmas ones to the third working
/// day of January.
@Suite struct HolidayShiftTests {
    @Test(arguments: [
        ("2026-07-14", "2026-07-14"), ("2026-07-15", "2026-08-01"), ("2026-07-31", "2026-08-01"), ("2026-08-01", "2026-08-01"),
        ("2026-12-22", "2026-12-22"), ("2026-12-23", "2027-01-06"), ("2026-12-31", "2027-01-06"),
        // 1 January 2028 is a Saturday: Monday 3rd, Tuesday 4th, Wednesday 5th.
        ("2027-12-28", "2028-01-05"), ("2027-01-02", "2027-01-02"),
    ])
    func shifted(_ deadline: String, _ expected: String) {
        #expect(HolidayShift.shifted(Day(iso: deadline)!) == Day(iso: expected)!)
    }

    @Test func onlyACarrierWithTheRuleShiftsItsDeadlines() throws {
        var layout = Fixtures.layout
        layout.carriers.append(ShopLayout.Carrier(id: "posten", name: "Posten/Bring", holdDays: 7, holidayShifts: true))
        // Friday 10 July 2026 at noon in Oslo: seven days later is the 17th.
        let context = Fixtures.context(at: Date(timeIntervalSince1970: 1_783_677_600), layout: layout)
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad", context)
        let posten = try state.receiveTestParcel("RR000000001SE", for: .customer(maria.id), carrier: "posten", context).parcel
        let postnord = try state.receiveTestParcel("RR000000002SE", for: .customer(maria.id), carrier: "postnord", context).parcel
        #expect(posten.deadline == Day(iso: "2026-08-01"))
        #expect(postnord.deadline == Day(iso: "2026-07-17"))
    }

    @Test func theShippedShopFileGivesPostenTheRule() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent() // Time
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() // ButikDomainTests, Tests, the root
        let data = try Data(contentsOf: repository.appendingPathComponent("Resources/shop.json"))
        let layout = try JSONDecoder().decode(ShopLayout.self, from: data)
        #expect(layout.carriers.filter { $0.holidayShifts == true }.map(\.id) == ["posten"])
    }
}
