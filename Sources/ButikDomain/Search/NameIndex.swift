/// Customers' folded names (see ``NameFolding``) as UTF-8 bytes, kept in name order, so a
/// search walks them without sorting and an exact name is found by binary search.
///
/// Most names sit in one flat byte array (no object per name, so a walk over 20,000 names
/// touches no reference counts); new names go to a small sorted buffer that is merged in when
/// it grows past ``bufferLimit``. Adding a customer costs O(log n + bufferLimit), a merge
/// O(n), so replaying a journal of many customers stays near linear.
public struct NameIndex: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var folded: [UInt8]
        var id: CustomerID
    }

    /// The merged names back to back; name `i` ends at `ends[i]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var ids: [CustomerID] = []
    private var buffer: [Entry] = []
    static let bufferLimit = 512

    public init() {}

    public var count: Int { ids.count + buffer.count }

    /// Records `id` under `folded`, removing it from under `previous` first.
    mutating func set(_ id: CustomerID, folded: String, previous: String?) {
        if let previous {
            let old = Entry(folded: Array(previous.utf8), id: id)
            if let index = NameIndex.position(of: old, in: buffer) {
                buffer.remove(at: index)
            } else if let index = mainPosition(of: old) {
                var entries = mainEntries
                entries.remove(at: index)
                setMain(entries)
            }
        }
        let entry = Entry(folded: Array(folded.utf8), id: id)
        buffer.insert(entry, at: NameIndex.lowerBound(entry, in: buffer))
        if buffer.count > NameIndex.bufferLimit {
            var merged: [Entry] = []
            merged.reserveCapacity(count)
            forEachInOrder { folded, id in
                merged.append(Entry(folded: Array(folded), id: id))
                return true
            }
            setMain(merged)
            buffer = []
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
        index = NameIndex.lowerBound(probe, in: buffer)
        while index < buffer.count, buffer[index].folded == probe.folded {
            found.append(buffer[index].id)
            index += 1
        }
        return found.sorted()
    }

    /// Calls `body` with every name's bytes and id in name order until it returns false.
    func forEachInOrder(_ body: (UnsafeBufferPointer<UInt8>, CustomerID) -> Bool) {
        bytes.withUnsafeBufferPointer { flat in
            var i = 0, j = 0
            while i < ids.count || j < buffer.count {
                let start = i == 0 ? 0 : ends[i - 1]
                let name = i < ids.count ? UnsafeBufferPointer(rebasing: flat[start..<ends[i]]) : UnsafeBufferPointer(start: nil, count: 0)
                let takeMain = j == buffer.count
                    || (i < ids.count && NameIndex.precedes(name, ids[i], buffer[j].folded, buffer[j].id))
                if takeMain {
                    i += 1
                    if !body(name, ids[i - 1]) { return }
                } else {
                    let keepGoing = buffer[j].folded.withUnsafeBufferPointer { body($0, buffer[j].id) }
                    j += 1
                    if !keepGoing { return }
                }
            }
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

    private static func position(of entry: Entry, in array: [Entry]) -> Int? {
        let index = lowerBound(entry, in: array)
        return index < array.count && array[index] == entry ? index : nil
    }

    private static func lowerBound(_ entry: Entry, in array: [Entry]) -> Int {
        var low = 0, high = array.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(array[mid], entry) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.folded.lexicographicallyPrecedes(b.folded) || (a.folded == b.folded && a.id < b.id)
    }

    private static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ aID: CustomerID, _ b: [UInt8], _ bID: CustomerID) -> Bool {
        a.lexicographicallyPrecedes(b) || (a.elementsEqual(b) && aID < bID)
    }

    public static func == (lhs: NameIndex, rhs: NameIndex) -> Bool {
        var left: [Entry] = [], right: [Entry] = []
        lhs.forEachInOrder { left.append(Entry(folded: Array($0), id: $1)); return true }
        rhs.forEachInOrder { right.append(Entry(folded: Array($0), id: $1)); return true }
        return left == right
    }
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
