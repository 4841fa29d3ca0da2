import Foundation

/// Two cores at one read of the journal: a second thread reads and decodes the entries
/// (``produce``) while this one applies them (``consume``), handed over in order in batches,
/// at most a few batches ahead so memory stays small.
enum ReadAhead {
    /// Runs `produce` on a new thread, calling `consume` here with every item it yields, in
    /// order; returns what `produce` returned once every item was consumed. `produce` must
    /// touch nothing `consume` touches.
    static func run<Item, Result>(
        batch: Int = 1024, ahead: Int = 4,
        produce: @escaping (_ yield: (Item) -> Void) -> Result, consume: (Item) -> Void
    ) -> Result {
        let handoff = Handoff<Item, Result>(ahead: ahead, produce: produce)
        let thread = Thread { handoff.runProducer(batch: batch) }
        thread.stackSize = 8 << 20  // decoding recurses as deep as on the main thread
        thread.start()
        while let items = handoff.take() {
            for item in items { consume(item) }
        }
        return handoff.result!
    }
}

/// The batches between the two threads. Unchecked: every field is touched under `condition`,
/// except `produce`, called once on the producer's thread.
private final class Handoff<Item, Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private let ahead: Int
    private let produce: (_ yield: (Item) -> Void) -> Result
    private var batches: [[Item]] = []
    private var finished = false
    private var produced: Result?

    init(ahead: Int, produce: @escaping (_ yield: (Item) -> Void) -> Result) {
        self.ahead = ahead
        self.produce = produce
    }

    /// What `produce` returned, once ``take()`` returned nil.
    var result: Result? {
        condition.lock()
        defer { condition.unlock() }
        return produced
    }

    func runProducer(batch: Int) {
        var pending: [Item] = []
        pending.reserveCapacity(batch)
        let outcome = produce { item in
            pending.append(item)
            if pending.count >= batch {
                put(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        if !pending.isEmpty { put(pending) }
        condition.lock()
        produced = outcome
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func put(_ items: [Item]) {
        condition.lock()
        while batches.count >= ahead { condition.wait() }
        batches.append(items)
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for it; nil once the producer finished and all was taken.
    func take() -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }
}
