/// Posten's rule for deadlines that fall in the holidays: a deadline from 15 to 31 July moves
/// to 1 August, one from 23 to 31 December to the third working day (Monday to Friday, after
/// New Year's Day) of January.
public enum HolidayShift {
    /// `deadline`, or the day it moves to.
    public static func shifted(_ deadline: Day) -> Day {
        let (year, month, day) = deadline.components
        if month == 7, day >= 15 { return Day(year: year, month: 8, day: 1)! }
        guard month == 12, day >= 23 else { return deadline }
        var working = Day(year: year + 1, month: 1, day: 1)!
        var counted = 0
        while counted < 3 {
            working = working.adding(days: 1)
            if working.isWorkingDay { counted += 1 }
        }
        return working
    }
}

extension ShopLayout.Carrier {
    /// The last day a parcel received on `day` waits: `holdDays` (the carrier's unless given)
    /// later, moved by ``HolidayShift`` for a carrier with `holidayShifts`.
    public func deadline(receivedOn day: Day, holdDays: Int? = nil) -> Day {
        let deadline = day.adding(days: holdDays ?? self.holdDays)
        return holidayShifts == true ? HolidayShift.shifted(deadline) : deadline
    }
}

extension Day {
    /// Monday to Friday, but New Year's Day (the holiday ``HolidayShift`` counts from).
    public var isWorkingDay: Bool {
        let (_, month, day) = components
        return isoWeekday <= 5 && !(month == 1 && day == 1)
    }

    /// The first working day after this one.
    public var nextWorkingDay: Day {
        var next = adding(days: 1)
        while !next.isWorkingDay { next = next.adding(days: 1) }
        return next
    }
}
