import ButikDomain
import ButikText
import Foundation

/// A parcel as `--json` prints it.
struct ParcelView: Encodable {
    let tracking: String
    let format: String
    let checkDigit: String
    let carrier: String
    let recipient: String
    let key: String
    let slot: String
    let size: String
    let deadline: Day
    let daysLeft: Int
    let status: String
    let receivedAt: Date
    let receivedBy: String
    let handedOutAt: Date?
    let verification: String?
    let proxyName: String?
    let pickupCode: PickupCode?
    /// What the clerk noted of the proxy's own ID.
    let proxyID: String?

    init(_ parcel: Parcel, today: Day) {
        tracking = parcel.tracking.value
        format = parcel.format.rawValue
        checkDigit = parcel.checkDigit.rawValue
        carrier = parcel.carrier.value
        recipient = parcel.recipientName
        key = parcel.key.value
        slot = parcel.slot.value
        size = parcel.size.rawValue
        deadline = parcel.deadline
        daysLeft = parcel.deadline.days(since: today)
        receivedAt = parcel.receivedAt
        receivedBy = parcel.receivedBy.value
        pickupCode = parcel.pickupCode
        switch parcel.status {
        case .waiting: status = "waiting"
        case .handedOut: status = "handedOut"
        case .returning: status = "returning"
        case .collected: status = "collected"
        }
        if case .handedOut(let handOut) = parcel.status {
            handedOutAt = handOut.at
            verification = handOut.verification.rawValue
            proxyName = handOut.proxyName
            proxyID = handOut.proxyID
        } else {
            handedOutAt = nil
            verification = nil
            proxyName = nil
            proxyID = nil
        }
    }
}

/// A customer as `--json` prints it.
struct CustomerView: Encodable {
    let key: String
    let name: String
    let keyIsChosen: Bool
    let phones: [String]
    let email: String?
    let note: String?
    /// Who may collect for them, in the order registered.
    let proxies: [Proxy]
    /// `counter`, `phone`, `email`, ... (see ``ContactChannel``).
    let channel: ContactChannel?
    let language: Language?
    let regularByHand: Bool
    let personalOnly: Bool
    /// Keys of records merged into theirs, and keys they had before.
    let retiredKeys: [String]
    let waiting: Int
    /// Their log, oldest first.
    let log: [LogEntryView]

    init(_ customer: Customer, in state: ShopState) {
        key = customer.key.value
        name = customer.name
        keyIsChosen = customer.keyIsChosen
        phones = customer.phones
        email = customer.email
        note = customer.note
        proxies = customer.proxies
        (channel, language, regularByHand, personalOnly) = (customer.channel, customer.language, customer.regularByHand, customer.personalOnly)
        retiredKeys = customer.retiredKeys.map(\.value)
        waiting = state.parcelsInShop(for: customer.id).filter { $0.status == .waiting }.count
        log = state.log(of: customer.id).map(LogEntryView.init)
    }
}

extension Parcel {
    /// One table row for people, in `words`: tracking, key, name, slot, state, deadline.
    func row(today: Day, _ words: Words) -> [String] {
        let left = deadline.days(since: today)
        let due = left < 0 ? Phrase("cli.parcel.overdue", ["n": .count(-left)])
            : left == 0 ? Phrase("cli.parcel.dueToday") : Phrase("cli.parcel.daysLeft", ["n": .count(left)])
        return [tracking.value, key.value, recipientName, slot.value, words.text(status.kind.phrase),
                words.text("cli.parcel.deadline", ["deadline": .date(deadline), "due": .phrase(due)])]
    }
}

/// A drop-off as `--json` prints it.
struct DropOffView: Encodable {
    let receipt: String
    let tracking: String
    let carrier: String
    let customer: String?
    let at: Date
    let staff: String

    init(_ dropOff: DropOff, in state: ShopState) {
        receipt = dropOff.receipt
        tracking = dropOff.tracking.value
        carrier = dropOff.carrier.value
        customer = dropOff.customer.flatMap { state.customers[$0]?.key.value }
        at = dropOff.at
        staff = dropOff.staff.value
    }
}

/// A pickup queue entry as `--json` prints it, with where the customer's waiting parcels are.
struct QueueEntryView: Encodable {
    struct Slotted: Encodable {
        let tracking: String
        let slot: String
    }

    let id: String
    let key: String
    let name: String
    /// `atCounter` or `announced`.
    let kind: String
    let announcedFor: Date?
    let note: String?
    let addedAt: Date
    let addedBy: String
    let status: String
    let fetchingBy: String?
    let parcels: [Slotted]
    /// The slots to fetch `parcels` from, in the layout's order (``FetchList``).
    let slots: [String]

    init(_ entry: QueueEntry, in state: ShopState, _ layout: ShopLayout) {
        let customer = state.customers[entry.customer]
        id = entry.id.description
        key = customer?.key.value ?? entry.customer.description
        name = customer?.name ?? ""
        kind = entry.announcedFor == nil ? "atCounter" : "announced"
        announcedFor = entry.announcedFor
        note = entry.note
        addedAt = entry.addedAt
        addedBy = entry.addedBy.value
        status = entry.status.rawValue
        fetchingBy = entry.fetchingBy?.value
        let fetch = state.fetchList(for: entry.customer, layout)
        parcels = fetch.stops.flatMap(\.parcels).map { Slotted(tracking: $0.tracking.value, slot: $0.slot.value) }
        slots = fetch.slots.map(\.value)
    }

    /// Where the parcels are, for people in `words`: their slots, or `at counter` once they are ready.
    func whereParcelsAre(_ words: Words) -> String {
        status == QueueEntry.Status.ready.rawValue ? words.text(Phrase("cli.queue.parcelsAtCounter")) : slots.joined(separator: " ")
    }

    /// For people, in `words`: `at the counter, waiting`, `announced for 15:00, fetching (per)`.
    func phrase(in zone: TimeZone, _ words: Words) -> String {
        let when = announcedFor.map { Phrase("cli.queue.announced", ["time": .text(words.time(minuteOfDay: LocalMoment($0, in: zone).minuteOfDay))]) }
            ?? Phrase("cli.queue.atCounter")
        let arguments: [String: Phrase.Argument] = ["when": .phrase(when), "staff": .text(fetchingBy ?? ""),
                                                    "status": QueueEntry.Status(rawValue: status).map { .phrase($0.phrase) } ?? .text(status)]
        return words.text(fetchingBy == nil ? Phrase("cli.queue.entry", arguments) : Phrase("cli.queue.entryFetching", arguments))

    }

}

/// A customer log entry as `--json` prints it.
struct LogEntryView: Encodable {
    let kind: String
    let text: String
    let parcels: [String]
    let at: Date
    let staff: String
    /// The proxy whose hand-out was refused.
    let proxyName: String?

    init(_ entry: CustomerLogEntry) {
        kind = entry.kind.rawValue
        text = entry.text
        parcels = entry.parcels.map(\.value)
        at = entry.at
        staff = entry.staff.value
        proxyName = entry.proxyName
    }
}
