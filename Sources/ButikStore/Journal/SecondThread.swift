import Foundation

/// Two pieces of work at once, on two cores: one on a new thread, one on this one.
enum SecondThread {
    /// Runs `other` on a new thread while `body` runs here, and returns what each returned once
    /// both are done (`other` is waited for even when `body` throws). The two must touch
    /// nothing in common.
    static func run<Body, Other>(_ other: @escaping () -> Other, during body: () throws -> Body) rethrows -> (Body, Other) {
        let work = Work(other)
        let thread = Thread { work.run() }
        thread.stackSize = 8 << 20  // as ``ReadAhead``'s
        thread.start()
        let outcome: Body
        do { outcome = try body() } catch {
            work.done.wait()
            throw error
        }
        work.done.wait()
        return (outcome, work.result!)
    }
}

/// The work on the new thread. Unchecked: `result` is written there before `done` is signalled
/// and read only after waiting for it.
private final class Work<Other>: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let other: () -> Other
    private(set) var result: Other?

    init(_ other: @escaping () -> Other) { self.other = other }

    func run() {
        result = other()
        done.signal()
    }
}
