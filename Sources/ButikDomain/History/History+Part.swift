import Foundation

extension History {
    /// Pieces of a history by key, as a derived file keeps them, so that a question reads only
    /// the pieces it needs. Each view needs these, complete for their keys:
    /// - ``stories(for:)`` and ``closedStories(matching:limit:)``: the numbers asked for in
    ///   `tracking` and the stories of their parcels;
    /// - ``timeline(of:since:page:pageSize:)``: the customer's timeline and the stories of the
    ///   parcels on it;
    /// - ``counts(on:)``: the day and `onHandChanges` of every day.
    public struct Part: Codable, Equatable, Sendable {
        public var stories: [ParcelID: ParcelStory] = [:]
        /// Every parcel that ever had the number, oldest first.
        public var tracking: [TrackingNumber: [ParcelID]] = [:]
        /// Each customer's timeline, oldest first.
        public var timelines: [CustomerID: [TimelineItem]] = [:]
        public var days: [Day: DayCounts] = [:]
        /// How many more parcels were in the shop at the end of each day than at its start.
        public var onHandChanges: [Day: Int] = [:]
        /// Each drop-off's carrier.
        public var dropOffCarriers: [DropOffID: CarrierID] = [:]
        /// Each case's customer, whose timeline its updates go on.
        public var caseCustomers: [CaseID: CustomerID] = [:]

        public init(stories: [ParcelID: ParcelStory] = [:], tracking: [TrackingNumber: [ParcelID]] = [:],
                    timelines: [CustomerID: [TimelineItem]] = [:], days: [Day: DayCounts] = [:],
                    onHandChanges: [Day: Int] = [:], dropOffCarriers: [DropOffID: CarrierID] = [:],
                    caseCustomers: [CaseID: CustomerID] = [:]) {
            self.stories = stories
            self.tracking = tracking
            self.timelines = timelines
            self.days = days
            self.onHandChanges = onHandChanges
            self.dropOffCarriers = dropOffCarriers
            self.caseCustomers = caseCustomers
        }
    }

    /// What a history must hold before `records` are applied to it so that they change it as
    /// they change the whole history: the stories of the parcels they name, the carriers of
    /// the drop-offs and the customers of the cases. Where they change it: those stories, the
    /// timelines of `customers` (the ones named, with `ownerOf` the owners of the parcels named
    /// and with `customerOf` the customers of the cases named), the numbers received, the days
    /// they happened on (and `onHandChanges`), the drop-offs taken in and the cases opened.
    public struct References: Equatable, Sendable {
        public var parcels: Set<ParcelID> = []
        public var dropOffs: Set<DropOffID> = []
        public var cases: Set<CaseID> = []
        public var customers: Set<CustomerID> = []
        public var tracking: Set<TrackingNumber> = []
        public var days: Set<Day> = []

        public init() {}
    }

    /// The references of `records` (see ``References``); `ownerOf` gives a parcel's customer
    /// and `customerOf` a case's where it is known.
    public func references(of records: some Sequence<Record>, ownerOf: (ParcelID) -> CustomerID? = { _ in nil },
                           customerOf: (CaseID) -> CustomerID? = { _ in nil }) -> References {
        var found = References()
        for record in records {
            found.days.insert(Day(record.at, in: zone))
            found.parcels.formUnion(History.parcels(namedBy: record.event))
            switch record.event {
            case .parcelReceived(let parcel):
                found.customers.insert(parcel.customer)
                found.tracking.insert(parcel.tracking)
            case .droppedOff(let dropOff):
                found.dropOffs.insert(dropOff.id)
                if let customer = dropOff.customer { found.customers.insert(customer) }
            case .driverHandover(let handover):
                found.dropOffs.formUnion(handover.dropOffs)
            case .handOutRefused(let customer, _, _, _), .proxyAuthorised(let customer, _), .proxyRevoked(let customer, _),
                 .customersMerged(let customer, _):
                found.customers.insert(customer)
            case .customerEdited(let customer):
                found.customers.insert(customer.id)
            case .contactLogged(let contact):
                found.customers.insert(contact.customer)
            case .caseOpened(let opened):
                found.cases.insert(opened.id)
                found.customers.insert(opened.customer)
            case .caseUpdated(let id, _):
                found.cases.insert(id)
                if let customer = customerOf(id) { found.customers.insert(customer) }
            case .parcelMoved, .deadlineExtended, .parcelReturning, .returnCancelled, .receiptUndone, .parcelsHandedOut, .handOutUndone,
                 .parcelsCollectedByDriver, .customerAdded, .deliveryStarted, .deliveryEnded, .parcelsExpected,
                 .slotCapacityChanged, .queueEntryAdded, .queueFetchStarted, .queueEntryReady, .queueEntryClosed, .customerErased, .purged:
                break
            }
        }
        for id in found.parcels { if let owner = ownerOf(id) { found.customers.insert(owner) } }
        return found
    }

    /// The parcels whose stories `event` reads or changes when applied: the ones a history
    /// must hold before applying it.
    public static func parcels(namedBy event: Event) -> [ParcelID] {
        switch event {
        case .parcelReceived(let parcel): [parcel.id]
        case .parcelMoved(let id, _), .deadlineExtended(let id, _), .parcelReturning(let id, _), .returnCancelled(let id, _),
             .receiptUndone(let id):
            [id]
        case .parcelsHandedOut(let ids, _, _, _), .handOutUndone(let ids), .parcelsCollectedByDriver(let ids),
             .handOutRefused(_, let ids, _, _):
            ids
        case .driverHandover(let handover): handover.parcels
        case .droppedOff, .proxyAuthorised, .proxyRevoked, .customerEdited, .customersMerged, .contactLogged, .caseOpened, .caseUpdated,
             .customerAdded, .deliveryStarted, .deliveryEnded, .parcelsExpected, .slotCapacityChanged, .queueEntryAdded, .queueFetchStarted,
             .queueEntryReady, .queueEntryClosed, .customerErased, .purged:
            []
        }
    }

    /// The parcels a customer's timeline refers to (whose stories tell its parcel steps).
    public static func parcels(on timeline: [TimelineItem]) -> Set<ParcelID> {
        Set(timeline.compactMap { if case .parcel(let id, _) = $0.what { id } else { nil } })
    }
}
