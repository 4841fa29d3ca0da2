import Foundation

/// Erasing a customer's personal data on request (GDPR article 17): what of a customer is
/// personal in each record and event, and the same record with it replaced.
///
/// Personal, and replaced: the customer record's name (by ``marker``), key (by
/// ``key(of:)``: the initials are the name's, and a chosen key is often the person's own
/// word), phones, e-mail and note (removed), and proxies (removed: they are other people's
/// names); on their parcels the name printed on them (``marker``) and the key written on them;
/// the name and ID note of a proxy who collected their parcels, a refusal's reason and proxy
/// name; their queue entries' notes; the manifest lines their parcels arrived as (name
/// ``marker``, phone removed). Kept, so that counts, slots, statuses, the audit trail and
/// other customers' records stay as they were: every id, tracking number, carrier, slot, time,
/// staff id, status and verification kind, their drop-offs (a tracking number, a carrier and
/// their id: nothing personal once the record is scrubbed) and pickup codes.
///
/// A customer is erased by ``ShopState/erase(_:_:)`` (refused while parcels of theirs are in
/// the shop: the label needs the name to hand out by, so they go out or back first), which
/// records ``Event/customerErased(customer:)``; applying it scrubs the live state. The store
/// then rewrites every journal line holding their data with ``scrubbed(_:seq:)``, after
/// ``survey(_:seq:)`` has seen the whole journal, so the state a replay of the rewritten
/// journal gives is the state before it with the erasure applied.
///
/// Also replaced: an edited record as the customer record, their retired keys (removed), the
/// texts of their contacts and of their cases and the cases' updates (``marker``). The records
/// of customers merged into theirs are theirs (``init(customers:merged:)``).
///
/// A new kind of record holding a customer's data is one case of ``scrubbed(_:seq:)`` (the
/// lines to rewrite follow from it) and its live-state counterpart one line of
/// ``ShopState/applyErasure(of:)``; a new reason to refuse one guard of ``ShopState/erase(_:_:)``.
public struct Erasure: Sendable {
    /// What replaces a name or a text: no language, nothing of the person.
    public static let marker = "***"

    /// The key an erased customer gets: `#` and their number (`#C12`), unique, and no key a
    /// person can type (keys are letters and digits).
    public static func key(of customer: CustomerID) -> CustomerKey { CustomerKey(stored: "#" + customer.description) }

    /// The customers erased.
    public let customers: Set<CustomerID>
    /// The line of each one's erasure, as surveyed: what comes after it is not rewritten (a
    /// rewrite leaves what was recorded after the erasure as it is, so running it again
    /// changes nothing).
    private var erasedAt: [CustomerID: Int] = [:]
    /// Their parcels (received before their erasure) and whose each is.
    private var parcels: [ParcelID: CustomerID] = [:]
    /// The manifest lines announcing their parcels: the tracking numbers in the
    /// `parcelsExpected` entry of each sequence number.
    private var manifestLines: [Int: Set<TrackingNumber>] = [:]
    /// The lines surveyed whose entry names their data itself (manifest lines aside).
    private var touched: Set<Int> = []
    /// Manifest lines of each number not yet arrived: the next parcel received with it is
    /// what they announced.
    private var announced: [TrackingNumber: [Int]] = [:]
    /// Of each parcel received as announced, its number and the manifest lines it arrived as
    /// (given back when its receipt is undone, for the next receipt of the number).
    private var arrivals: [ParcelID: (tracking: TrackingNumber, lines: [Int])] = [:]

    /// Each customer merged into another, to the one they are now (``ShopRecords/mergedCustomers``).
    private let merged: [CustomerID: CustomerID]
    /// Whose each case is, as surveyed.
    private var caseOwners: [CaseID: CustomerID] = [:]

    /// An erasure of `customers`; `merged` (the state's ``ShopRecords/mergedCustomers``) makes
    /// the lines of the records merged into theirs theirs too.
    public init(customers: Set<CustomerID>, merged: [CustomerID: CustomerID]) {
        self.customers = customers
        self.merged = merged
    }

    /// Whether `customer` (or the one they were merged into) is one erased and line `seq`
    /// comes before their erasure.
    private func isTheirs(_ customer: CustomerID, at seq: Int) -> Bool {
        let owner = merged[customer] ?? customer
        return customers.contains(owner) && seq < erasedAt[owner, default: .max]
    }

    /// Whether the parcel is theirs, as of line `seq`.
    private func isTheirs(_ parcel: ParcelID, at seq: Int) -> Bool {
        parcels[parcel].map { isTheirs($0, at: seq) } ?? false
    }

    /// Notes what journal entry `seq` says of whose parcels are whose; call it for every
    /// entry in order before scrubbing any.
    public mutating func survey(_ record: Record, seq: Int) {
        switch record.event {
        case .parcelsExpected(let entries):
            // A line scrubbed already (by an earlier rewrite) has nothing left to take out.
            for entry in entries where Self.scrubbed(entry) != entry { announced[entry.tracking, default: []].append(seq) }
        case .parcelReceived(let parcel):
            let theirs = isTheirs(parcel.customer, at: seq)
            if theirs { parcels[parcel.id] = parcel.customer }
            guard let lines = announced.removeValue(forKey: parcel.tracking) else { break }
            arrivals[parcel.id] = (parcel.tracking, lines)
            if theirs { for line in lines { manifestLines[line, default: []].insert(parcel.tracking) } }
        case .receiptUndone(let id):
            guard let arrival = arrivals.removeValue(forKey: id) else { break }
            for line in arrival.lines { manifestLines[line]?.remove(arrival.tracking) }
            announced[arrival.tracking, default: []] += arrival.lines
        case .customerErased(let customer) where customers.contains(customer) && erasedAt[customer] == nil:
            erasedAt[customer] = seq
        case .caseOpened(let opened):
            caseOwners[opened.id] = opened.customer
        default:
            break
        }
        if scrubbed(record, seq: seq) != record { touched.insert(seq) }
    }

    /// The journal lines to rewrite: every line surveyed that holds their data.
    public var linesToRewrite: Set<Int> { touched.union(manifestLines.filter { !$0.value.isEmpty }.keys) }

    /// Journal entry `seq` with the customers' personal data replaced; the same record when it
    /// holds none. Needs ``survey(_:seq:)`` of the whole journal first (a manifest line is
    /// known as theirs only once their parcel arrived).
    public func scrubbed(_ record: Record, seq: Int) -> Record {
        var record = record
        switch record.event {
        case .customerAdded(let customer) where isTheirs(customer.id, at: seq):
            record.event = .customerAdded(Self.scrubbed(customer))
        case .parcelReceived(let parcel) where isTheirs(parcel.customer, at: seq):
            record.event = .parcelReceived(Self.scrubbed(parcel))
        case .parcelsHandedOut(let ids, let verification, let proxyName, let proxyID) where ids.contains(where: { isTheirs($0, at: seq) }):
            record.event = .parcelsHandedOut(parcels: ids, verification: verification,
                                             proxyName: proxyName.map(Self.text), proxyID: proxyID.map(Self.text))
        case .handOutRefused(let customer, let ids, let reason, let proxyName) where isTheirs(customer, at: seq):
            record.event = .handOutRefused(customer: customer, parcels: ids, reason: Self.text(reason), proxyName: proxyName.map(Self.text))
        case .proxyAuthorised(let customer, var proxy) where isTheirs(customer, at: seq):
            proxy.name = Self.marker
            record.event = .proxyAuthorised(customer: customer, proxy: proxy)
        case .proxyRevoked(let customer, _) where isTheirs(customer, at: seq):
            record.event = .proxyRevoked(customer: customer, name: Self.marker)
        case .queueEntryAdded(let entry) where isTheirs(entry.customer, at: seq):
            record.event = .queueEntryAdded(Self.scrubbed(entry))
        case .customerEdited(let customer) where isTheirs(customer.id, at: seq):
            record.event = .customerEdited(Self.scrubbed(customer))
        case .contactLogged(let contact) where isTheirs(contact.customer, at: seq):
            record.event = .contactLogged(Self.scrubbed(contact))
        case .caseOpened(let opened) where isTheirs(opened.customer, at: seq):
            record.event = .caseOpened(Self.scrubbed(opened))
        case .caseUpdated(let id, let update) where caseOwners[id].map({ isTheirs($0, at: seq) }) == true:
            record.event = .caseUpdated(case: id, Self.scrubbed(update))
        case .parcelsExpected(let entries):
            guard let theirs = manifestLines[seq], !theirs.isEmpty else { break }
            record.event = .parcelsExpected(entries.map { theirs.contains($0.tracking) ? Self.scrubbed($0) : $0 })
        default:
            break
        }
        return record
    }

    // MARK: - One value at a time (the journal's events and the live state share these)

    /// A text replaced: the marker.
    static func text(_: String) -> String { marker }

    static func scrubbed(_ customer: Customer) -> Customer {
        var customer = customer
        customer.name = marker
        customer.key = key(of: customer.id)
        customer.phones = []
        customer.email = nil
        customer.note = nil
        customer.proxies = []
        customer.retiredKeys = []
        return customer
    }

    static func scrubbed(_ contact: Contact) -> Contact {
        var contact = contact
        contact.text = marker
        return contact
    }

    static func scrubbed(_ update: CaseUpdate) -> CaseUpdate {
        var update = update
        update.text = update.text.map(text)
        return update
    }

    static func scrubbed(_ opened: Case) -> Case {
        var opened = opened
        opened.text = marker
        opened.updates = opened.updates.map(scrubbed)
        return opened
    }

    static func scrubbed(_ parcel: Parcel) -> Parcel {
        var parcel = parcel
        parcel.recipientName = marker
        parcel.key = key(of: parcel.customer)
        if case .handedOut(var handOut) = parcel.status {
            handOut.proxyName = handOut.proxyName.map(text)
            handOut.proxyID = handOut.proxyID.map(text)
            parcel.status = .handedOut(handOut: handOut)
        }
        return parcel
    }

    static func scrubbed(_ entry: CustomerLogEntry) -> CustomerLogEntry {
        var entry = entry
        entry.text = marker
        entry.proxyName = entry.proxyName.map(text)
        return entry
    }

    static func scrubbed(_ entry: QueueEntry) -> QueueEntry {
        var entry = entry
        entry.note = entry.note.map(text)
        return entry
    }

    static func scrubbed(_ expected: ExpectedParcel) -> ExpectedParcel {
        var expected = expected
        expected.name = marker
        expected.phone = nil
        return expected
    }
}

extension ShopState {
    /// Whether the customer's personal data was erased.
    public func isErased(_ customer: CustomerID) -> Bool { records.erasedCustomers.contains(customer) }

    /// Decides to erase the customer's personal data (see ``Erasure``). Refused while parcels
    /// of theirs are in the shop (waiting on a shelf or returning in the outbound area): the
    /// label needs a name to hand out by, so they go out or back first; and while a case of
    /// theirs is open: it is a promise the shop made them, closed (saying so) before it goes. Erasing an erased
    /// customer again decides nothing (the store completes its rewrite). The outcome is what
    /// goes: the record as it was, and how many of their parcels the journal's live state names.
    public func erase(_ customer: CustomerID, _ context: Context) throws(DomainError) -> Decision<ErasureOutcome> {
        guard let known = records.customers[customer] else { throw .unknownCustomer(customer.description) }
        let outcome = ErasureOutcome(customer: known, alreadyErased: isErased(customer))
        if outcome.alreadyErased { return Decision(events: [], outcome: outcome) }
        let inShop = parcelsInShop(for: customer)
        guard inShop.isEmpty else { throw .erasureWithParcelsInShop(key: known.key, parcels: inShop.map(\.tracking)) }
        let open = openCustomerCases(customer)
        guard open.isEmpty else { throw .erasureWithOpenCases(key: known.key, cases: open.map(\.id)) }
        return Decision(events: [.customerErased(customer: customer)], outcome: outcome)
    }

    /// Applies ``Event/customerErased(customer:)``: the customer's record, their parcels,
    /// log, queue entries and the manifest entries their parcels arrived as scrubbed in live
    /// state, and the customer marked erased.
    mutating func applyErasure(of id: CustomerID) {
        guard let customer = records.customers[id] else { return }
        records.erasedCustomers.insert(id)
        insert(Erasure.scrubbed(customer))
        for parcel in records.parcels.values.filter({ $0.customer == id }) {
            update(parcel.id) { $0 = Erasure.scrubbed($0) }
            if records.expected[parcel.tracking]?.arrivedAs == parcel.id {
                records.expected[parcel.tracking] = records.expected[parcel.tracking].map(Erasure.scrubbed)
            }
        }
        if let log = records.customerLogs[id] { records.customerLogs[id] = log.map(Erasure.scrubbed) }
        for entry in records.queue.values.filter({ $0.customer == id }) { insert(Erasure.scrubbed(entry)) }
        for contact in records.contacts.values where contact.customer == id { records.contacts[contact.id] = Erasure.scrubbed(contact) }
        for opened in customerCases(id) { insert(Erasure.scrubbed(opened)) }
    }
}

/// What an erasure decided: the customer as they were before (to say what goes), and whether
/// they were erased already.
public struct ErasureOutcome: Sendable, Equatable {
    public var customer: Customer
    public var alreadyErased: Bool
}
