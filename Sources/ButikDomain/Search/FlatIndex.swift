/// Short strings (tracking numbers, phone numbers) back to back in one byte array, each with
/// an id, so a search scans them without touching reference counts. Adding appends; removing
/// rebuilds, which is rare (an undone receipt, a changed phone number).
struct FlatIndex<ID: Hashable & Sendable>: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var ids: [ID] = []

    init() {}

    init(_ entries: some Sequence<(String, ID)>) {
        for (text, id) in entries { append(text, id: id) }
    }

    mutating func append(_ text: String, id: ID) {
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
        ids.append(id)
    }

    /// Drops every string of `id`.
    mutating func remove(_ id: ID) {
        guard ids.contains(id) else { return }
        var kept = FlatIndex()
        forEach { text, other in
            if other != id { kept.append(String(decoding: text, as: UTF8.self), id: other) }
        }
        self = kept
    }

    /// Calls `body` with every string's bytes and its id, in the order added.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, ID) -> Void) {
        bytes.withUnsafeBufferPointer { flat in
            var start = 0
            for (end, id) in zip(ends, ids) {
                body(UnsafeBufferPointer(rebasing: flat[start..<end]), id)
                start = end
            }
        }
    }

    /// Calls `body` with every string's bytes and its id, the last added first.
    func forEachReversed(_ body: (UnsafeBufferPointer<UInt8>, ID) -> Void) {
        bytes.withUnsafeBufferPointer { flat in
            for index in ids.indices.reversed() {
                body(UnsafeBufferPointer(rebasing: flat[(index == 0 ? 0 : ends[index - 1])..<ends[index]]), ids[index])
            }
        }
    }
}
