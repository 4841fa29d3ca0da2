import ButikDomain
@testable import ButikStore
import Foundation
import Testing

/// `butik purge` on a store: old contacts and closed cases gone from every file, the rest and
/// the counts as they were, nothing written when nothing is old enough, and a purge left
/// unfinished completed by the next.
@Suite struct PurgeStoreTests {
    static let layout = ErasureStoreTests.layout.replacingOccurrences(of: #""defaultHoldDays":7,"#,
                                                                      with: #""defaultHoldDays":7,"retention":{"days":30},"#)
    static let old = ["Spurte om åpningstider", "Knust vase", "Erstattet av avsender"]
    static let kept = ["Venter på svar", "Ny adresse", "Kari Nordmann"]

    /// Kari: in January a question and a damage claim closed the next day, a case still open;
    /// in March a new contact. Each month a segment of its own.
    static func shop(in dir: URL) throws -> (ShopStore, kari: CustomerID) {
        let store = try ShopStore.open(folder: dir, defaultLayout: Data(layout.utf8))
        #expect(store.layout.retention.days == 30)
        var minute = 0
        func run<O>(_ month: Int, _ decide: (ShopState, Context) throws(DomainError) -> Decision<O>) throws -> O {
            minute += 5
            return try store.perform(staff: "kari", now: ErasureStoreTests.month(month, minute), decide)
        }
        let kari = try run(0) { s, c throws(DomainError) in try s.addCustomer(NewCustomer(name: "Kari Nordmann"), c) }.id
        _ = try run(0) { s, c throws(DomainError) in try s.logContact(kari, channel: .messenger, about: .question, text: old[0], c) }
        let claim = try run(0) { s, c throws(DomainError) in try s.openCase(NewCase(customer: kari, kind: .claim(.damaged), text: old[1]), c) }
        _ = try run(0) { s, c throws(DomainError) in try s.closeCase(claim.id, text: old[2], c) }
        _ = try run(1) { s, c throws(DomainError) in try s.openCase(NewCase(customer: kari, kind: .question, text: kept[0]), c) }
        _ = try run(2) { s, c throws(DomainError) in try s.logContact(kari, channel: .counter, about: .question, text: kept[1], c) }
        try store.writeSnapshot()
        _ = try store.history(for: .timeline(kari, since: nil, page: 1, pageSize: 20))
        return (store, kari)
    }

    @Test func oldContactsAndClosedCasesLeaveEveryFileAndTheStoreChecks() throws {
        try withTemporaryFolder { dir in
            let (store, kari) = try Self.shop(in: dir)
            let before = try ErasureStoreTests.files(dir)
            for text in Self.old { #expect(ErasureStoreTests.holders(of: text, in: before).contains("history.bin"), "\(text)") }
            let timeline = try store.history(for: .timeline(kari, since: nil, page: 1, pageSize: 20)).timeline(of: kari).total

            let done = try store.purge(staff: "kari", now: ErasureStoreTests.month(2, 600))
            #expect(done.outcome.contacts.map(\.text) == [Self.old[0]])
            #expect(done.outcome.cases.map(\.text) == [Self.old[1]])
            #expect(done.rewrite.lines == 3)
            #expect(done.rewrite.segments.count == 1)

            let after = try ErasureStoreTests.files(dir)
            #expect(Set(after.keys) == Set(before.keys))
            for text in Self.old { #expect(ErasureStoreTests.holders(of: text, in: after).isEmpty, "\(text) is left") }
            for text in Self.kept { #expect(!ErasureStoreTests.holders(of: text, in: after).filter { $0.hasPrefix("journal/") }.isEmpty, "\(text)") }
            #expect(ErasureStoreTests.holders(of: Self.kept[0], in: after).contains("history.bin"))
            #expect(ErasureStoreTests.checked(dir).isEmpty, "\(ErasureStoreTests.checked(dir))")
            #expect(try store.historyFileProblem() == nil)
            #expect(try store.history(for: .timeline(kari, since: nil, page: 1, pageSize: 20)).timeline(of: kari).total == timeline - 3)

            let reopened = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
            #expect(reopened.state == store.state.compacted())
            #expect(reopened.state.contacts.values.map(\.text) == [Self.kept[1]])
            #expect(reopened.state.customerCases(kari).map(\.text) == [Self.kept[0]])

            // Nothing more is old enough: nothing is written.
            let again = try reopened.purge(staff: "kari", now: ErasureStoreTests.month(2, 700))
            #expect(again.outcome.contacts.isEmpty && again.outcome.cases.isEmpty && again.rewrite.lines == 0)
            #expect(try ErasureStoreTests.files(dir) == after)
        }
    }

    /// A purge killed after its event was written and before the lines were rewritten leaves
    /// the marker; the next purge rewrites them though nothing more is old enough.
    @Test func aPurgeLeftUnfinishedIsCompletedByTheNext() throws {
        try withTemporaryFolder { dir in
            let (store, _) = try Self.shop(in: dir)
            let now = ErasureStoreTests.month(2, 600)
            _ = try store.perform(staff: "kari", now: now) { s, c in s.purge(store.layout.retention, c) }
            try MarkerFile.write(PurgeMarker(startedAt: now), to: dir.standardizedFileURL.path + "/" + ShopStore.purgingFileName, ops: .live)
            #expect(!ErasureStoreTests.holders(of: Self.old[1], in: try ErasureStoreTests.files(dir)).isEmpty)

            let done = try store.purge(staff: "kari", now: now + 60)
            #expect(done.outcome.contacts.isEmpty && done.outcome.cases.isEmpty)
            #expect(done.rewrite.lines == 3)
            let after = try ErasureStoreTests.files(dir)
            for text in Self.old { #expect(ErasureStoreTests.holders(of: text, in: after).isEmpty, "\(text) is left") }
            #expect(after[ShopStore.purgingFileName] == nil)
            #expect(ErasureStoreTests.checked(dir).isEmpty, "\(ErasureStoreTests.checked(dir))")
        }
    }
}
