import ButikDomain
import Foundation

/// Retention: contacts and closed cases older than `shop.json`'s `retention` removed from every
/// file of the store (see ``Purge`` and `docs/store.md`, "Purging old contacts and cases").
extension ShopStore {
    /// Present while a purge's rewrite is under way: a purge killed on the way is completed by
    /// the next one, also when nothing more is old enough.
    static let purgingFileName = "purging.json"

    /// What a purge did.
    public struct PurgeDone: Sendable, Equatable {
        /// What went; nothing when nothing was old enough (and then no file was touched).
        public var outcome: PurgeOutcome
        /// The journal lines and segments rewritten.
        public var rewrite: RewriteReport
    }

    /// Removes what the shop's retention rule lets go on the day of `now`: under the exclusive
    /// lock, records ``Event/purged(contacts:cases:)``, then removes the snapshot and
    /// `history.bin` and rewrites every journal line that logged, opened or updated one of them
    /// (see ``Store/rewrite(removing:_:recorded:)``); then `history.bin` is made again. When
    /// nothing is old enough, and no earlier purge was left unfinished, no file is touched.
    public func purge(staff: StaffID, now: Date) throws -> PurgeDone {
        guard Ranges.dates.contains(now) else { throw DomainError.clockWrong(now) }
        let context = Context(layout: layout, now: now, staff: staff)
        let marker = folder.standardizedFileURL.path + "/" + Self.purgingFileName
        let unfinished = FileManager.default.fileExists(atPath: marker)
        let preview = state.purge(layout.retention, context)
        guard !preview.events.isEmpty || unfinished else { return PurgeDone(outcome: preview.outcome, rewrite: RewriteReport(lines: 0, segments: [])) }
        let (outcome, report) = try store.rewrite(removing: [HistoryFile.name], { state in
            let decision = state.purge(layout.retention, context)
            return (decision.events.map(context.record), Purge(), decision.outcome)
        }, recorded: { (_: PurgeOutcome) in
            try MarkerFile.write(PurgeMarker(startedAt: now), to: marker, ops: store.fileOps)
        })
        // Done: a marker left behind only makes the next purge read the journal once more, so a
        // failure to remove it does not turn a purge that happened into one reported as failed.
        try? MarkerFile.remove(marker, ops: store.fileOps)
        try? prepareHistory(now: now)
        return PurgeDone(outcome: outcome, rewrite: report)
    }
}

/// `purging.json`: when the purge under way started.
struct PurgeMarker: Codable {
    var startedAt: Date
}

extension Purge: JournalRewrite {
    public func rewritten(_ entry: Record, seq: Int) -> Record { scrubbed(entry) }
}
