import ButikDomain
import Foundation
import Testing
@testable import ButikUI

/// The parcels awaiting pickup on F5: filters by carrier and state, extending a deadline,
/// sending every overdue parcel back.
@Suite struct QueueParcelsScenarioTests {
    @Test func cCyclesTheCarriersAndSCyclesTheStates() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("c"))
        #expect(h.state.queue.carrierFilter == "postnord")
        #expect(h.screen(width: 120, height: 40)[6].hasSuffix("0 for the driver  [postnord]"))
        #expect(h.state.queue.parcels(h.state.context).allSatisfy { $0.carrier == "postnord" })
        #expect(!h.state.queue.parcels(h.state.context).isEmpty)
        for _ in h.store.layout.carriers.dropFirst() { h.press(.character("c")) }
        #expect(h.state.queue.carrierFilter == "instabox")
        h.press(.character("c"))
        #expect(h.state.queue.carrierFilter == nil, "after the last carrier, all again")

        h.press(.character("s"))
        #expect(h.state.queue.stateFilter == .waiting)
        h.press(.character("s"))
        #expect(h.state.queue.stateFilter == .overdue)
        let overdue = h.state.queue.parcels(h.state.context)
        #expect(overdue.count == 9)
        #expect(h.screen(width: 120, height: 40)[6] == " 193 waiting · 18 due today · 9 overdue · 0 for the driver  [overdue]")
        h.press(.character("s"))
        #expect(h.state.queue.stateFilter == .driver)
        #expect(h.screen()[8] == String(repeating: " ", count: 26) + "No parcels match the filter.")
        h.press(.character("s"))
        #expect(h.state.queue.stateFilter == .all)
    }

    /// The demo's carriers hold 7 days (Amazon 14), extendable to 14 days after arrival in all.
    @Test func eExtendsTheSelectedParcelAsTypedWithinTheCarriersLimit() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.tab)
        let parcel = try #require(h.state.queue.selectedParcel(h.state.context))
        let today = h.state.context.today
        #expect(parcel.deadline < today, "the first row is overdue")
        let latest = Day(parcel.receivedAt, in: h.store.layout.zone).adding(days: 14)
        let (year, month, day) = latest.components
        let readable = String(format: "%02d.%02d.%04d", day, month, year)  // as a person reads it
        let allowed = latest.days(since: today)
        try #require(allowed > 0 && allowed < 7, "received 8 to 13 days ago: \(parcel.receivedAt)")
        h.press(.character("e"))
        #expect(h.state.queue.prompt?.purpose == .extend(parcel.id))
        #expect(h.screen().contains { $0.contains("│ Keep \(parcel.tracking) (\(parcel.key)), due") })
        h.press(.enter)
        #expect(h.takeEffects().contains(.beep), "7 more days is longer than the carrier allows")
        #expect(h.store.state.parcels[parcel.id]?.deadline == parcel.deadline)
        let carrier = try #require(h.store.layout.carrier(named: parcel.carrier)?.name)
        #expect(h.state.queue.notice?.text(h.state.words) == "\(carrier) lets a parcel wait at most 14 days after it arrived: \(parcel.tracking) can "
            + "wait until \(readable) at the latest.")

        h.press(.character("e"))
        h.press(.backspace)
        h.type("\(allowed)")
        h.press(.enter)
        #expect(h.store.state.parcels[parcel.id]?.deadline == latest, "an overdue parcel is kept the days typed from today")
        #expect(h.screen()[5] == " \(parcel.tracking) (\(parcel.key)) is kept until \(readable) (\(allowed)d left).")

        // Now the parcel is later in the list; extend the new first one by 3 days.
        let next = try #require(h.state.queue.selectedParcel(h.state.context))
        h.press(.character("e"))
        h.press(.backspace)
        h.type("x")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.queue.notice?.text(h.state.words) == "Type the number of days to keep it longer, e.g. 7.")
        h.press(.backspace)
        h.type("3")
        h.press(.enter)
        #expect(h.store.state.parcels[next.id]?.deadline == max(next.deadline, today).adding(days: 3))
    }

    @Test func oMarksEveryOverdueParcelForReturnAfterYes() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("o"))
        let pull = h.store.state.overduePullList(today: h.state.context.today, h.store.layout)
        #expect(pull.count == 9)
        let screen = h.screen(width: 80, height: 40)
        #expect(screen.contains { $0.contains("Take 9 overdue parcels to OUT:") })
        for stop in pull.stops {
            #expect(screen.contains { $0.contains("│ \(stop.slot): \(stop.parcels[0].tracking)") }, "where to fetch from: \(stop.slot)")
        }
        #expect(screen.contains { $0.contains("Mark them for return to sender? (y/n)") })
        h.press(.character("n"))
        #expect(h.state.queue.prompt == nil)
        #expect(h.store.state.parcelsInShop.allSatisfy { $0.status == .waiting })
        h.press(.character("o"))
        h.press(.character("y"))
        let returning = h.store.state.parcelsInShop.filter { $0.status != .waiting }
        #expect(returning.count == 9)
        #expect(returning.allSatisfy { $0.slot == h.store.layout.outboundID })
        #expect(h.screen()[5] == " 9 overdue parcels marked for return: put them in OUT.")
        #expect(h.screen()[6] == " 184 waiting · 18 due today · 0 overdue · 9 for the driver")
        h.press(.character("o"))
        #expect(h.state.queue.prompt == nil)
        #expect(h.screen()[5] == " No parcel is overdue.")
    }
}
