import ButikStore

/// Opens the terminal UI on the store, filling an empty store with the demo shop first.
func openTerminalUI(_ session: Session) throws(CLIError) -> Int32 {
    let store = try session.openStore()
    if store.lastSequence == 0 {
        let summary = try Verb.fillWithDemo(store, session)
        Output.error("Empty store: filled it with the demo shop (\(summary.customers) customers, \(summary.onShelf) parcels).")
    }
    Output.line("The terminal UI arrives with the next release; use the verbs meanwhile (butik --help).")
    return 0
}
