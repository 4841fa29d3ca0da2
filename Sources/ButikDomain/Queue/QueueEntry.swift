import Foundation

/// A queue entry's number in this store, shown as `Q12`.
public typealias QueueEntryID = Identifier<QueueEntry>

/// A customer at the counter now, or announced for a time (by a call or a message), whose
/// parcels a colleague fetches from the shelves for the clerk to hand out.
public struct QueueEntry: Codable, Equatable, Sendable, IdentifierTag {
    public static var identifierPrefix: String { "Q" }
    public static var recordKind: RecordKind { .queueEntry }

    /// Where an entry is on its way from the counter to the hand-out.
    public enum Status: String, Codable, Sendable {
        /// Nobody is fetching the parcels yet.
        case waiting
        /// A colleague (``QueueEntry/fetchingBy``) is fetching the parcels.
        case fetching
        /// The parcels are at the counter.
        case ready
        /// Closed: the parcels were handed out.
        case done
        /// Closed without a hand-out.
        case cancelled

        /// True while the entry is in the queue.
        public var isOpen: Bool { self == .waiting || self == .fetching || self == .ready }
    }

    /// How an entry leaves the queue.
    public enum Outcome: String, Codable, Sendable {
        case done, cancelled

        /// The status it leaves the entry in.
        public var status: Status { self == .done ? .done : .cancelled }
    }

    public var id: QueueEntryID
    public var customer: CustomerID
    /// When an announced customer said they would come; nil when they are at the counter now.
    public var announcedFor: Date?
    public var note: String?
    public var addedAt: Date
    public var addedBy: StaffID
    public var status: Status
    /// Who is fetching the parcels, once somebody started.
    public var fetchingBy: StaffID?
    /// When the entry was closed (done or cancelled).
    public var closedAt: Date?

    public init(id: QueueEntryID, customer: CustomerID, announcedFor: Date?, note: String?, addedAt: Date, addedBy: StaffID,
                status: Status = .waiting, fetchingBy: StaffID? = nil, closedAt: Date? = nil) {
        self.id = id
        self.customer = customer
        self.announcedFor = announcedFor
        self.note = note
        self.addedAt = addedAt
        self.addedBy = addedBy
        self.status = status
        self.fetchingBy = fetchingBy
        self.closedAt = closedAt
    }

    /// When the customer is (or will be) at the counter: the queue's order.
    public var dueAt: Date { announcedFor ?? addedAt }
}
