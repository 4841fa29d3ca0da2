import ButikGrid
import ButikText

/// The shape of every screen that takes keys (see docs/architecture.md, "How a screen is
/// built"): the table of its current mode, the reducer of that table's actions, typing into the
/// mode's field, and what a burst of fast keys is in the mode. A new screen conforms, and the
/// app dispatches to it like to every other.
protocol AppScreen: Sendable {
    /// What a key does on the screen.
    associatedtype Action: Equatable, Sendable

    /// The keys of the current mode, which the update dispatches through and help is drawn from.
    func keys(_ context: AppContext) -> KeyMap<Action>
    /// Performs a binding of ``keys(_:)``.
    mutating func perform(_ action: Action, _ context: AppContext) -> [AppEffect]
    /// A key no binding has, in a mode whose table takes typing.
    mutating func type(_ key: Key, _ context: AppContext)
    /// What a burst of fast keys ending in Enter is in the current mode.
    func burst(_ context: AppContext) -> Burst
}

/// A screen that asks the store for writes: each `Command` it asks for is answered, once
/// decided under the store's lock, by ``performed(_:_:)`` with its outcome on disk or by
/// ``refused(_:_:_:)`` with the command and why nothing was written.
protocol WritingScreen: AppScreen {
    associatedtype Command: Equatable, Sendable
    associatedtype Outcome: Equatable, Sendable

    /// A command of this screen is on disk; `context` holds the store's state after it.
    mutating func performed(_ outcome: Outcome, _ context: AppContext)
    /// A command of this screen was refused (by a rule, or the store could not take it).
    mutating func refused(_ command: Command, _ reason: Phrase, _ context: AppContext)
}
