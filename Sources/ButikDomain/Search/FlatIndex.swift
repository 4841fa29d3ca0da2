/// Short strings (tracking numbers, phone numbers, customers' folded notes) back to back in one
/// byte array, each with an id, so a search scans them without touching reference counts.
/// Adding appends; removing marks the id's strings gone, and the array is rebuilt without them
/// once they are as many as the rest, so a change costs little more than an append.
struct FlatIndex<ID: Hashable & Sendable>: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var ids: [ID] = []
    /// Which strings were removed, and how many.
    private var gone: [Bool] = []
    private var goneCount = 0

    init() {}

    init(_ entries: some Sequence<(String, ID)>) {
        for (text, id) in entries { append(text, id: id) }
    }

    mutating func append(_ text: String, id: ID) {
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
        ids.append(id)
        gone.append(false)
    }

    /// Drops every string of `id`.
    mutating func remove(_ id: ID) {
        for index in ids.indices where ids[index] == id && !gone[index] {
            gone[index] = true
            goneCount += 1
        }
        guard goneCount > 0, goneCount * 2 >= ids.count else { return }
        var kept = FlatIndex()
        forEach { text, other in kept.append(String(decoding: text, as: UTF8.self), id: other) }
        self = kept
    }

    /// Calls `body` with every string's bytes and its id, in the order added.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, ID) -> Void) {
        bytes.withUnsafeBufferPointer { flat in
            var start = 0
            for index in ids.indices {
                if !gone[index] { body(UnsafeBufferPointer(rebasing: flat[start..<ends[index]]), ids[index]) }
                start = ends[index]
            }
        }
    }

    /// Calls `body` with every string's bytes and its id, the last added first.
    func forEachReversed(_ body: (UnsafeBufferPointer<UInt8>, ID) -> Void) {
        bytes.withUnsafeBufferPointer { flat in
            for index in ids.indices.reversed() where !gone[index] {
                body(UnsafeBufferPointer(rebasing: flat[(index == 0 ? 0 : ends[index - 1])..<ends[index]]), ids[index])
            }
        }
    }
}
