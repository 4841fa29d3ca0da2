import Foundation

/// When a customer is a regular (`"regular"` in the shop file): by hand
/// (``Customer/regularByHand``), or with ``visits`` visits, days with a hand-out to them, in
/// the last ``days`` days.
public struct RegularRule: Codable, Equatable, Sendable {
    public var visits: Int
    public var days: Int

    public static let visitRange = 1...1000
    public static let dayRange = 1...3660

    public init(visits: Int = 10, days: Int = 90) {
        self.visits = visits
        self.days = days
    }

    /// Reads the rule; a field the file leaves out has its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(visits: try c.decodeIfPresent(Int.self, forKey: .visits) ?? 10, days: try c.decodeIfPresent(Int.self, forKey: .days) ?? 90)
    }

    /// The first day of the period that ends on `day`.
    public func firstDay(endingOn day: Day) -> Day { day.adding(days: 1 - days) }

    /// How many days of the period ending on `day` (in `zone`) saw a hand-out to the customer
    /// whose timeline holds `entries` (in any order; other entries do not count).
    public func visits(in entries: [TimelineEntry], endingOn day: Day, in zone: TimeZone) -> Int {
        let first = firstDay(endingOn: day)
        var days = Set<Day>()
        for entry in entries {
            guard case .parcel(_, .handedOut) = entry.what else { continue }
            let visit = Day(entry.at, in: zone)
            if first <= visit, visit <= day { days.insert(visit) }
        }
        return days.count
    }

    /// Whether `customer`, whose timeline holds `entries`, is a regular on `day`: by hand, or by
    /// ``visits(in:endingOn:in:)``.
    public func isRegular(_ customer: Customer, timeline entries: [TimelineEntry], on day: Day, in zone: TimeZone) -> Bool {
        customer.regularByHand || visits(in: entries, endingOn: day, in: zone) >= visits
    }

    /// What is wrong with the rule, one sentence each.
    var problems: [String] {
        var found: [String] = []
        if !Self.visitRange.contains(visits) { found.append("regular.visits must be 1 to \(Self.visitRange.upperBound), not \(visits)") }
        if !Self.dayRange.contains(days) { found.append("regular.days must be 1 to \(Self.dayRange.upperBound), not \(days)") }
        return found
    }
}
