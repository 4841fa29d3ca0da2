import ButikDomain

extension CounterScreen {
    /// A change the counter asks the store to make.
    public enum Command: Equatable, Sendable {
        case handOut(HandOutRequest)
        case undoHandOut([ParcelID])
        /// A hand-out refused (say, the ID does not match): noted with its reason, and the proxy who
        /// came if one did, in the customer's log.
        case refuseHandOut(CustomerID, parcels: [ParcelID], reason: String, proxyName: String?)

        /// The domain decision for this command.
        func decide(_ state: ShopState, _ context: Context) throws(DomainError) -> Decision<Outcome> {
            switch self {
            case .handOut(let request): try state.handOut(request, context).map(Outcome.handedOut)
            case .undoHandOut(let ids): try state.undoHandOut(ids, within: context.layout.undoWindow, context).map(Outcome.handOutUndone)
            case .refuseHandOut(let customer, let parcels, let reason, let proxyName):
                try state.refuseHandOut(customer, parcels: parcels, reason: reason, proxyName: proxyName, context).map(Outcome.handOutRefused)
            }
        }
    }

    /// What a command of the counter did, once it is on disk.
    public enum Outcome: Equatable, Sendable {
        case handedOut(HandedOut)
        case handOutUndone([Parcel])
        case handOutRefused(CustomerLogEntry)
    }
}
