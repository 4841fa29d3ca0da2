import ButikDomain
import ButikStore
import Foundation

/// Runs the app over a store: turns timed key events into scans or typing, feeds messages to
/// ``AppState/update(_:)``, catches up on other counters' writes, and draws frames. The
/// terminal loop and the test harness both drive it, so scenario tests run the real path.
public final class AppDriver {
    public private(set) var state: AppState
    private let store: ShopStore
    private var scanner: ScanDetector
    private var lastRefresh: Double

    /// How often the store is checked for other counters' writes, in seconds.
    public static let refreshInterval = 1.0

    public init(store: ShopStore, staff: String, now: Date, clock: Double) {
        self.store = store
        scanner = ScanDetector(settings: ScanDetector.Settings(maxGap: Double(store.layout.scanGapMilliseconds) / 1000))
        let context = AppContext(shop: store.state, layout: store.layout, now: now, staff: staff)
        state = AppState(context: context, staff: staff, storeLabel: store.folder.path,
                         readOnlyReason: store.readOnlyReason, clock: clock)
        lastRefresh = clock
        for notice in store.notices { state.say(notice, .warning) }
    }

    /// Feeds one key press; carries out store writes it leads to and returns what the terminal
    /// must do (quit, beep).
    public func handle(_ event: KeyEvent) -> [AppEffect] {
        perform(route(event))
    }

    private func route(_ event: KeyEvent) -> [AppEffect] {
        switch event.key {
        case .character, .enter, .tab:
            switch scanner.feed(event) {
            case .swallowed: return []
            case .scan(let code): return state.update(.scan(code))
            case .typing(let keys): return keys.flatMap { state.update(.key($0)) }
            }
        default:
            // A non-text key ends any burst: release held keys as typing first.
            let held = scanner.expire(at: .infinity)
            return held.flatMap { state.update(.key($0)) } + state.update(.key(event.key))
        }
    }

    /// Called when no key came for a while: releases keys held as a possible scan, updates the
    /// time, and catches up on the store.
    public func idle(now: Date, clock: Double) -> [AppEffect] {
        var effects = perform(scanner.expire(at: clock).flatMap { state.update(.key($0)) })
        effects += state.update(.tick(now: now, clock: clock))
        if clock - lastRefresh >= AppDriver.refreshInterval {
            lastRefresh = clock
            effects += refresh()
        }
        return effects
    }

    /// How long the terminal may wait for the next key, in milliseconds: short while keys are
    /// held as a possible scan, so they are released promptly.
    public func waitMilliseconds(clock: Double) -> Int {
        guard let deadline = scanner.deadline else { return 250 }
        return max(1, Int(((deadline - clock) * 1000).rounded(.up)))
    }

    /// The frame to paint.
    public func frame(_ size: Size) -> Screen { state.view(size) }

    /// Writes a snapshot on the way out, so the next start is quick.
    public func close() {
        try? store.writeSnapshot()
    }

    /// Carries out `.perform` and `.importManifest` effects (each may lead to more), returning
    /// the rest.
    private func perform(_ effects: [AppEffect]) -> [AppEffect] {
        var remaining: [AppEffect] = []
        for effect in effects {
            switch effect {
            case .perform(let command): remaining += perform(write(command))
            case .importManifest(let path): remaining += perform(importManifest(path))
            default: remaining.append(effect)
            }
        }
        return remaining
    }

    /// Reads and parses a manifest file, then writes its good rows in one transaction.
    private func importManifest(_ path: String) -> [AppEffect] {
        let parsed: ManifestParse
        do {
            parsed = try ManifestFile.read(path, layout: store.layout)
        } catch {
            return state.update(.importFailed(error.message))
        }
        return write(.expect(parsed.entries, problems: parsed.problems))
    }

    /// Writes one command through the store; only a durable write is reported as done.
    private func write(_ command: AppCommand) -> [AppEffect] {
        if let reason = state.readOnlyReason ?? store.readOnlyReason {
            return state.update(.refused(command, "The store is read-only: \(reason)"))
        }
        // The screen lets go of its copy of the shop while the store writes, so the store
        // changes its state in place instead of copying thousands of parcels and customers.
        let now = state.context.now
        state.context.shop = ShopState()
        defer { state.context.shop = store.state }
        do {
            let outcome = try store.perform(staff: state.staff, now: now) { shop, context throws(DomainError) in
                try command.decide(shop, context)
            }
            return state.update(.performed(outcome, store.state))
        } catch let error as DomainError {
            state.context.shop = store.state
            return state.update(.refused(command, error.message))
        } catch {
            state.context.shop = store.state
            return state.update(.storeFailed(describe(error)))
        }
    }

    private func refresh() -> [AppEffect] {
        guard state.readOnlyReason == nil else { return [] }
        do {
            try store.refresh()
        } catch {
            return state.update(.storeFailed(describe(error)))
        }
        if let reason = store.readOnlyReason { return state.update(.storeFailed(reason)) }
        return state.update(.storeChanged(store.state))
    }

    private func describe(_ error: any Error) -> String {
        (error as? StoreError)?.message ?? "\(error)"
    }
}
