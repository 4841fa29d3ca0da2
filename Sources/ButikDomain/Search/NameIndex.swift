import Foundation

/// Customers' folded names (see ``NameFolding``) as UTF-8 bytes, kept in name order, so a
/// search walks them without sorting and an exact name is found by binary search.
///
/// Most names sit in one flat byte array (no object per name, so a walk over 20,000 names
/// touches no reference counts); new names go to a small sorted buffer that is merged in when
/// it grows past ``bufferLimit``. Adding a customer costs O(log n + bufferLimit), a merge
/// O(n), so replaying a journal of many customers stays near linear. Each name also has a
/// ``ByteMask`` of the bytes in it, so a walk for a fragment skips most names with one test.
public struct NameIndex: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var folded: [UInt8]
        var id: CustomerID
    }

    /// The merged names back to back; name `i` ends at `ends[i]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var ids: [CustomerID] = []
    private var masks: [ByteMask] = []
    /// Names added since the last merge, in name order, with where each goes among the merged
    /// ones (the number of merged names before it) and its mask.
    private var buffer: [(entry: Entry, position: Int, mask: ByteMask)] = []
    static let bufferLimit = 512

    public init() {}

    /// The index of these names, built in one sort (opening a store holds every name at once)
    /// of positions in one byte array, so the sort compares bytes without copying names.
    init(names: [CustomerID: String]) {
        var flat: [UInt8] = []
        var starts: [Int] = [], lengths: [Int] = [], unsorted: [CustomerID] = []
        for (id, name) in names {
            starts.append(flat.count)
            flat.append(contentsOf: name.utf8)
            lengths.append(flat.count - starts[starts.count - 1])
            unsorted.append(id)
        }
        // Each name's first eight bytes as one number in the same order, so most comparisons
        // compare two integers.
        let prefixes = starts.indices.map { index -> UInt64 in
            var prefix: UInt64 = 0
            for offset in 0..<8 {
                prefix = prefix << 8 | UInt64(offset < lengths[index] ? flat[starts[index] + offset] : 0)
            }
            return prefix
        }
        var order = Array(unsorted.indices)
        flat.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { starts in
                lengths.withUnsafeBufferPointer { lengths in
                    unsorted.withUnsafeBufferPointer { ids in
                        let base = all.baseAddress ?? UnsafePointer(bitPattern: 1)!
                        order.sort { a, b in
                            if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
                            let common = min(lengths[a], lengths[b])
                            let order = common == 0 ? 0 : memcmp(base + starts[a], base + starts[b], common)
                            if order != 0 { return order < 0 }
                            return lengths[a] != lengths[b] ? lengths[a] < lengths[b] : ids[a] < ids[b]
                        }
                    }
                }
            }
        }
        bytes.reserveCapacity(flat.count)
        ends.reserveCapacity(order.count)
        ids.reserveCapacity(order.count)
        masks.reserveCapacity(order.count)
        flat.withUnsafeBufferPointer { all in
            for index in order {
                let name = UnsafeBufferPointer(rebasing: all[starts[index]..<(starts[index] + lengths[index])])
                bytes.append(contentsOf: name)
                ends.append(bytes.count)
                ids.append(unsorted[index])
                masks.append(ByteMask(name))
            }
        }
    }

    public var count: Int { ids.count + buffer.count }

    /// Records `id` under `folded`, removing it from under `previous` first.
    mutating func set(_ id: CustomerID, folded: String, previous: String?) {
        if let previous { remove(id, folded: previous) }
        let entry = Entry(folded: Array(folded.utf8), id: id)
        buffer.insert((entry, mainLowerBound(entry), ByteMask(entry.folded)), at: bufferLowerBound(entry))
        if buffer.count > NameIndex.bufferLimit {
            // Merged straight into new flat arrays: no array per name.
            var (mergedBytes, mergedEnds, mergedIDs, mergedMasks) = ([UInt8](), [Int](), [CustomerID](), [ByteMask]())
            mergedBytes.reserveCapacity(bytes.count + buffer.reduce(0) { $0 + $1.entry.folded.count })
            mergedEnds.reserveCapacity(count)
            mergedIDs.reserveCapacity(count)
            mergedMasks.reserveCapacity(count)
            forEachInOrder { folded, id in
                mergedBytes.append(contentsOf: folded)
                mergedEnds.append(mergedBytes.count)
                mergedIDs.append(id)
                mergedMasks.append(ByteMask(folded))
                return true
            }
            (bytes, ends, ids, masks, buffer) = (mergedBytes, mergedEnds, mergedIDs, mergedMasks, [])
        }
    }

    /// Forgets `id`, recorded under `folded`.
    mutating func remove(_ id: CustomerID, folded: String) {
        let old = Entry(folded: Array(folded.utf8), id: id)
        if let index = bufferPosition(of: old) {
            buffer.remove(at: index)
        } else if let index = mainPosition(of: old) {
            var entries = mainEntries
            entries.remove(at: index)
            setMain(entries)
            for index in buffer.indices { buffer[index].position = mainLowerBound(buffer[index].entry) }
        }
    }

    /// The customers whose folded name is exactly `folded`, by id.
    public func exactly(_ folded: String) -> [CustomerID] {
        let probe = Entry(folded: Array(folded.utf8), id: CustomerID(Int.min))
        var found: [CustomerID] = []
        var index = mainLowerBound(probe)
        while index < ids.count, mainEntry(index).folded == probe.folded {
            found.append(ids[index])
            index += 1
        }
        index = bufferLowerBound(probe)
        while index < buffer.count, buffer[index].entry.folded == probe.folded {
            found.append(buffer[index].entry.id)
            index += 1
        }
        return found.sorted()
    }

    /// Calls `body` with every name's bytes and id in name order until it returns false; with
    /// `having`, only for the names that have every byte of that mask.
    func forEachInOrder(having wanted: ByteMask = ByteMask(), _ body: (UnsafeBufferPointer<UInt8>, CustomerID) -> Bool) {
        bytes.withUnsafeBufferPointer { flat in
            var i = 0
            // The merged names before `end`, each tested by its mask first.
            func walkMain(to end: Int) -> Bool {
                while i < end {
                    defer { i += 1 }
                    guard masks[i].contains(wanted) else { continue }
                    if !body(UnsafeBufferPointer(rebasing: flat[(i == 0 ? 0 : ends[i - 1])..<ends[i]]), ids[i]) { return false }
                }
                return true
            }
            for added in buffer {
                guard walkMain(to: added.position) else { return }
                guard added.mask.contains(wanted) else { continue }
                if !added.entry.folded.withUnsafeBufferPointer({ body($0, added.entry.id) }) { return }
            }
            _ = walkMain(to: ids.count)
        }
    }

    private var mainEntries: [Entry] { ids.indices.map(mainEntry) }

    private func mainEntry(_ index: Int) -> Entry {
        Entry(folded: Array(bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]), id: ids[index])
    }

    private mutating func setMain(_ entries: [Entry]) {
        bytes = entries.flatMap(\.folded)
        ends = []
        ids = entries.map(\.id)
        masks = entries.map { ByteMask($0.folded) }
        var end = 0
        for entry in entries {
            end += entry.folded.count
            ends.append(end)
        }
    }

    private func mainPosition(of entry: Entry) -> Int? {
        let index = mainLowerBound(entry)
        return index < ids.count && mainEntry(index) == entry ? index : nil
    }

    private func mainLowerBound(_ entry: Entry) -> Int {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if NameIndex.precedes(mainEntry(mid), entry) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func bufferPosition(of entry: Entry) -> Int? {
        let index = bufferLowerBound(entry)
        return index < buffer.count && buffer[index].entry == entry ? index : nil
    }

    private func bufferLowerBound(_ entry: Entry) -> Int {
        var low = 0, high = buffer.count
        while low < high {
            let mid = (low + high) / 2
            if NameIndex.precedes(buffer[mid].entry, entry) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.folded.lexicographicallyPrecedes(b.folded) || (a.folded == b.folded && a.id < b.id)
    }

    public static func == (lhs: NameIndex, rhs: NameIndex) -> Bool {
        var left: [Entry] = [], right: [Entry] = []
        lhs.forEachInOrder { left.append(Entry(folded: Array($0), id: $1)); return true }
        rhs.forEachInOrder { right.append(Entry(folded: Array($0), id: $1)); return true }
        return left == right
    }
}

/// Which byte values occur in a text, one bit per letter a-z, per digit, and 28 shared bits for
/// every other byte: a name can contain a fragment only if its mask contains the fragment's.
struct ByteMask: Sendable, Equatable {
    private var bits: UInt64 = 0

    init() {}

    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes where byte != 0x20 {
            switch byte {
            case 0x61...0x7A: bits |= 1 << UInt64(byte - 0x61)
            case 0x30...0x39: bits |= 1 << UInt64(26 + byte - 0x30)
            default: bits |= 1 << UInt64(36 + byte % 28)
            }
        }
    }

    /// Whether every byte of `other` is here too.
    func contains(_ other: ByteMask) -> Bool { bits & other.bits == other.bits }
}

/// Byte-level substring tests for search.
enum ByteSearch {
    /// Whether `needle` occurs in `hay`; with `atWordStart`, only at the start or after a space.
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], atWordStart: Bool = false) -> Bool {
        let n = needle.count, h = hay.count
        guard n > 0 else { return true }
        guard n <= h else { return false }
        return needle.withUnsafeBufferPointer { pin in
            let first = pin[0]
            var i = 0
            while i <= h - n {
                if hay[i] == first, !atWordStart || i == 0 || hay[i - 1] == 0x20 {
                    var j = 1
                    while j < n, hay[i + j] == pin[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
    }
}
