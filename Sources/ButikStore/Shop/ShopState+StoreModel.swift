import ButikDomain
import Foundation

extension ShopState: StoreModel {
    public typealias Entry = Record

    /// Version 1: the first journal and snapshot format.
    public static var schemaVersion: Int { 1 }

    public func compactedForSnapshot() -> ShopState { compacted() }

    /// ``Ranges/dates``.
    public static var dateRange: Range<Date>? { Ranges.dates }

    /// The record's month in UTC (`2026-12`): the journal has a segment a month.
    public static func segmentPeriod(of entry: Record) -> String? {
        let parts = utcCalendar.dateComponents([.year, .month], from: entry.at)
        guard let year = parts.year, let month = parts.month else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
}

private let utcCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
}()
