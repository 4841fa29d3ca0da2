import Foundation

/// How long contacts and closed cases are kept (`retention` in `shop.json`): `butik purge`
/// removes what is older. Two years when the file leaves it out: long enough for a carrier's
/// or a customer's late question about a claim, short enough that a shop keeps no old
/// conversations it has no use for.
public struct RetentionRule: Codable, Equatable, Sendable {
    public var days: Int

    public static let dayRange = 30...3660

    public init(days: Int = 730) {
        self.days = days
    }

    /// Reads the rule; a field the file leaves out has its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(days: try c.decodeIfPresent(Int.self, forKey: .days) ?? 730)
    }

    /// The first day kept when purging on `today`: what is older goes.
    public func firstDayKept(on today: Day) -> Day { today.adding(days: -days) }

    /// What is wrong with the rule, one sentence each.
    var problems: [String] {
        Self.dayRange.contains(days) ? [] : ["retention days must be \(Self.dayRange.lowerBound) to \(Self.dayRange.upperBound), not \(days)"]
    }
}

/// What a purge removes: contacts logged before the first day kept, and resolved cases whose
/// last change (opened or updated) came before it. A contact about a case that is kept stays
/// with it: it is part of that case's story. Personal data or not, nothing else goes: the
/// customer records, parcels and counts stay.
///
/// Applying ``Event/purged(contacts:cases:)`` removes them from live state; the store then
/// rewrites each journal line that logged, opened or updated one of them as the same event
/// naming only its id (``scrubbed(_:)``), so a replay of the rewritten journal gives the
/// same state, and the history file, made again from it, no longer holds them. What goes is
/// what the journal's purge events name (``survey(_:)``), so a rewrite that was killed on the
/// way is completed by the next one.
public struct Purge: Sendable, Equatable {
    /// The contacts and cases the journal's purge events name.
    public private(set) var contacts: Set<ContactID> = []
    public private(set) var cases: Set<CaseID> = []
    /// The lines that logged each contact, and that opened or updated each case.
    private var contactLines: [ContactID: [Int]] = [:]
    private var caseLines: [CaseID: [Int]] = [:]

    public init() {}

    /// Notes what journal entry `seq` purges, or which contact or case it wrote; call it for
    /// every entry in order before scrubbing any.
    public mutating func survey(_ record: Record, seq: Int) {
        switch record.event {
        case .purged(let contacts, let cases):
            self.contacts.formUnion(contacts)
            self.cases.formUnion(cases)
        case .contactLogged(let contact): contactLines[contact.id, default: []].append(seq)
        case .caseOpened(let opened): caseLines[opened.id, default: []].append(seq)
        case .caseUpdated(let id, _): caseLines[id, default: []].append(seq)
        default: break
        }
    }

    /// The journal lines to rewrite: those that wrote a contact or case purged.
    public var linesToRewrite: Set<Int> {
        Set(contacts.flatMap { contactLines[$0] ?? [] } + cases.flatMap { caseLines[$0] ?? [] })
    }

    /// The journal entry with what it says of a purged contact or case taken out: the line
    /// becomes ``Event/purged(contacts:cases:)`` of that one id; other entries as they are.
    public func scrubbed(_ record: Record) -> Record {
        var record = record
        switch record.event {
        case .contactLogged(let contact) where contacts.contains(contact.id):
            record.event = .purged(contacts: [contact.id], cases: [])
        case .caseOpened(let opened) where cases.contains(opened.id):
            record.event = .purged(contacts: [], cases: [opened.id])
        case .caseUpdated(let id, _) where cases.contains(id):
            record.event = .purged(contacts: [], cases: [id])
        default:
            break
        }
        return record
    }
}

extension ShopState {
    /// Decides what a purge on the context's day removes under `rule` (see ``Purge``): the
    /// outcome lists it (a dry run shows it and writes nothing); no event when nothing goes.
    public func purge(_ rule: RetentionRule, _ context: Context) -> Decision<PurgeOutcome> {
        let zone = context.layout.zone
        let firstKept = rule.firstDayKept(on: context.today)
        func old(_ at: Date) -> Bool { Day(at, in: zone) < firstKept }
        let cases = records.cases.values.filter { $0.status == .resolved && old($0.lastChangedAt) }
        let goingCases = Set(cases.map(\.id))
        let contacts = records.contacts.values.filter { contact in
            guard old(contact.at) else { return false }
            if case .case(let id) = contact.about, records.cases[id] != nil, !goingCases.contains(id) { return false }
            return true
        }
        let outcome = PurgeOutcome(firstDayKept: firstKept, contacts: contacts.sorted { $0.id < $1.id }, cases: cases.sorted { $0.id < $1.id })
        guard !contacts.isEmpty || !cases.isEmpty else { return Decision(events: [], outcome: outcome) }
        return Decision(events: [.purged(contacts: outcome.contacts.map(\.id), cases: outcome.cases.map(\.id))], outcome: outcome)
    }

    /// Applies ``Event/purged(contacts:cases:)``: the contacts and cases removed (the numbers
    /// they had stay used).
    mutating func applyPurge(contacts: [ContactID], cases: [CaseID]) {
        for id in contacts {
            records.contacts[id] = nil
            records.nextContactNumber = max(records.nextContactNumber, id.rawValue + 1)
        }
        for id in cases {
            if let gone = records.cases.removeValue(forKey: id) { indexes.remove(gone) }
            records.nextCaseNumber = max(records.nextCaseNumber, id.rawValue + 1)
        }
    }
}

extension Case {
    /// When it was opened or last updated: a resolved case goes with retention from then.
    public var lastChangedAt: Date { updates.last?.at ?? openedAt }
}

/// What a purge removes, oldest number first, and the first day it keeps.
public struct PurgeOutcome: Sendable, Equatable {
    public var firstDayKept: Day
    public var contacts: [Contact]
    public var cases: [Case]
}
