import ButikDomain
import Foundation

/// What every screen reads: the shop as the store has it, the layout and the moment.
public struct AppContext: Sendable {
    public var shop: ShopState
    public var layout: ShopLayout
    public var now: Date
    /// Who is working at this terminal.
    public var staff: String

    public init(shop: ShopState, layout: ShopLayout, now: Date, staff: String = "staff") {
        self.shop = shop
        self.layout = layout
        self.now = now
        self.staff = staff
    }

    /// Today in the shop's time zone.
    public var today: Day { Day(now, in: layout.zone) }

    /// Parcels waiting for pickup whose deadline is today.
    public var dueToday: Int { shop.waitingCount(dueOn: today) }

    /// "due today", "overdue 2d", "5d left".
    public func dueText(_ deadline: Day) -> String {
        let left = deadline.days(since: today)
        return left < 0 ? "overdue \(-left)d" : left == 0 ? "due today" : "\(left)d left"
    }
}
