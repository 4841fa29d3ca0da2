import ButikDomain
import ButikGrid
import ButikText
import ButikUI
import Foundation

/// Runs the app over a store (through a ``StoreClient``): turns timed key events into scans or typing, feeds messages to
/// ``AppState/update(_:)``, catches up on other counters' writes, and draws frames. The
/// terminal loop and the test harness both drive it, so scenario tests run the real path.
///
/// It never waits for the store's lock. While another program holds it, catching up is
/// skipped, and a write is kept and tried again at every idle until it lands or Esc cancels
/// it. A store that went read-only is opened again every ``reopenInterval`` seconds to see
/// whether the fault is gone.
public final class AppDriver {
    public private(set) var state: AppState
    private var store: StoreClient
    private var scanner: ScanDetector
    private var lastRefresh: Double
    /// The write that found the lock taken, tried again at every idle.
    private var waitingWrite: AppCommand?
    /// When catching up first found the lock taken, while it still does.
    private var busySince: Double?
    /// When a read-only store is next opened again; nil until the first idle after the fault.
    private var nextReopen: Double?
    /// When to look next whether today's backup is due.
    private var nextBackupCheck: Double
    /// The store's last entry when the screens were last given the shop: catching up tells
    /// them only when another program wrote since.
    private var shownSequence: Int
    /// The history file being brought up to date in the background, if it is.
    public var historyPreparation: HistoryPreparation?

    /// Said instead of a parcel's story while the history file is being brought up to date.
    public static let historyBeingPrepared = Phrase("counter.past.historyBeingPrepared")
    /// Said instead of a customer's timeline while the history file is being brought up to date.
    public static let timelineBeingPrepared = Phrase("customers.timeline.beingPrepared")

    /// How often the store is checked for other counters' writes, in seconds.
    public static let refreshInterval = 1.0
    /// How long catching up may find the lock taken before the status line says so, in seconds.
    public static let busyNoticeDelay = 1.0
    /// How often a read-only store is opened again to see whether its fault is gone, in seconds.
    public static let reopenInterval = 5.0
    /// How often the app looks whether today's backup is made (the first time this long after
    /// it starts, so starting is quick), in seconds.
    public static let backupCheckInterval = 600.0

    public init(store: StoreClient, staff: StaffID, now: Date, clock: Double, words: Words = .english) {
        self.store = store
        scanner = ScanDetector(settings: ScanDetector.Settings(maxGap: Double(store.layout.scanGapMilliseconds) / 1000))
        let context = AppContext(shop: store.shop, layout: store.layout, now: now, staff: staff, words: words)
        state = AppState(context: context, staff: staff, storeLabel: store.label,
                         readOnlyReason: store.readOnlyReason, clock: clock)
        lastRefresh = clock
        nextBackupCheck = clock + AppDriver.backupCheckInterval
        shownSequence = store.lastSequence
        _ = state.update(.storeNotices(store.notices))
    }

    /// Feeds one key press; carries out store writes it leads to and returns what the terminal
    /// must do (quit, beep).
    public func handle(_ event: KeyEvent) -> [AppEffect] {
        perform(route(event))
    }

    private func route(_ event: KeyEvent) -> [AppEffect] {
        switch event.key {
        case .character, .enter, .tab:
            // In a prompt for free text a key is typing, however fast it comes (see `Burst`).
            guard state.burst != .text else { return typing(event.key) }
            switch scanner.feed(event) {
            case .swallowed: return []
            case .scan(let code): return state.update(.scan(code))
            case .typing(let keys): return keys.flatMap { state.update(.key($0)) }
            }
        default:
            // A non-text key ends any burst.
            return typing(event.key)
        }
    }

    /// Releases the keys held as a possible scan as typing, then handles `key`.
    private func typing(_ key: Key) -> [AppEffect] {
        (scanner.expire(at: .infinity) + [key]).flatMap { state.update(.key($0)) }
    }

    /// Called when no key came for a while: releases keys held as a possible scan, updates the
    /// time, tries a waiting write again, and catches up on the store (or, read-only, checks
    /// whether it can write again).
    public func idle(now: Date, clock: Double) -> [AppEffect] {
        var effects = perform(scanner.expire(at: clock).flatMap { state.update(.key($0)) })
        effects += state.update(.tick(now: now, clock: clock))
        if let command = waitingWrite {
            effects += perform(attempt(command))
        } else if state.readOnlyReason != nil {
            effects += reopenIfDue(clock: clock)
        } else if clock - lastRefresh >= AppDriver.refreshInterval {
            lastRefresh = clock
            effects += perform(refresh(clock: clock))
        }
        if clock >= nextBackupCheck, waitingWrite == nil, state.readOnlyReason == nil {
            effects += backUpIfDue(now: now, clock: clock)
        }
        return effects
    }

    /// Makes today's backup if it is not made yet (`shop.json`'s `backups`). A failure is said,
    /// never made a reason to stop writing: the journal holds everything.
    private func backUpIfDue(now: Date, clock: Double) -> [AppEffect] {
        nextBackupCheck = clock + AppDriver.backupCheckInterval
        switch store.backUpIfDue(now: now) {
        case .done(let made): return made.map { state.update(.backupMade(path: $0.path)) } ?? []
        case .busy:
            nextBackupCheck = clock + 60  // another program is busy: again soon
            return []
        case .refused(let reason): return state.update(.backupFailed(reason))
        case .failed(let reason): return state.update(.backupFailed(reason))
        }
    }

    /// How long the terminal may wait for the next key, in milliseconds: short while keys are
    /// held as a possible scan, so they are released promptly.
    public func waitMilliseconds(clock: Double) -> Int {
        guard let deadline = scanner.deadline else { return 250 }
        return max(1, Int(((deadline - clock) * 1000).rounded(.up)))
    }

    /// The frame to paint.
    public func frame(_ size: Size) -> Screen { state.view(size) }

    /// Writes a snapshot on the way out, so the next start is quick. Returns what to tell the
    /// person once the screen is gone: that a write still waiting for the lock was not saved.
    @discardableResult
    public func close() -> Phrase? {
        store.close()
        return waitingWrite == nil ? nil : StoreBusy.quitWhileWaiting
    }

    /// Carries out `.perform`, `.importManifest`, `.lookUpStories` and `.lookUpTimeline` effects
    /// (each may lead to more), returning the rest.
    private func perform(_ effects: [AppEffect]) -> [AppEffect] {
        var remaining: [AppEffect] = []
        for effect in effects {
            switch effect {
            case .perform(let command): remaining += perform(write(command))
            case .importManifest(let path): remaining += perform(importManifest(path))
            case .lookUpStories(let tracking): remaining += perform(lookUpStories(tracking))
            case .lookUpTimeline(let customer, let page, let pageSize): remaining += perform(lookUpTimeline(customer, page: page, pageSize: pageSize))
            case .cancelWrite: remaining += cancelWrite()
            default: remaining.append(effect)
            }
        }
        return remaining
    }

    /// Reads and parses a manifest file, then writes its good rows in one transaction.
    private func importManifest(_ path: String) -> [AppEffect] {
        switch store.manifest(at: path) {
        case .success(let parsed): return write(.intake(.expect(parsed.entries, problems: parsed.problems)))
        case .failure(let failure): return state.update(.importFailed(path: path, failure.phrase))
        }
    }

    /// Reads the stories of every parcel that had the number. A store that cannot say is told
    /// to the screen, which goes on as before.
    private func lookUpStories(_ tracking: TrackingNumber) -> [AppEffect] {
        if historyPreparation?.isRunning == true {
            return state.update(.storiesUnread(tracking, AppDriver.historyBeingPrepared))
        }
        switch store.stories(of: tracking) {
        case .success(let stories): return state.update(.storiesRead(tracking, stories))
        case .failure(let failure): return state.update(.storiesUnread(tracking, failure.reason))
        }
    }

    /// Reads a page of the customer's timeline. A store that cannot say is told to the screen.
    private func lookUpTimeline(_ customer: CustomerID, page: Int, pageSize: Int) -> [AppEffect] {
        if historyPreparation?.isRunning == true {
            return state.update(.timelineUnread(customer, AppDriver.timelineBeingPrepared))
        }
        switch store.timeline(of: customer, page: page, pageSize: pageSize) {
        case .success(let timeline): return state.update(.timelineRead(customer, timeline))
        case .failure(let failure): return state.update(.timelineUnread(customer, failure.reason))
        }
    }

    /// Writes one command through the store; only a durable write is reported as done.
    private func write(_ command: AppCommand) -> [AppEffect] {
        if let reason = state.readOnlyReason ?? store.readOnlyReason {
            return state.update(.refused(command, Phrase("store.readOnly", ["reason": .phrase(reason)])))
        }
        if waitingWrite != nil { return state.update(.refused(command, StoreBusy.earlierWriteWaits)) }
        return attempt(command)
    }

    /// Tries the write once, without waiting for the lock: decided against the state caught up
    /// under it. While another program holds the lock, the command waits in `waitingWrite`.
    /// When another program wrote the journal anew since it was last read (nothing was written:
    /// that is found before deciding), the store is opened again and the write tried once more.
    private func attempt(_ command: AppCommand, openingAgain: Bool = true) -> [AppEffect] {
        // The screen lets go of its copy of the shop while the store writes (see `.writeStarted`).
        var effects = state.update(.writeStarted)
        let answer = store.write(command, staff: state.staff, now: state.context.now)
        shownSequence = store.lastSequence
        if case .done(let outcome) = answer { return effects + notBusy() + state.update(.performed(outcome, store.shop)) }
        effects += state.update(.storeChanged(store.shop))
        switch answer {
        case .done: return effects
        case .busy:
            guard waitingWrite == nil else { return effects }
            waitingWrite = command
            return effects + state.update(.storeBusy(.writing))
        case .refused(let message):
            return effects + notBusy() + state.update(.refused(command, message))
        case .failed(let reason):
            if openingAgain, let fresh = openedAgainAfterRewrite() {
                return effects + readAgain(fresh) + attempt(command, openingAgain: false)
            }
            return effects + notBusy() + state.update(.storeFailed(reason))
        }
    }

    /// The lock was free (or a write failed otherwise): nothing waits for it any more.
    private func notBusy() -> [AppEffect] {
        waitingWrite = nil
        busySince = nil
        return state.storeBusy == nil ? [] : state.update(.storeBusy(nil))
    }

    /// Esc while a write waits: it is dropped unwritten, and the screen hears it was refused.
    private func cancelWrite() -> [AppEffect] {
        guard let command = waitingWrite else { return [] }
        waitingWrite = nil
        return state.update(.storeBusy(nil)) + state.update(.refused(command, StoreBusy.cancelled))
    }

    /// Catches up without waiting: while another program holds the lock this round is skipped,
    /// and after ``busyNoticeDelay`` the status line says so.
    private func refresh(clock: Double) -> [AppEffect] {
        switch store.catchUp() {
        case .done: break
        case .busy:
            let since = busySince ?? clock
            busySince = since
            guard clock - since >= AppDriver.busyNoticeDelay, state.storeBusy == nil else { return [] }
            return state.update(.storeBusy(.reading))
        case .refused(let reason): return state.update(.storeFailed(reason))
        case .failed(let reason):
            guard let fresh = openedAgainAfterRewrite() else { return state.update(.storeFailed(reason)) }
            return notBusy() + readAgain(fresh)
        }
        let effects = notBusy()
        if let reason = store.readOnlyReason { return effects + state.update(.storeFailed(reason)) }
        guard store.lastSequence != shownSequence else { return effects }
        shownSequence = store.lastSequence
        return effects + state.update(.storeChanged(store.shop))
    }

    /// The store opened again at once, when it stopped taking writes only because another
    /// program wrote the journal anew (``StoreClient/journalWrittenAnew``) and opening it again
    /// gives a store that takes writes; nil otherwise (it then waits read-only, opened again
    /// every ``reopenInterval`` seconds).
    private func openedAgainAfterRewrite() -> StoreClient? {
        guard store.journalWrittenAnew, case .done(let fresh) = store.reopened(), fresh.readOnlyReason == nil else { return nil }
        return fresh
    }

    /// Goes on with `fresh`, opened again after another program wrote the journal anew, and says so.
    private func readAgain(_ fresh: StoreClient) -> [AppEffect] {
        store = fresh
        shownSequence = fresh.lastSequence
        return state.update(.storeReadAgain(fresh.shop, notices: fresh.notices))
    }

    /// While read-only: opens the store again, as a restart would, ``reopenInterval`` seconds
    /// after the fault and as often after that. Still failing, or the lock taken: it stays
    /// read-only with the reason it has.
    private func reopenIfDue(clock: Double) -> [AppEffect] {
        guard let due = nextReopen else {
            nextReopen = clock + AppDriver.reopenInterval
            return []
        }
        guard clock >= due else { return [] }
        nextReopen = clock + AppDriver.reopenInterval
        let fresh: StoreClient
        switch store.reopened() {
        case .done(let opened): fresh = opened
        case .busy: return []
        case .refused(let reason), .failed(let reason):
            // Still failing, maybe for another reason now: show the reason that holds.
            return reason == state.readOnlyReason ? [] : state.update(.storeFailed(reason))
        }
        store = fresh
        shownSequence = fresh.lastSequence
        guard fresh.readOnlyReason == nil else {
            return state.update(.storeReopened(fresh.shop, readOnlyReason: fresh.readOnlyReason))
        }
        nextReopen = nil
        // With what opening found out (whether an unconfirmed action was recorded, damage gone).
        return state.update(.storeReopened(fresh.shop, readOnlyReason: nil, notices: fresh.notices))
    }
}
