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
        public var dropOffCarriers: [DropOffID: String] = [:]

        public init(stories: [ParcelID: ParcelStory] = [:], tracking: [TrackingNumber: [ParcelID]] = [:],
                    timelines: [CustomerID: [TimelineItem]] = [:], days: [Day: DayCounts] = [:],
                    onHandChanges: [Day: Int] = [:], dropOffCarriers: [DropOffID: String] = [:]) {
            self.stories = stories
            self.tracking = tracking
            self.timelines = timelines
            self.days = days
            self.onHandChanges = onHandChanges
            self.dropOffCarriers = dropOffCarriers
        }
    }

    /// What a history must hold before `records` are applied to it so that they change it as
    /// they change the whole history: the stories of the parcels they name and the carriers of
    /// the drop-offs. Where they change it: those stories, the timelines of `customers` (the
    /// ones named, and with `ownerOf` the owners of the parcels named), the numbers received,
    /// the days they happened on (and `onHandChanges`) and the drop-offs taken in.
    public struct References: Equatable, Sendable {
        public var parcels: Set<ParcelID> = []
        public var dropOffs: Set<DropOffID> = []
        public var customers: Set<CustomerID> = []
        public var tracking: Set<TrackingNumber> = []
        public var days: Set<Day> = []

        public init() {}
    }

    /// The references of `records` (see ``References``); `ownerOf` gives a parcel's customer
    /// where it is known.
    public func references(of records: some Sequence<Record>, ownerOf: (ParcelID) -> CustomerID? = { _ in nil }) -> References {
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
            case .parcelMoved, .deadlineExtended, .parcelReturning, .returnCancelled, .receiptUndone, .parcelsHandedOut, .handOutUndone,
                 .parcelsCollectedByDriver, .customerAdded, .deliveryStarted, .deliveryEnded, .parcelsExpected,
                 .slotCapacityChanged, .queueEntryAdded, .queueFetchStarted, .queueEntryReady, .queueEntryClosed:
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
        case .droppedOff, .proxyAuthorised, .proxyRevoked, .customerEdited, .customersMerged, .customerAdded, .deliveryStarted, .deliveryEnded, .parcelsExpected,
             .slotCapacityChanged, .queueEntryAdded, .queueFetchStarted, .queueEntryReady, .queueEntryClosed:
            []
        }
    }

    /// The parcels a customer's timeline refers to (whose stories tell its parcel steps).
    public static func parcels(on timeline: [TimelineItem]) -> Set<ParcelID> {
        Set(timeline.compactMap { if case .parcel(let id, _) = $0.what { id } else { nil } })
    }
}
