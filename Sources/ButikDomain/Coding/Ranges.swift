import Foundation

/// The ranges the numbers in the journal, a snapshot and the shop file must lie in.
///
/// Decoding checks each number it reads against its range; a value outside is damage: a
/// `DecodingError` that names it ("parcel id 9223372036854775807 is out of range
/// 1...999999999999"), which the store reports with the file and line. The bounds are far
/// beyond any real shop, and keep every sum and `+ 1` on what was read from overflowing.
///
/// - Identifiers (customers, parcels, deliveries, drop-offs, queue entries): 1...999,999,999,999.
/// - Next-number counters: 1...1,000,000,000,000 (one past the last identifier: all used up;
///   decisions then refuse with ``DomainError/numbersExhausted(_:)``).
/// - Slot capacities (the shop file's and later changes): 1...999; slots on a shelf: 1...99.
/// - Hold days (a carrier's, the default, a manifest's): 1...90.
/// - A driver's declared count: 1...9,999; a delivery's counted parcels: 0...999,999,999,999.
/// - Times: 2000-01-01 to the end of 2199 (UTC), as ``dates``.
/// - Days (`YYYY-MM-DD`) are bounded by their four-digit year; nothing more is checked.
public enum Ranges {
    public static let identifier: ClosedRange<Int> = 1...999_999_999_999
    public static let nextNumber: ClosedRange<Int> = 1...(identifier.upperBound + 1)
    public static let slotCapacity: ClosedRange<Int> = 1...999
    public static let slotsPerShelf: ClosedRange<Int> = 1...99
    public static let holdDays: ClosedRange<Int> = 1...90
    public static let declaredCount: ClosedRange<Int> = 1...9999
    public static let parcelCount: ClosedRange<Int> = 0...identifier.upperBound
    /// 2000-01-01T00:00:00Z up to 2200-01-01T00:00:00Z.
    public static let dates: Range<Date> = Date(timeIntervalSince1970: 946_684_800)..<Date(timeIntervalSince1970: 7_258_118_400)

    /// `value`, or a `DecodingError.dataCorrupted` at `codingPath` saying that `what` (e.g.
    /// "parcel id") is out of `range`. The path is worked out only for that error.
    public static func checked(
        _ value: Int, in range: ClosedRange<Int>, _ what: @autoclosure () -> String, at codingPath: @autoclosure () -> [any CodingKey]
    ) throws -> Int {
        guard range.contains(value) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath(), debugDescription: "\(what()) \(value) is out of range \(range.lowerBound)...\(range.upperBound)"))
        }
        return value
    }
}

extension KeyedDecodingContainer {
    /// Decodes an `Int` that must lie in `range` (see ``Ranges``); `what` names it in the error.
    func decode(_ type: Int.Type, forKey key: Key, in range: ClosedRange<Int>, _ what: String) throws -> Int {
        try Ranges.checked(decode(Int.self, forKey: key), in: range, what, at: codingPath + [key])
    }

    /// Decodes an `Int`, if present, that must lie in `range` (see ``Ranges``).
    func decodeIfPresent(_ type: Int.Type, forKey key: Key, in range: ClosedRange<Int>, _ what: String) throws -> Int? {
        try decodeIfPresent(Int.self, forKey: key).map { try Ranges.checked($0, in: range, what, at: codingPath + [key]) }
    }
}
