import ButikDomain

extension IntakeScreen {
    /// A change the intake asks the store to make.
    public enum Command: Equatable, Sendable {
        case startDelivery(carrier: CarrierID, declared: Int?)
        case endDelivery
        case receive(ReceiveRequest)
        case undoReceipt(ParcelID)
        /// Expects a manifest's good rows; its bad rows only pass through to the outcome.
        case expect([ManifestEntry], problems: [ManifestProblem])

        /// The domain decision for this command.
        func decide(_ state: ShopState, _ context: Context) throws(DomainError) -> Decision<Outcome> {
            switch self {
            case .startDelivery(let carrier, let declared):
                try state.startDelivery(carrier: carrier, declared: declared, context).map(Outcome.deliveryStarted)
            case .endDelivery: try state.endDelivery(context).map(Outcome.deliveryEnded)
            case .receive(let request): try state.receive(request, context).map(Outcome.received)
            case .undoReceipt(let id): try state.undoReceipt(id, context).map(Outcome.receiptUndone)
            case .expect(let entries, let problems): state.expect(entries, context).map { .expected($0, problems: problems) }
            }
        }
    }

    /// What a command of the intake did, once it is on disk.
    public enum Outcome: Equatable, Sendable {
        case deliveryStarted(Delivery)
        case deliveryEnded(DeliverySummary)
        case received(Received)
        case receiptUndone(Parcel)
        /// A manifest was imported; `problems` are its bad rows, which were skipped.
        case expected(ManifestImport, problems: [ManifestProblem])
    }
}
