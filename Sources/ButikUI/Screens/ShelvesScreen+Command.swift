import ButikDomain

extension ShelvesScreen {
    /// A change the shelves ask the store to make.
    public enum Command: Equatable, Sendable {
        case move(ParcelID, to: SlotID)
        case setCapacity(SlotID, Int)

        /// The domain decision for this command.
        func decide(_ state: ShopState, _ context: Context) throws(DomainError) -> Decision<Outcome> {
            switch self {
            case .move(let id, let slot): try state.move(id, to: slot, context).map(Outcome.moved)
            case .setCapacity(let slot, let capacity): try state.setCapacity(of: slot, to: capacity, context).map { .capacitySet(slot, $0) }
            }
        }
    }

    /// What a command of the shelves did, once it is on disk.
    public enum Outcome: Equatable, Sendable {
        case moved(Parcel)
        case capacitySet(SlotID, Int)
    }
}
