import Foundation
@testable import ButikDomain

/// A tiny shop for tests: shelf A (A1-A3, two small parcels each), shelf L (L1, one large
/// parcel), FLOOR and OUT; PostNord holds 7 days, Amazon 14; Europe/Oslo.
enum Fixtures {
    static let layout = ShopLayout(
        schema: 1,
        name: "Test shop",
        timeZone: "Europe/Oslo",
        shelves: [
            .init(id: "A", slots: 3, capacity: 2, size: .small),
            .init(id: "L", slots: 1, capacity: 1, size: .large),
        ],
        overflow: .init(id: "FLOOR", name: "Floor"),
        outbound: .init(id: "OUT", name: "Outbound"),
        defaultHoldDays: 10,
        carriers: [
            .init(id: "postnord", name: "PostNord", holdDays: 7),
            .init(id: "amazon", name: "Amazon", holdDays: 14),
        ])

    /// Tuesday 2026-03-10 12:00 UTC (13:00 in Oslo).
    static let now = Date(timeIntervalSince1970: 1_773_144_000)
    static let today = Day(year: 2026, month: 3, day: 10)!

    static let oslo = TimeZone(identifier: "Europe/Oslo")!
    static let utc = TimeZone(identifier: "UTC")!

    static func context(at date: Date = now, staff: StaffID = "kari", layout: ShopLayout = layout) -> Context {
        Context(layout: layout, now: date, staff: staff)
    }

    /// `seconds` after ``now``.
    static func later(_ seconds: TimeInterval, staff: StaffID = "kari") -> Context {
        context(at: now.addingTimeInterval(seconds), staff: staff)
    }

    static func tracking(_ code: String, format: TrackingFormat = .s10, checkDigit: CheckDigitStatus = .verified) -> ParsedTracking {
        ParsedTracking(number: TrackingNumber(code), format: format, checkDigit: checkDigit)
    }

    static let a1 = SlotID("A1"), a2 = SlotID("A2"), a3 = SlotID("A3"), l1 = SlotID("L1")
    static let floor = SlotID("FLOOR"), out = SlotID("OUT")
}

extension ShopState {
    /// Applies a decision's events as journal records of `context`, returning its outcome.
    @discardableResult
    mutating func commit<Outcome>(_ decision: Decision<Outcome>, _ context: Context) -> Outcome {
        apply(decision, context)
        return decision.outcome
    }

    /// Adds a customer and applies it.
    @discardableResult
    mutating func addTestCustomer(_ name: String, key: String? = nil, phones: [String] = [],
                                  _ context: Context = Fixtures.context()) throws -> Customer {
        commit(try addCustomer(NewCustomer(name: name, key: key, phones: phones), context), context)
    }

    /// Receives a parcel and applies it.
    @discardableResult
    mutating func receiveTestParcel(_ code: String, for recipient: Recipient, carrier: CarrierID? = nil,
                                    size: SizeClass = .small, again: Bool = false,
                                    _ context: Context = Fixtures.context()) throws -> Received {
        let request = ReceiveRequest(tracking: Fixtures.tracking(code), recipient: recipient, carrier: carrier, size: size, again: again)
        return commit(try receive(request, context), context)
    }

    /// Receives a parcel for a known customer and applies it.
    @discardableResult
    mutating func receiveTestParcel(_ code: String, for customer: Customer, size: SizeClass = .small, again: Bool = false,
                                    _ context: Context = Fixtures.context()) throws -> Parcel {
        try receiveTestParcel(code, for: .customer(customer.id), size: size, again: again, context).parcel
    }

    /// The error a throwing domain call threw, or nil.
    func domainError<T>(_ body: (ShopState) throws -> T) -> DomainError? {
        do {
            _ = try body(self)
            return nil
        } catch {
            return error as? DomainError
        }
    }
}

/// A shop decided step by step that keeps the journal records it applied, for a history.
struct RecordedShop {
    var state = ShopState()
    private(set) var records: [Record] = []

    /// Applies a decision's events as records of `context`, keeping them; returns its outcome.
    mutating func run<Outcome>(_ decision: Decision<Outcome>, _ context: Context) -> Outcome {
        records += decision.events.map(context.record)
        return state.commit(decision, context)
    }

    /// The history of the records kept, in Oslo.
    var history: History {
        var history = History(zone: Fixtures.oslo)
        for (index, record) in records.enumerated() { history.apply(record, seq: index + 1) }
        return history
    }
}

/// Codes in tests as literals (`parcel.pickupCode == "1234"`), taken as written.
extension PickupCode: ExpressibleByStringLiteral {
    public init(stringLiteral digits: String) { self.init(stored: digits) }
}

/// Keys in tests as literals (`customer.key == "JFJ"`), taken as written.
extension CustomerKey: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}

/// Staff ids in tests as literals (`Context(..., staff: "kari")`), taken as written.
extension StaffID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}

/// Carrier ids in tests as literals (`ReceiveRequest(..., carrier: "postnord")`), taken as written.
extension CarrierID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}
