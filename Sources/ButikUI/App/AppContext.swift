import ButikDomain
import ButikText
import Foundation

/// What every screen reads: the shop as the store has it, the layout, the moment and the words
/// of the chosen language.
public struct AppContext: Sendable {
    public var shop: ShopState { didSet { shopVersion &+= 1 } }
    /// Counts the shops set here: what a screen keeps worked out from the shop (F6's list) is
    /// for the version it saw.
    public private(set) var shopVersion = 0
    public var layout: ShopLayout
    public var now: Date
    /// Who is working at this terminal.
    public var staff: StaffID
    /// Every word on the screens, in the language chosen at start.
    public var words: Words

    public init(shop: ShopState, layout: ShopLayout, now: Date, staff: StaffID = StaffID(stored: "staff"), words: Words = .english) {
        self.shop = shop
        self.layout = layout
        self.now = now
        self.staff = staff
        self.words = words
    }

    /// Today in the shop's time zone.
    public var today: Day { Day(now, in: layout.zone) }

    /// Parcels waiting for pickup whose deadline is today.
    public var dueToday: Int { shop.waitingCount(dueOn: today) }

    /// "due today", "overdue 2d", "5d left".
    public func dueText(_ deadline: Day) -> String {
        let left = deadline.days(since: today)
        return left < 0 ? words.text("due.overdue", ["n": .count(-left)])
            : left == 0 ? words.text("due.today") : words.text("due.left", ["n": .count(left)])
    }

    /// A day in the shop's time zone close to today: `24.11`.
    public func dayAndMonth(_ date: Date) -> String { words.dayAndMonth(Day(date, in: layout.zone)) }

    /// A time of day in the shop's time zone: `09:05`.
    public func time(_ date: Date) -> String { words.time(minuteOfDay: LocalMoment(date, in: layout.zone).minuteOfDay) }

    /// A moment in the shop's time zone: `24.11.2026 09:05`.
    public func moment(_ date: Date) -> String { words.moment(LocalMoment(date, in: layout.zone)) }
}
