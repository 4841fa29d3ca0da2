import ButikDomain

/// A change the app asks the store to make, by the screen that asks; the driver decides it
/// against the up-to-date state under the store's lock and reports the outcome once it is on disk.
public enum AppCommand: Equatable, Sendable {
    case intake(IntakeScreen.Command)
    case shelves(ShelvesScreen.Command)
    case counter(CounterScreen.Command)
    case queue(QueueScreen.Command)
    case customers(CustomersScreen.Command)

    /// The domain decision for this command: the screen's own, its outcome wrapped.
    public func decide(_ state: ShopState, _ context: Context) throws(DomainError) -> Decision<AppOutcome> {
        switch self {
        case .intake(let command): try command.decide(state, context).map(AppOutcome.intake)
        case .shelves(let command): try command.decide(state, context).map(AppOutcome.shelves)
        case .counter(let command): try command.decide(state, context).map(AppOutcome.counter)
        case .queue(let command): try command.decide(state, context).map(AppOutcome.queue)
        case .customers(let command): try command.decide(state, context).map(AppOutcome.customers)
        }
    }
}

/// What a command did, reported only after it is on disk, for the screen that asked.
public enum AppOutcome: Equatable, Sendable {
    case intake(IntakeScreen.Outcome)
    case shelves(ShelvesScreen.Outcome)
    case counter(CounterScreen.Outcome)
    case queue(QueueScreen.Outcome)
    case customers(CustomersScreen.Outcome)
}
