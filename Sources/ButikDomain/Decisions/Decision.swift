import Foundation

/// What a decision needs besides the state: the layout, the moment and who acts.
public struct Context: Sendable {
    public var layout: ShopLayout
    public var now: Date
    public var staff: StaffID

    /// `now` is kept to whole milliseconds, the journal's resolution, so state built live and
    /// state read back from disk are equal.
    public init(layout: ShopLayout, now: Date, staff: StaffID) {
        self.layout = layout
        self.now = Date(timeIntervalSince1970: (now.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
        self.staff = staff
    }

    /// Today in the shop's time zone.
    public var today: Day { Day(now, in: layout.zone) }

    /// Wraps an event into a journal record stamped with this moment and staff member.
    public func record(_ event: Event) -> Record { Record(at: now, staff: staff, event: event) }
}

extension ShopState {
    /// Applies a decision's events as journal records of `context` and returns the records:
    /// how a journal is built in memory (the demo shop, the benchmarks' shops, tests).
    @discardableResult
    public mutating func apply<Outcome>(_ decision: Decision<Outcome>, _ context: Context) -> [Record] {
        let records = decision.events.map(context.record)
        for record in records { apply(record) }
        return records
    }
}

/// The events a command decided on, and what the caller shows once they are durable.
public struct Decision<Outcome: Sendable>: Sendable {
    public var events: [Event]
    public var outcome: Outcome

    public init(events: [Event], outcome: Outcome) {
        self.events = events
        self.outcome = outcome
    }

    /// The same events, with the outcome transformed (say, wrapped into a caller's own outcome).
    public func map<Other: Sendable>(_ transform: (Outcome) -> Other) -> Decision<Other> {
        Decision<Other>(events: events, outcome: transform(outcome))
    }
}
