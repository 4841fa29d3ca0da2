import ButikDomain
import Foundation

/// What a parcel step says, as `--json` prints it beside the step's time and staff: `type`
/// names the kind of event and the fields that kind has are set.
struct StepFields: Encodable {
    /// `received`, `moved`, `extended`, `handedOut`, `handOutUndone`, `refused`, `returning`,
    /// `returnCancelled`, `collected` or `receiptUndone`.
    let type: String
    var slot: String?
    var delivery: String?
    var deadline: Day?
    var verification: String?
    var proxyName: String?
    /// What the clerk noted of the proxy's own ID.
    var proxyID: String?
    var reason: String?

    init(_ what: ParcelStep.What) {
        switch what {
        case .received(let slot, let delivery, let deadline):
            (type, self.slot, self.delivery, self.deadline) = ("received", slot.value, delivery?.description, deadline)
        case .moved(let slot): (type, self.slot) = ("moved", slot.value)
        case .extended(let day): (type, deadline) = ("extended", day)
        case .handedOut(let verification, let name, let note):
            (type, self.verification, proxyName, proxyID) = ("handedOut", verification.rawValue, name, note)
        case .handOutUndone: type = "handOutUndone"
        case .refused(let reason, let name): (type, self.reason, proxyName) = ("refused", reason, name)
        case .returning(let area): (type, slot) = ("returning", area.value)
        case .returnCancelled(let slot): (type, self.slot) = ("returnCancelled", slot.value)
        case .collected: type = "collected"
        case .receiptUndone: type = "receiptUndone"
        }
    }
}

/// One step of a parcel's story as `--json` prints it: its ``StepFields`` and `text` for people.
struct StepView: Encodable {
    let seq: Int
    let at: Date
    let staff: String
    let text: String
    let fields: StepFields

    init(_ step: ParcelStep) {
        seq = step.seq
        at = step.at
        staff = step.staff.value
        text = step.what.phrase
        fields = StepFields(step.what)
    }

    private enum Keys: String, CodingKey { case seq, at, staff, text }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(at, forKey: .at)
        try c.encode(staff, forKey: .staff)
        try c.encode(text, forKey: .text)
        try fields.encode(to: encoder)
    }
}

/// A parcel's story as `--json` prints it.
struct StoryView: Encodable {
    let id: String
    let tracking: String
    let carrier: String
    let key: String
    let recipient: String
    /// `waiting`, `returning`, `handedOut`, `collected` or `receiptUndone`.
    let status: String
    /// Oldest first.
    let steps: [StepView]

    init(_ story: ParcelStory) {
        id = story.id.description
        tracking = story.tracking.value
        carrier = story.carrier.value
        key = story.key.value
        recipient = story.recipientName
        status = story.status.rawValue
        steps = story.steps.map(StepView.init)
    }
}

/// A parcel no longer in the shop, as `find --json` lists it after the live ones.
struct ClosedParcelView: Encodable {
    let tracking: String
    let carrier: String
    let key: String
    let recipient: String
    /// `handedOut`, `collected` or `receiptUndone`.
    let status: String
    let closedAt: Date?
    let closedBy: String?
    let verification: String?
    let proxyName: String?
    let proxyID: String?

    init(_ story: ParcelStory) {
        tracking = story.tracking.value
        carrier = story.carrier.value
        key = story.key.value
        recipient = story.recipientName
        status = story.status.rawValue
        let closing = story.closing
        closedAt = closing?.at
        closedBy = closing?.staff.value
        if case .handedOut(let verification, let name, let note)? = closing?.what {
            (self.verification, proxyName, proxyID) = (verification.rawValue, name, note)
        } else {
            (verification, proxyName, proxyID) = (nil, nil, nil)
        }
    }
}

/// One entry of a customer's timeline as `--json` prints it; a parcel step carries the
/// parcel's tracking number and its ``StepFields``.
struct TimelineEntryView: Encodable {
    let seq: Int
    let at: Date
    let staff: String
    /// A parcel step's type (see ``StepFields``), or `refusal`, `proxyAuthorised`,
    /// `proxyRevoked`, `droppedOff`, `edited`, `merged`, `contact`, `caseOpened`, `caseUpdated`.
    let type: String
    let text: String
    var step: StepFields?
    var tracking: String?
    var parcels: [String]?
    var reason: String?
    /// The proxy whose hand-out was refused.
    var proxyName: String?
    var name: String?
    var receipt: String?
    var carrier: String?
    /// The note after an edit.
    var note: String?
    /// The record merged in.
    var merged: String?
    /// A contact's channel and what it was about (`parcel` as `tracking`, `case`).
    var channel: String?
    var `case`: Int?
    var kind: String?
    var status: String?
    var owner: String?
    var followUp: Day?

    init(_ entry: TimelineEntry) {
        seq = entry.seq
        at = entry.at
        staff = entry.staff.value
        text = entry.what.phrase
        switch entry.what {
        case .parcel(let number, let what):
            step = StepFields(what)
            type = step?.type ?? ""
            tracking = number.value
        case .refused(let why, let numbers, let proxy): (type, reason, parcels, proxyName) = ("refusal", why, numbers.map(\.value), proxy)
        case .proxyAuthorised(let proxy): (type, name) = ("proxyAuthorised", proxy)
        case .proxyRevoked(let proxy): (type, name) = ("proxyRevoked", proxy)
        case .droppedOff(let number, let given, let taker): (type, tracking, receipt, carrier) = ("droppedOff", number.value, given, taker.value)
        case .edited(let text): (type, note) = ("edited", text)
        case .merged(let from): (type, merged) = ("merged", from.description)
        case .contact(_, let by, let about, let said):
            (type, channel, reason) = ("contact", by.rawValue, said)
            switch about {
            case .parcel(let number): tracking = number.value
            case .case(let id): self.case = id.rawValue
            case .question: break
            }
        case .caseOpened(let id, let what, let said): (type, self.case, kind, reason) = ("caseOpened", id.rawValue, what.code, said)
        case .caseUpdated(let id, let update):
            (type, self.case, status, owner, followUp) = ("caseUpdated", id.rawValue, update.status?.rawValue, update.owner?.value, update.followUp)
            reason = update.text
            parcels = update.addedParcels.isEmpty ? nil : update.addedParcels.map(\.value)
        }
    }

    private enum Keys: String, CodingKey {
        case seq, at, staff, type, text, tracking, parcels, reason, proxyName, name, receipt, carrier, note, merged
        case channel, `case`, kind, status, owner, followUp
    }

    func encode(to encoder: any Encoder) throws {
        try step?.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(at, forKey: .at)
        try c.encode(staff, forKey: .staff)
        try c.encode(type, forKey: .type)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(tracking, forKey: .tracking)
        try c.encodeIfPresent(parcels, forKey: .parcels)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encodeIfPresent(proxyName, forKey: .proxyName)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(receipt, forKey: .receipt)
        try c.encodeIfPresent(carrier, forKey: .carrier)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(merged, forKey: .merged)
        try c.encodeIfPresent(channel, forKey: .channel)
        try c.encodeIfPresent(self.case, forKey: .case)
        try c.encodeIfPresent(kind, forKey: .kind)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(owner, forKey: .owner)
        try c.encodeIfPresent(followUp, forKey: .followUp)
    }
}

/// One day's counts as `report --json` prints them.
struct DayReportView: Encodable {
    struct Counts: Encodable {
        let received: Int
        let receiptsUndone: Int
        let handedOut: Int
        /// Hand-outs by how identity was checked: `id`, `code`, `known`, `proxy`.
        let handedOutBy: Tally.ByVerification
        let handOutsUndone: Int
        let returned: Int
        let droppedOff: Int
        let collected: Int

        init(_ tally: Tally) {
            received = tally.received
            receiptsUndone = tally.receiptsUndone
            handedOut = tally.handedOut.total
            handedOutBy = tally.handedOut
            handOutsUndone = tally.handOutsUndone
            returned = tally.returned
            droppedOff = tally.droppedOff
            collected = tally.collected
        }
    }

    let date: Day
    let timeZone: String
    let total: Counts
    let carriers: [String: Counts]
    let staff: [String: Counts]
    /// Parcels in the shop at the end of the day (so far, for today).
    let onHandAtClose: Int

    init(_ counts: DayCounts, zone: TimeZone) {
        date = counts.day
        timeZone = zone.identifier
        total = Counts(counts.total)
        carriers = Dictionary(uniqueKeysWithValues: counts.carriers.map { ($0.key.value, Counts($0.value)) })
        staff = counts.staff.mapValues(Counts.init)
        onHandAtClose = counts.onHandAtClose
    }
}
