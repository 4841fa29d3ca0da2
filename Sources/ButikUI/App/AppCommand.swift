import ButikDomain
import Foundation

/// A change the app asks the store to make; the driver decides it against the up-to-date
/// state under the store's lock and reports the outcome once it is on disk.
public enum AppCommand: Equatable, Sendable {
    case startDelivery(carrier: String, declared: Int?)
    case endDelivery
    case receive(ReceiveRequest)
    case undoReceipt(ParcelID)
    case move(ParcelID, to: SlotID)
    case setCapacity(SlotID, Int)
    case handOut(HandOutRequest)
    case undoHandOut([ParcelID])
    /// A hand-out refused (say, the ID does not match): noted with its reason, and the proxy who
    /// came if one did, in the customer's log.
    case refuseHandOut(CustomerID, parcels: [ParcelID], reason: String, proxyName: String?)
    /// Expects a manifest's good rows; its bad rows only pass through to the outcome.
    case expect([ManifestEntry], problems: [ManifestProblem])
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
    case dropOff(ParsedTracking, carrier: String?)
    /// Records what the driver (of a carrier, by id, or of every carrier) took from the outbound area.
    case handOver([TrackingNumber], carrier: String?)

    /// The domain decision for this command.
    public func decide(_ state: ShopState, _ context: Context) throws(DomainError) -> Decision<AppOutcome> {
        switch self {
        case .startDelivery(let carrier, let declared):
            let decision = try state.startDelivery(carrier: carrier, declared: declared, context)
            return Decision(events: decision.events, outcome: .deliveryStarted(decision.outcome))
        case .endDelivery:
            let decision = try state.endDelivery(context)
            return Decision(events: decision.events, outcome: .deliveryEnded(decision.outcome))
        case .receive(let request):
            let decision = try state.receive(request, context)
            return Decision(events: decision.events, outcome: .received(decision.outcome))
        case .undoReceipt(let id):
            let decision = try state.undoReceipt(id, context)
            return Decision(events: decision.events, outcome: .receiptUndone(decision.outcome))
        case .move(let id, let slot):
            let decision = try state.move(id, to: slot, context)
            return Decision(events: decision.events, outcome: .moved(decision.outcome))
        case .handOut(let request):
            let decision = try state.handOut(request, context)
            return Decision(events: decision.events, outcome: .handedOut(decision.outcome))
        case .refuseHandOut(let customer, let parcels, let reason, let proxyName):
            let decision = try state.refuseHandOut(customer, parcels: parcels, reason: reason, proxyName: proxyName, context)
            return Decision(events: decision.events, outcome: .handOutRefused(decision.outcome))
        case .undoHandOut(let ids):
            let decision = try state.undoHandOut(ids, within: context.layout.undoWindow, context)
            return Decision(events: decision.events, outcome: .handOutUndone(decision.outcome))
        case .setCapacity(let slot, let capacity):
            let decision = try state.setCapacity(of: slot, to: capacity, context)
            return Decision(events: decision.events, outcome: .capacitySet(slot, decision.outcome))
        case .expect(let entries, let problems):
            let decision = state.expect(entries, context)
            return Decision(events: decision.events, outcome: .expected(decision.outcome, problems: problems))
        case .addToQueue(let customer, let announcedFor, let note):
            let decision = try state.addToQueue(customer, announcedFor: announcedFor, note: note, context)
            return Decision(events: decision.events, outcome: .queueChanged(decision.outcome))
        case .startFetching(let customer):
            let decision = try state.startFetching(for: customer, context)
            return Decision(events: decision.events, outcome: .queueChanged(decision.outcome))
        case .markReady(let customer):
            let decision = try state.markReady(for: customer, context)
            return Decision(events: decision.events, outcome: .queueChanged(decision.outcome))
        case .closeQueueEntry(let customer, let outcome):
            let decision = try state.closeQueueEntry(for: customer, as: outcome, context)
            return Decision(events: decision.events, outcome: .queueChanged(decision.outcome))
        case .extendDeadline(let id, let request):
            let decision = try state.extendDeadline(id, request, context)
            return Decision(events: decision.events, outcome: .deadlineExtended(decision.outcome))
        case .returnOverdue:
            let decision = state.returnOverdue(context)
            return Decision(events: decision.events, outcome: .returnedOverdue(decision.outcome))
        case .cancelReturn(let id, let slot):
            let decision = try state.cancelReturn(id, to: slot, context)
            return Decision(events: decision.events, outcome: .returnCancelled(decision.outcome))
        case .dropOff(let tracking, let carrier):
            let decision = try state.dropOff(tracking: tracking, carrier: carrier, customer: nil, context)
            return Decision(events: decision.events, outcome: .droppedOff(decision.outcome))
        case .handOver(let scanned, let carrier):
            let decision = try state.handOver(scanned: scanned, carrier: carrier, context)
            return Decision(events: decision.events, outcome: .handedOver(decision.outcome))
        }
    }
}

/// What a command did, reported only after it is on disk.
public enum AppOutcome: Equatable, Sendable {
    case deliveryStarted(Delivery)
    case deliveryEnded(DeliverySummary)
    case received(Received)
    case receiptUndone(Parcel)
    case moved(Parcel)
    case capacitySet(SlotID, Int)
    case handedOut(HandedOut)
    case handOutUndone([Parcel])
    case handOutRefused(CustomerLogEntry)
    /// A manifest was imported; `problems` are its bad rows, which were skipped.
    case expected(ManifestImport, problems: [ManifestProblem])
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
