import ButikDomain
import ButikRuntime
import ButikStore
import ButikText
import ButikUI
import CursesTerminal
import Foundation

/// Opens the terminal UI on the store, filling an empty store with the demo shop first. Exits
/// 3 when the person quit while an action still waited for the store (it was not saved).
func openTerminalUI(_ session: Session) throws(CLIError) -> Int32 {
    let store = try session.openStore(untilFree: true)
    // The UI runs all day: read the lines behind the snapshot too, so damage there shows now.
    do { try store.verifyJournal() } catch { throw CLIError(error) }
    if store.lastSequence == 0 {
        let summary = try Verb.fillWithDemo(store, session)
        Output.error(session.words.text("cli.demo.filled", ["customers": .count(summary.customers), "parcels": .count(summary.onShelf)]))

    }
    let terminal: CursesTerminal
    do {
        terminal = try CursesTerminal()
    } catch {
        throw .refused(Phrase("cli.ui.needsTerminal", ["problem": .text(String(describing: error))]))
    }
    defer { terminal.restore() }
    // The run's words, as the verbs have them: --lang, the shop file's language, the environment.
    let driver = AppDriver(store: StoreClient(store), staff: session.staff, now: Date(), clock: MonotonicClock.now(),
                           words: session.words)
    driver.historyPreparation = preparingHistory(of: store.folder)
    terminal.paint(driver.frame(terminal.size))
    while true {
        var effects: [AppEffect] = []
        if let event = terminal.nextKey(timeout: driver.waitMilliseconds(clock: MonotonicClock.now())) {
            effects += driver.handle(event)
        }
        effects += driver.idle(now: Date(), clock: MonotonicClock.now())
        if effects.contains(.quit) { break }
        if effects.contains(.beep) { terminal.beep() }
        terminal.paint(driver.frame(terminal.size))
    }
    // Said (and exit 3) once the terminal is given back, so it stays on the shell's screen.
    if let unsaved = driver.close() { throw .store(unsaved) }
    return 0
}

/// Brings the store's history file up to date on a store and thread of their own (see
/// ``HistoryPreparation``).
private func preparingHistory(of folder: URL) -> HistoryPreparation {
    let preparation = HistoryPreparation()
    preparation.start {
        // The layout file exists: the store was opened once already.
        guard let store = try? ShopStore.open(folder: folder, defaultLayout: Data()) else { return }
        try? store.prepareHistory(now: Date())
    }
    return preparation
}
