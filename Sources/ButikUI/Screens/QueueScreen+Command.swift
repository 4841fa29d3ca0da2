import ButikDomain
import Foundation

extension QueueScreen {
    /// A change the queue screen asks the store to make.
    public enum Command: Equatable, Sendable {
        /// Puts a customer in the pickup queue: at the counter now, or announced for a time; the
        /// note is for whoever fetches.
        case addToQueue(CustomerID, announcedFor: Date?, note: String?)
        /// The acting staff member fetches the customer's parcels.
        case startFetching(CustomerID)
        /// The customer's parcels are at the counter.
        case markReady(CustomerID)
        /// Closes the customer's open queue entry.
        case closeQueueEntry(CustomerID, QueueEntry.Outcome)
        /// Keeps a waiting parcel longer.
        case extendDeadline(ParcelID, DeadlineExtension)
        /// Sends every overdue waiting parcel to the outbound area for the driver.
        case returnOverdue
        /// Takes a returning parcel back from the outbound area to a shelf slot.
        case cancelReturn(ParcelID, to: SlotID)
        /// Takes in a customer's prepaid return parcel for the driver.
        case dropOff(ParsedTracking, carrier: CarrierID?)
        /// Records what the driver (of a carrier, by id, or of every carrier) took from the outbound area.
        case handOver([TrackingNumber], carrier: CarrierID?)

        /// The domain decision for this command.
        func decide(_ state: ShopState, _ context: Context) throws(DomainError) -> Decision<Outcome> {
            switch self {
            case .addToQueue(let customer, let announcedFor, let note):
                try state.addToQueue(customer, announcedFor: announcedFor, note: note, context).map(Outcome.queueChanged)
            case .startFetching(let customer): try state.startFetching(for: customer, context).map(Outcome.queueChanged)
            case .markReady(let customer): try state.markReady(for: customer, context).map(Outcome.queueChanged)
            case .closeQueueEntry(let customer, let outcome): try state.closeQueueEntry(for: customer, as: outcome, context).map(Outcome.queueChanged)
            case .extendDeadline(let id, let request): try state.extendDeadline(id, request, context).map(Outcome.deadlineExtended)
            case .returnOverdue: state.returnOverdue(context).map(Outcome.returnedOverdue)
            case .cancelReturn(let id, let slot): try state.cancelReturn(id, to: slot, context).map(Outcome.returnCancelled)
            case .dropOff(let tracking, let carrier):
                try state.dropOff(tracking: tracking, carrier: carrier, customer: nil, context).map(Outcome.droppedOff)
            case .handOver(let scanned, let carrier): try state.handOver(scanned: scanned, carrier: carrier, context).map(Outcome.handedOver)
            }
        }
    }

    /// What a command of the queue screen did, once it is on disk.
    public enum Outcome: Equatable, Sendable {
        /// A queue entry was added or changed; the entry as it is now.
        case queueChanged(QueueEntry)
        case deadlineExtended(Parcel)
        /// The overdue parcels now waiting for the driver.
        case returnedOverdue([Parcel])
        /// The parcel back on a shelf, waiting again.
        case returnCancelled(Parcel)
        case droppedOff(DropOff)
        case handedOver(Handover)
    }
}
