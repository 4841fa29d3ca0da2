import Foundation

/// What the store persists: a state built by applying journal entries in order.
///
/// Conform with a value type (a struct): the store hands copies of the model to callers.
/// `check` compares a replay of the journal with the snapshot through `==`.
public protocol StoreModel: Codable, Sendable, Equatable {
    /// One recorded change. Encoded as JSON (sorted keys, dates as milliseconds since 1970).
    associatedtype Entry: Codable, Sendable
    /// Schema version written in every file; a file with a higher version opens read-only.
    static var schemaVersion: Int { get }
    /// Applies one entry. Entries were decided against the same state, so this does not fail.
    mutating func apply(_ entry: Entry)
    /// The form written to a snapshot (e.g. closed history pruned). Default: self.
    func compactedForSnapshot() -> Self
    /// The times the model's entries and snapshots may hold; a time read outside is damage.
    /// Default: nil, any time.
    static var dateRange: Range<Date>? { get }
    /// The period an entry belongs to (a month): a transaction whose first entry is of another
    /// period than the last journal segment's first starts a new segment. Default: nil, one
    /// period (segments end only by size).
    static func segmentPeriod(of entry: Entry) -> String?
}

extension StoreModel {
    /// Default: the snapshot holds the whole model.
    public func compactedForSnapshot() -> Self { self }

    public static var dateRange: Range<Date>? { nil }

    public static func segmentPeriod(of entry: Entry) -> String? { nil }
}

/// A model rebuilt from the journal: entries applied in order and, every
/// ``compactionInterval`` entries, compacted as a snapshot taken there would be
/// (`compactedForSnapshot()`), so a long replay holds the live state, not all of history.
struct Replay<Model: StoreModel> {
    static var compactionInterval: Int { 25_000 }
    private(set) var model: Model
    private var sinceCompaction = 0

    init(_ model: Model) { self.model = model }

    mutating func apply(_ entry: Model.Entry) {
        model.apply(entry)
        sinceCompaction += 1
        if sinceCompaction == Replay.compactionInterval {
            model = model.compactedForSnapshot()
            sinceCompaction = 0
        }
    }
}
