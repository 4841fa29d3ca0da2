import Foundation

/// Small parcels go on shelves; large ones on large-parcel slots or the floor.
public enum SizeClass: String, Codable, Sendable, CaseIterable {
    case small, large
}

/// A place a parcel can be: a shelf slot (`A1`), the overflow area (`FLOOR`) or the outbound
/// area (`OUT`). Ordered naturally: `A2` before `A10`.
public struct SlotID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value.uppercased() }
    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
    public var description: String { value }

    public static func < (lhs: SlotID, rhs: SlotID) -> Bool {
        let (lp, ln) = lhs.split, (rp, rn) = rhs.split
        return lp != rp ? lp < rp : (ln ?? -1) < (rn ?? -1)
    }

    private var split: (String, Int?) {
        let prefix = value.prefix(while: { !$0.isNumber })
        return (String(prefix), Int(value.dropFirst(prefix.count)))
    }
}

/// The shop's physical layout and carrier rules, read from the store's `shop.json`.
public struct ShopLayout: Codable, Equatable, Sendable {
    /// A shelf (a cabinet) with slots `<id>1` ... `<id><slots>`.
    public struct Shelf: Codable, Equatable, Sendable {
        public var id: String
        public var slots: Int
        public var capacity: Int
        public var size: SizeClass
    }

    /// The overflow (floor) or outbound area: no capacity limit.
    public struct Area: Codable, Equatable, Sendable {
        public var id: String
        public var name: String
    }

    /// A carrier and how long its parcels wait before going back to the sender.
    public struct Carrier: Codable, Equatable, Sendable {
        public var id: CarrierID
        public var name: String
        public var holdDays: Int
        /// Deadlines in the summer and Christmas holidays move later (Posten's rule, see
        /// ``HolidayShift``).
        public var holidayShifts: Bool? = nil
        /// How many days after its arrival a parcel may wait at most, extended when the customer
        /// asks (Posten: 14 in all); ``ShopLayout/defaultMaxHoldDays`` when the file leaves it out.
        public var maxHoldDays: Int? = nil
        /// When damage found after arrival must be reported; none shown when the file leaves it out.
        public var claims: ClaimRule? = nil
    }

    /// One shelf slot.
    public struct Slot: Equatable, Sendable {
        public var id: SlotID
        public var shelf: String
        public var capacity: Int
        public var size: SizeClass
    }

    public static let schemaVersion = 1

    /// How many days after its arrival a parcel of a carrier without ``Carrier/maxHoldDays``
    /// (or no longer in the file) may wait at most: 14, as Posten/Bring and PostNord allow.
    public static let defaultMaxHoldDays = 14

    public var schema: Int
    public var name: String
    /// IANA time zone of the shop, e.g. `Europe/Oslo`; decides which day a deadline falls on.
    public var timeZone: String
    public var shelves: [Shelf] {
        didSet { slots = ShopLayout.slots(of: shelves) }
    }
    public var overflow: Area
    public var outbound: Area
    /// Hold days for a carrier not in `carriers`.
    public var defaultHoldDays: Int
    public var carriers: [Carrier]
    /// How many minutes after a hand-out it can still be undone; 10 when the file leaves it out.
    public var undoMinutes: Int
    /// Whether the counter may hand out with Enter without scanning each parcel; false (scan
    /// each parcel) when the file leaves it out.
    public var handOutWithoutScan: Bool
    /// The longest pause between two characters of one barcode scan, in milliseconds; 50 when
    /// the file leaves it out. Raise it for a slow scanner or a terminal reached over a network.
    public var scanGapMilliseconds: Int
    /// The program's own daily backups; see ``BackupSettings``.
    public var backups: BackupSettings
    /// When a customer is a regular; 10 visits in 90 days when the file leaves it out.
    public var regular: RegularRule
    /// How long contacts and closed cases are kept; two years when the file leaves it out.
    public var retention: RetentionRule
    /// `language` as the file writes it (`nb`, `sv` or `en`), nil when the file leaves it out;
    /// ``problems`` names any other value.
    public var languageCode: String?
    /// The language the shop's counters speak, when the file names one Butik speaks; see
    /// ``Language/choose(flag:shopFile:environment:)``.
    public var language: Language? { languageCode.flatMap(Language.init(rawValue:)) }

    /// Every shelf slot, in shelf order (kept with the shelves, since decisions read it often).
    /// A shelf with a slot count outside ``Ranges/slotsPerShelf`` (a ``problems`` entry) has
    /// only as many as the range allows.
    public private(set) var slots: [Slot] = []

    private static func slots(of shelves: [Shelf]) -> [Slot] {
        shelves.flatMap { shelf in
            (1...min(max(Ranges.slotsPerShelf.lowerBound, shelf.slots), Ranges.slotsPerShelf.upperBound)).map {
                Slot(id: SlotID("\(shelf.id)\($0)"), shelf: shelf.id, capacity: shelf.capacity, size: shelf.size)
            }
        }
    }

    public init(schema: Int, name: String, timeZone: String, shelves: [Shelf], overflow: Area, outbound: Area,
                defaultHoldDays: Int, carriers: [Carrier], undoMinutes: Int = 10, handOutWithoutScan: Bool = false,
                scanGapMilliseconds: Int = 50, backups: BackupSettings = BackupSettings(), languageCode: String? = nil,
                regular: RegularRule = RegularRule(), retention: RetentionRule = RetentionRule()) {
        self.schema = schema
        self.name = name
        self.timeZone = timeZone
        self.shelves = shelves
        self.overflow = overflow
        self.outbound = outbound
        self.defaultHoldDays = defaultHoldDays
        self.carriers = carriers
        self.undoMinutes = undoMinutes
        self.handOutWithoutScan = handOutWithoutScan
        self.scanGapMilliseconds = scanGapMilliseconds
        self.backups = backups
        self.languageCode = languageCode
        self.regular = regular
        self.retention = retention
        slots = ShopLayout.slots(of: shelves)
    }

    private enum CodingKeys: String, CodingKey {
        case schema, name, timeZone, shelves, overflow, outbound, defaultHoldDays, carriers, undoMinutes, handOutWithoutScan
        case scanGapMilliseconds, backups, regular, retention
        case languageCode = "language"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(schema: try c.decode(Int.self, forKey: .schema), name: try c.decode(String.self, forKey: .name),
                  timeZone: try c.decode(String.self, forKey: .timeZone), shelves: try c.decode([Shelf].self, forKey: .shelves),
                  overflow: try c.decode(Area.self, forKey: .overflow), outbound: try c.decode(Area.self, forKey: .outbound),
                  defaultHoldDays: try c.decode(Int.self, forKey: .defaultHoldDays), carriers: try c.decode([Carrier].self, forKey: .carriers),
                  undoMinutes: try c.decodeIfPresent(Int.self, forKey: .undoMinutes) ?? 10,
                  handOutWithoutScan: try c.decodeIfPresent(Bool.self, forKey: .handOutWithoutScan) ?? false,
                  scanGapMilliseconds: try c.decodeIfPresent(Int.self, forKey: .scanGapMilliseconds) ?? 50,
                  backups: try c.decodeIfPresent(BackupSettings.self, forKey: .backups) ?? BackupSettings(),
                  languageCode: try c.decodeIfPresent(String.self, forKey: .languageCode),
                  regular: try c.decodeIfPresent(RegularRule.self, forKey: .regular) ?? RegularRule(),
                  retention: try c.decodeIfPresent(RetentionRule.self, forKey: .retention) ?? RetentionRule())
    }

    public var overflowID: SlotID { SlotID(overflow.id) }
    public var outboundID: SlotID { SlotID(outbound.id) }
    /// ``undoMinutes`` in seconds.
    public var undoWindow: TimeInterval { TimeInterval(undoMinutes) * 60 }

    /// The carrier with this id or name (case-insensitive): the one way a ``CarrierID`` is
    /// matched; nil for one that is not in the file.
    public func carrier(named id: CarrierID) -> Carrier? {
        let wanted = id.value.lowercased()
        return carriers.first { $0.id.value.lowercased() == wanted || $0.name.lowercased() == wanted }
    }

    /// The name of the carrier `id` names, or the id's text when the file no longer has it.
    public func name(of id: CarrierID) -> String { carrier(named: id)?.name ?? id.value }

    /// The last day `parcel` may wait, however often it is extended: its carrier's
    /// ``Carrier/maxHoldDays`` after the day it arrived, in the shop's time zone.
    public func latestDeadline(of parcel: Parcel) -> Day {
        Day(parcel.receivedAt, in: zone).adding(days: maxHoldDays(ofCarrier: parcel.carrier))
    }

    /// ``Carrier/maxHoldDays`` of the carrier with this id, or the default.
    public func maxHoldDays(ofCarrier id: CarrierID) -> Int {
        carrier(named: id)?.maxHoldDays ?? Self.defaultMaxHoldDays
    }

    /// Whether `id` is a shelf slot or one of the areas.
    public func contains(_ id: SlotID) -> Bool {
        id == overflowID || id == outboundID || slots.contains { $0.id == id }
    }

    /// The time zone, or UTC when the name is unknown (``problems`` reports that).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }

    /// What is wrong with the layout, one sentence each; empty when it is sound.
    public var problems: [String] {
        var found: [String] = []
        if schema > ShopLayout.schemaVersion {
            found.append("schema \(schema) is newer than this Butik understands (\(ShopLayout.schemaVersion))")
        }
        if TimeZone(identifier: timeZone) == nil { found.append("unknown time zone \"\(timeZone)\"") }
        if shelves.isEmpty { found.append("there are no shelves") }
        var seenShelves = Set<String>()
        for shelf in shelves {
            if shelf.id.isEmpty || !shelf.id.allSatisfy({ $0.isLetter }) {
                found.append("shelf id \"\(shelf.id)\" must be letters only")
            }
            if !seenShelves.insert(shelf.id.uppercased()).inserted { found.append("shelf \(shelf.id) is listed twice") }
            if !Ranges.slotsPerShelf.contains(shelf.slots) {
                found.append("shelf \(shelf.id) must have \(Self.phrase(Ranges.slotsPerShelf)) slots, not \(shelf.slots)")
            }
            if !Ranges.slotCapacity.contains(shelf.capacity) {
                found.append("shelf \(shelf.id) must hold \(Self.phrase(Ranges.slotCapacity)) parcels a slot, not \(shelf.capacity)")
            }
        }
        for area in [overflow, outbound] where seenShelves.contains(area.id.uppercased()) || area.id.isEmpty {
            found.append("area id \"\(area.id)\" is empty or clashes with a shelf")
        }
        if overflow.id.uppercased() == outbound.id.uppercased() { found.append("overflow and outbound need different ids") }
        if !Ranges.holdDays.contains(defaultHoldDays) {
            found.append("defaultHoldDays must be \(Self.phrase(Ranges.holdDays)), not \(defaultHoldDays)")
        }
        if !(1...120).contains(undoMinutes) { found.append("undoMinutes must be 1 to 120, not \(undoMinutes)") }
        if !(10...1000).contains(scanGapMilliseconds) {
            found.append("scanGapMilliseconds must be 10 to 1000, not \(scanGapMilliseconds)")
        }
        found += backups.problems
        found += regular.problems
        found += retention.problems
        if let languageCode, language == nil {
            found.append("language \"\(languageCode)\" is not one Butik speaks: use \"nb\", \"sv\" or \"en\", or leave it out")
        }
        var seenCarriers = Set<String>()
        for carrier in carriers {
            if !seenCarriers.insert(carrier.id.value.lowercased()).inserted { found.append("carrier \(carrier.id) is listed twice") }
            if !Ranges.holdDays.contains(carrier.holdDays) {
                found.append("carrier \(carrier.id) must hold parcels \(Self.phrase(Ranges.holdDays)) days, not \(carrier.holdDays)")
            }
            if let most = carrier.maxHoldDays, most < carrier.holdDays || !Ranges.holdDays.contains(most) {
                found.append("carrier \(carrier.id)'s maxHoldDays must be its holdDays (\(carrier.holdDays)) to "
                    + "\(Ranges.holdDays.upperBound), not \(most)")
            }
            found += carrier.claims?.problems(carrier: carrier.id) ?? []
        }
        return found
    }

    /// `1 to 99`.
    private static func phrase(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound) to \(range.upperBound)" }
}
