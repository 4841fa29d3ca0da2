import Foundation

/// Work on the shop's derived history file done on a thread of its own (with a store of its
/// own) while the counter goes on: after an update or a restore, rebuilding it from a year's
/// journal takes seconds. While it runs, the driver answers a question to the past with
/// ``AppDriver/historyBeingPrepared`` instead of doing the same work in the foreground.
public final class HistoryPreparation: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false

    public init() {}

    /// Whether the work is still running.
    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    /// Runs `work` on a new thread; its failures are its own to ignore (a question asked
    /// afterwards meets the same store and says what is wrong).
    public func start(_ work: @escaping @Sendable () -> Void) {
        lock.lock()
        running = true
        lock.unlock()
        let thread = Thread { [self] in
            work()
            lock.lock()
            running = false
            lock.unlock()
        }
        thread.start()
    }
}
