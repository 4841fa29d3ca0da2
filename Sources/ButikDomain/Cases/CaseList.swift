/// Which cases the shop-wide list shows; nil shows any.
public struct CaseFilter: Equatable, Sendable {
    public var owner: String?
    public var kind: CaseKind?
    /// Nil: every case not resolved.
    public var status: CaseStatus?
    /// Only cases whose follow-up day has come (``Case/isDue(on:)``).
    public var dueOnly: Bool

    public init(owner: String? = nil, kind: CaseKind? = nil, status: CaseStatus? = nil, dueOnly: Bool = false) {
        self.owner = owner
        self.kind = kind
        self.status = status
        self.dueOnly = dueOnly
    }
}

extension ShopState {
    /// The shop's cases as of `today`, "what did we promise whom": follow-ups overdue first
    /// (oldest first), then those due today, then the rest by follow-up day, and last those
    /// without one; each by number within its day. The owner is compared ignoring case.
    public func caseList(_ filter: CaseFilter = CaseFilter(), today: Day) -> [Case] {
        let candidates = filter.status == .resolved ? Array(records.cases.values) : indexes.openCases.compactMap { records.cases[$0] }
        let owner = filter.owner?.lowercased()
        let listed = candidates.filter { found in
            (filter.status.map { found.status == $0 } ?? true)
                && (filter.kind.map { found.kind == $0 } ?? true)
                && (owner.map { found.owner.value.lowercased() == $0 } ?? true)
                && (!filter.dueOnly || found.isDue(on: today))
        }
        return listed.sorted { Self.listOrder($0, today) < Self.listOrder($1, today) }
    }

    /// How many cases not resolved have their follow-up day come by `today`: the count of
    /// `caseList(CaseFilter(dueOnly: true), today:)` without listing, copying or sorting them
    /// (F6's title shows it on every frame).
    public func dueCaseCount(today: Day) -> Int {
        indexes.openFollowUps.reduce(0) { count, entry in entry.key <= today ? count + entry.value : count }
    }

    /// Overdue (0), due today (1), later (2), no follow-up or resolved (3); then the day and the number.
    private static func listOrder(_ listed: Case, _ today: Day) -> (Int, Int, Int) {
        guard listed.status != .resolved, let day = listed.followUp else { return (3, 0, listed.id.rawValue) }
        return (day < today ? 0 : day == today ? 1 : 2, day.ordinal, listed.id.rawValue)
    }
}
