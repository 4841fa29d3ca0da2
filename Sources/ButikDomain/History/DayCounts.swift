import Foundation

/// What happened on one day, for the whole shop or one carrier or staff member.
public struct Tally: Codable, Equatable, Sendable {
    /// Hand-outs by how identity was checked.
    public struct ByVerification: Codable, Equatable, Sendable {
        public var id = 0, code = 0, known = 0, proxy = 0

        public init() {}

        public var total: Int { id + code + known + proxy }

        mutating func add(_ verification: Verification) {
            switch verification {
            case .id: id += 1
            case .code: code += 1
            case .known: known += 1
            case .proxy: proxy += 1
            }
        }
    }

    public var received = 0
    /// Receipts taken back (scanned in by mistake).
    public var receiptsUndone = 0
    public var handedOut = ByVerification()
    public var handOutsUndone = 0
    /// Parcels marked to go back to the sender.
    public var returned = 0
    /// Customers' prepaid return parcels taken in.
    public var droppedOff = 0
    /// Parcels and drop-offs the driver took.
    public var collected = 0

    public init() {}
}

/// One day's counts in the shop's time zone: the whole shop, per carrier and per staff member
/// (who recorded it), and the parcels in the shop when the day ended.
public struct DayCounts: Codable, Equatable, Sendable {
    public var day: Day
    public var total = Tally()
    /// By carrier id from the layout.
    public var carriers: [CarrierID: Tally] = [:]
    /// By staff id (its text: a JSON object keyed by it).
    public var staff: [String: Tally] = [:]
    /// Parcels in the shop (waiting or returning) at the end of the day; filled in by
    /// ``History/counts(on:)``, which adds up every earlier day's change.
    public var onHandAtClose = 0

    public init(day: Day) { self.day = day }

    /// Counts one event of `carrier`'s recorded by `staff`.
    mutating func count(carrier: CarrierID, staff member: StaffID, _ change: (inout Tally) -> Void) {
        change(&total)
        change(&carriers[carrier, default: Tally()])
        change(&staff[member.value, default: Tally()])
    }
}
