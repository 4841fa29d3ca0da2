import Foundation

/// One line of a customer's timeline: a parcel of theirs received, handed out, returned...,
/// a refusal noted in their log, a proxy registered or withdrawn, a return parcel dropped off,
/// their record changed, another record merged into theirs, a contact logged, a case opened or
/// changed.
public struct TimelineEntry: Codable, Equatable, Sendable {
    public enum What: Codable, Equatable, Sendable {
        /// A step of one of their parcels (receipt, hand-out, undo, return, collection).
        case parcel(TrackingNumber, ParcelStep.What)
        /// A hand-out refused at the counter, with the parcels it concerned; `proxyName` when it
        /// was a proxy's.
        case refused(reason: String, parcels: [TrackingNumber], proxyName: String?)
        case proxyAuthorised(name: String)
        case proxyRevoked(name: String)
        case droppedOff(tracking: TrackingNumber, receipt: String, carrier: CarrierID)
        /// Their record was changed; `note` is its note after the change.
        case edited(note: String?)
        /// The record `from` was merged into theirs: its past is on this timeline too.
        case merged(from: CustomerID)
        case contact(ContactID, channel: ContactChannel, about: Contact.About, text: String)
        case caseOpened(CaseID, kind: CaseKind, text: String)
        case caseUpdated(CaseID, CaseUpdate)
    }

    /// The journal entry's sequence number.
    public var seq: Int
    public var at: Date
    public var staff: StaffID
    public var what: What
}

/// One page of a customer's timeline, newest first.
public struct TimelinePage: Equatable, Sendable {
    public var entries: [TimelineEntry]
    /// 1-based.
    public var page: Int
    /// At least 1, also when there are no entries.
    public var pageCount: Int
    /// Entries on every page together.
    public var total: Int
}

/// How a customer's timeline is kept: parcel steps by reference to the parcel's story (no copy
/// of what the story holds), the rest in full. Read outside the domain only to be stored as it
/// is (see ``History/Part``); ``History/timeline(of:since:page:pageSize:)`` reads it for people.
public struct TimelineItem: Codable, Equatable, Sendable {
    public enum What: Codable, Equatable, Sendable {
        case parcel(ParcelID, step: Int)
        case refused(reason: String, parcels: [TrackingNumber], proxyName: String?)
        case proxyAuthorised(name: String)
        case proxyRevoked(name: String)
        case droppedOff(DropOffID, tracking: TrackingNumber, carrier: CarrierID)
        case edited(note: String?)
        case merged(from: CustomerID)
        case contact(ContactID, channel: ContactChannel, about: Contact.About, text: String)
        case caseOpened(CaseID, kind: CaseKind, text: String)
        case caseUpdated(CaseID, CaseUpdate)
    }

    public internal(set) var seq: Int
    public internal(set) var at: Date
    public internal(set) var staff: StaffID
    public internal(set) var what: What

    /// An item as a store kept it, read back field by field (``History`` makes items by
    /// applying records).
    public init(seq: Int, at: Date, staff: StaffID, what: What) {
        self.seq = seq
        self.at = at
        self.staff = staff
        self.what = what
    }
}

extension TimelineEntry.What {
    /// A few words for people: "RR123456785NO handed out to the recipient, photo ID checked".
    public var phrase: String {
        switch self {
        case .parcel(let tracking, let what): "\(tracking) \(what.phrase)"
        case .refused(let reason, let parcels, let proxyName):
            "hand-out\(proxyName.map { " to proxy \($0)" } ?? "") refused"
                + "\(parcels.isEmpty ? "" : " (\(parcels.map(\.value).joined(separator: ", ")))"): \(reason)"
        case .proxyAuthorised(let name): "\(name) may collect for them"
        case .proxyRevoked(let name): "\(name) may no longer collect for them"
        case .droppedOff(let tracking, let receipt, let carrier): "return parcel \(tracking) dropped off for \(carrier), receipt \(receipt)"
        case .edited(let note): "record changed\(note.map { "; note: \($0)" } ?? "")"
        case .merged(let from): "record \(from) merged into this one"
        case .contact(_, let channel, let about, let text): "contact by \(channel.rawValue)\(about.phrase): \(text)"
        case .caseOpened(let id, let kind, let text): "case \(id) opened (\(kind.code)): \(text)"
        case .caseUpdated(let id, let update): "case \(id) \(update.phrase)"
        }
    }
}

extension Contact.About {
    /// ` about RR123456785NO`, ` about case #3`, or nothing for a question.
    var phrase: String {
        switch self {
        case .parcel(let tracking): " about \(tracking)"
        case .case(let id): " about case \(id)"
        case .question: ""
        }
    }
}

extension CaseUpdate {
    /// What changed: "status waitingForCarrier, follow-up 2026-12-04: asked PostNord".
    var phrase: String {
        var changes: [String] = []
        if let status { changes.append("status \(status.rawValue)") }
        if let owner { changes.append("owner \(owner)") }
        if let followUp { changes.append("follow-up \(followUp)") }
        if !addedParcels.isEmpty { changes.append("parcels \(addedParcels.map(\.value).joined(separator: ", "))") }
        return changes.joined(separator: ", ") + (text.map { changes.isEmpty ? $0 : ": \($0)" } ?? "")
    }
}
