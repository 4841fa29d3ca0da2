/// Customers' folded names (see ``NameFolding``) as UTF-8 bytes, kept in name order, so a
/// search walks them without sorting and an exact name is found by binary search.
///
/// New names go to a small sorted buffer that is merged into the main array when it grows past
/// ``bufferLimit``, so adding a customer costs O(log n + bufferLimit) and replaying a journal of
/// many customers stays linear-ish rather than quadratic.
public struct NameIndex: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var folded: [UInt8]
        var id: CustomerID
    }

    private var main: [Entry] = []
    private var buffer: [Entry] = []
    static let bufferLimit = 512

    public init() {}

    public var count: Int { main.count + buffer.count }

    /// Records `id` under `folded`, removing it from under `previous` first.
    mutating func set(_ id: CustomerID, folded: String, previous: String?) {
        if let previous {
            let old = Entry(folded: Array(previous.utf8), id: id)
            if let index = NameIndex.position(of: old, in: buffer) {
                buffer.remove(at: index)
            } else if let index = NameIndex.position(of: old, in: main) {
                main.remove(at: index)
            }
        }
        let entry = Entry(folded: Array(folded.utf8), id: id)
        buffer.insert(entry, at: NameIndex.lowerBound(entry, in: buffer))
        if buffer.count > NameIndex.bufferLimit { mergeBuffer() }
    }

    /// The customers whose folded name is exactly `folded`, by id.
    public func exactly(_ folded: String) -> [CustomerID] {
        let bytes = Array(folded.utf8)
        let probe = Entry(folded: bytes, id: CustomerID(Int.min))
        var found: [CustomerID] = []
        for array in [main, buffer] {
            var index = NameIndex.lowerBound(probe, in: array)
            while index < array.count, array[index].folded == bytes {
                found.append(array[index].id)
                index += 1
            }
        }
        return found.sorted()
    }

    /// Calls `body` with every entry in name order until it returns false.
    func forEachInOrder(_ body: (Entry) -> Bool) {
        var i = 0, j = 0
        while i < main.count || j < buffer.count {
            let takeMain = j == buffer.count || (i < main.count && NameIndex.precedes(main[i], buffer[j]))
            let entry = takeMain ? main[i] : buffer[j]
            if takeMain { i += 1 } else { j += 1 }
            if !body(entry) { return }
        }
    }

    private mutating func mergeBuffer() {
        var merged: [Entry] = []
        merged.reserveCapacity(count)
        forEachInOrder { merged.append($0); return true }
        main = merged
        buffer = []
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

    public static func == (lhs: NameIndex, rhs: NameIndex) -> Bool {
        var left: [Entry] = [], right: [Entry] = []
        lhs.forEachInOrder { left.append($0); return true }
        rhs.forEachInOrder { right.append($0); return true }
        return left == right
    }
}

/// Byte-level substring tests for search.
enum ByteSearch {
    /// Whether `needle` occurs in the UTF-8 of `haystack`, without copying it.
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        var text = haystack
        return text.withUTF8 { contains($0, needle, atWordStart: false) }
    }

    /// Whether `needle` occurs in `haystack`; with `atWordStart`, only at the start or after a space.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8], atWordStart: Bool = false) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle, atWordStart: atWordStart) }
    }

    private static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], atWordStart: Bool) -> Bool {
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
