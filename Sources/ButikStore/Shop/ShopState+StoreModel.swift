import ButikDomain
import Foundation

extension ShopState: StoreModel {
    public typealias Entry = Record

    /// Version 1: the first journal and snapshot format.
    public static var schemaVersion: Int { 1 }

    public func compactedForSnapshot() -> ShopState { compacted() }

    /// ``Ranges/dates``.
    public static var dateRange: Range<Date>? { Ranges.dates }
}
