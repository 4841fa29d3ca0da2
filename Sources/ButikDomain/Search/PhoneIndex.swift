/// Customers' phone numbers, found by a run of three or more digits without reading every
/// number: each customer is listed under every three digits in a row that their numbers hold.
/// A number holding a run of digits holds its last three, and so does a number that a longer
/// run ends with (a query with a country code), so the list of those three digits holds every
/// customer a search can find; only theirs are read.
struct PhoneIndex: Sendable {
    /// Customers by three digits in a row (`000` is 0, `999` is 999), each at most once a list.
    private var byDigits = [[CustomerID]](repeating: [], count: 1000)
    /// Customers with a number of fewer than three characters (none the domain takes, but a
    /// journal is not checked for it): read on every search.
    private var short: Set<CustomerID> = []
    private var numbers: [CustomerID: [String]] = [:]

    init() {}

    /// Records that `id`'s numbers are now `new` instead of `old`.
    mutating func replace(_ old: [String], with new: [String], for id: CustomerID) {
        guard old != new else { return }
        for key in Self.keys(old) { byDigits[key].removeAll { $0 == id } }
        for key in Self.keys(new) { byDigits[key].append(id) }
        if new.contains(where: { $0.utf8.count < 3 }) { short.insert(id) } else { short.remove(id) }
        numbers[id] = new.isEmpty ? nil : new
    }

    /// The customers with a number holding `digits` (three or more ASCII digits), or, for a run
    /// longer than 8 (a country code in front), a number it ends with.
    func customers(holding digits: [UInt8]) -> Set<CustomerID> {
        guard digits.count >= 3, let key = Self.key(digits[digits.count - 3], digits[digits.count - 2], digits[digits.count - 1]) else { return [] }
        var found = Set<CustomerID>()
        for id in byDigits[key] + short where !found.contains(id) {
            let holds = (numbers[id] ?? []).contains { phone in
                let number = Array(phone.utf8)
                return number.withUnsafeBufferPointer { ByteSearch.contains($0, digits) }
                    || (digits.count > 8 && digits.suffix(number.count).elementsEqual(number))
            }
            if holds { found.insert(id) }
        }
        return found
    }

    /// Every three digits in a row in `numbers`, each once.
    private static func keys(_ numbers: [String]) -> Set<Int> {
        var keys = Set<Int>()
        for number in numbers {
            let bytes = Array(number.utf8)
            for end in bytes.indices.dropFirst(2) {
                if let key = key(bytes[end - 2], bytes[end - 1], bytes[end]) { keys.insert(key) }
            }
        }
        return keys
    }

    private static func key(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        let digits = (Int(a) - 0x30, Int(b) - 0x30, Int(c) - 0x30)
        guard (0...9).contains(digits.0), (0...9).contains(digits.1), (0...9).contains(digits.2) else { return nil }
        return digits.0 * 100 + digits.1 * 10 + digits.2
    }
}

extension PhoneIndex: Equatable {
    /// The same numbers, each listed under the same digits (a list's order is that of the
    /// changes made).
    static func == (a: PhoneIndex, b: PhoneIndex) -> Bool {
        a.numbers == b.numbers && a.short == b.short && zip(a.byDigits, b.byDigits).allSatisfy { Set($0) == Set($1) }
    }
}
