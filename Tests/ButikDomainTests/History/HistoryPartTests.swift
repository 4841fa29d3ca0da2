import Foundation
import Testing
@testable import ButikDomain

/// A history built from some pieces of the history at an earlier entry (as a derived file
/// stores it) and caught up with the entries after it answers as the whole history does, and
/// pieces caught up where the entries change them are the whole history's.
@Suite struct HistoryPartTests {
    private func history(_ records: ArraySlice<Record>) -> History {
        var history = History(zone: Fixtures.oslo)
        for (index, record) in zip(records.indices, records) { history.apply(record, seq: index + 1) }
        return history
    }

    /// The history at `cut` holding `pieces` and what the later records name, caught up to the end.
    private func partial(_ records: [Record], cut: Int, _ pieces: (History.Part) -> History.Part) -> History {
        let atCut = history(records[..<cut]).part
        let tail = records[cut...]
        let named = History(zone: Fixtures.oslo).references(of: tail)
        var part = pieces(atCut)
        for id in named.parcels { part.stories[id] = atCut.stories[id] }
        for id in named.dropOffs { part.dropOffCarriers[id] = atCut.dropOffCarriers[id] }
        var caughtUp = History(zone: Fixtures.oslo, sequence: cut, part: part)
        for (index, record) in zip(tail.indices, tail) { caughtUp.apply(record, seq: index + 1) }
        return caughtUp
    }

    /// `part` with only the stories of the parcels its numbers and timelines name.
    private func withTheirStories(_ part: History.Part, from all: History.Part) -> History.Part {
        var part = part
        let ids = Set(part.tracking.values.joined()).union(part.timelines.values.flatMap(History.parcels(on:)))
        for id in ids { part.stories[id] = all.stories[id] }
        return part
    }

    private func cuts(_ records: [Record]) -> [Int] { [0, 1, records.count / 3, records.count * 2 / 3, records.count - 5, records.count] }

    /// A builder that takes the closed stories and the timelines so far out every `every`
    /// entries (as a rebuild of the derived file spills them) and puts a story back before an
    /// entry naming it ends with the whole history: the stories it took and kept, the
    /// timelines it took followed by the ones it kept.
    @Test func piecesTakenOutWhileBuildingAndPutBackWhenNamedMakeTheWholeHistory() {
        var putBack = 0
        for seed in HistoryTests.seeds {
            let records = RandomJournal(seed: seed).records, whole = history(records[...])
            for every in [1, 4, 25] {
                var building = History(zone: Fixtures.oslo)
                var aside: [ParcelID: ParcelStory] = [:], timelines: [CustomerID: [TimelineItem]] = [:]
                for (index, record) in records.enumerated() {
                    for id in History.parcels(namedBy: record.event) {
                        guard let story = aside.removeValue(forKey: id) else { continue }
                        building.restore(story)
                        putBack += 1
                    }
                    building.apply(record, seq: index + 1)
                    if (index + 1) % every == 0 {
                        for story in building.removeStories(where: { !$0.status.isInShop }) { aside[story.id] = story }
                        timelines.merge(building.removeTimelines()) { $0 + $1 }
                        #expect(building.part.stories.values.allSatisfy(\.status.isInShop) && building.part.timelines.isEmpty)
                    }
                }
                var part = building.part
                part.stories.merge(aside) { kept, _ in kept }
                part.timelines.merge(timelines) { kept, taken in taken + kept }
                #expect(part == whole.part, "seed \(seed), every \(every)")
            }
        }
        #expect(putBack > 0, "the journals name parcels out of the shop (an undone hand-out)")
    }

    @Test(arguments: HistoryTests.seeds)
    func storiesByNumberAndClosedParcelsByTheirEnd(seed: UInt64) {
        let records = RandomJournal(seed: seed).records, whole = history(records[...])
        let numbers = Set(whole.part.tracking.keys)
        for cut in cuts(records) {
            for number in numbers {
                let answer = partial(records, cut: cut) { all in
                    withTheirStories(History.Part(tracking: all.tracking.filter { $0.key == number }), from: all)
                }
                #expect(answer.stories(for: number) == whole.stories(for: number), "cut \(cut), \(number)")
                for text in [number.value, String(number.value.suffix(4))] {
                    let query = TrackingQuery(text)!
                    let found = partial(records, cut: cut) { all in
                        withTheirStories(History.Part(tracking: all.tracking.filter { query.matchesWholeOrEnd($0.key) }), from: all)
                    }
                    #expect(found.closedStories(matching: query) == whole.closedStories(matching: query), "cut \(cut), \(text)")
                }
            }
        }
    }

    @Test(arguments: HistoryTests.seeds)
    func customerTimelines(seed: UInt64) {
        let journal = RandomJournal(seed: seed)
        let records = journal.records, whole = history(records[...])
        for cut in cuts(records) {
            for customer in journal.state.customers.keys {
                // Theirs and those of the records merged into theirs, before the cut or after.
                let joined = Set(History.joinedCustomers(of: customer, in: whole.part.timelines))
                let answer = partial(records, cut: cut) { all in
                    withTheirStories(History.Part(timelines: all.timelines.filter { joined.contains($0.key) }), from: all)
                }
                #expect(answer.timeline(of: customer, pageSize: 1000) == whole.timeline(of: customer, pageSize: 1000), "cut \(cut), \(customer)")
                #expect(answer.timeline(of: customer, page: 2, pageSize: 3) == whole.timeline(of: customer, page: 2, pageSize: 3))
            }
        }
    }

    @Test(arguments: HistoryTests.seeds)
    func dayCounts(seed: UInt64) {
        let records = RandomJournal(seed: seed).records, whole = history(records[...])
        let first = Day(records.first!.at, in: Fixtures.oslo), last = Day(records.last!.at, in: Fixtures.oslo)
        for cut in cuts(records) {
            for offset in -1...(last.days(since: first) + 1) {
                let day = first.adding(days: offset)
                let answer = partial(records, cut: cut) { all in
                    History.Part(days: all.days.filter { $0.key == day }, onHandChanges: all.onHandChanges)
                }
                #expect(answer.counts(on: day) == whole.counts(on: day), "cut \(cut), \(day)")
            }
        }
    }

    /// How a derived file is caught up: the pieces the later records change, read whole and
    /// caught up, with every other piece as it was, make the whole history's pieces.
    @Test(arguments: HistoryTests.seeds)
    func piecesCaughtUpWhereTheEntriesChangeThemMakeTheWholeHistory(seed: UInt64) {
        let records = RandomJournal(seed: seed).records, whole = history(records[...]).part
        for cut in cuts(records) {
            let atCut = history(records[..<cut]).part
            let tail = records[cut...]
            let blank = History(zone: Fixtures.oslo)
            let named = blank.references(of: tail)
            let touched = blank.references(of: tail) { atCut.stories[$0]?.customer }
            var part = History.Part(onHandChanges: atCut.onHandChanges)
            part.stories = atCut.stories.filter { named.parcels.contains($0.key) }
            part.dropOffCarriers = atCut.dropOffCarriers.filter { named.dropOffs.contains($0.key) }
            part.timelines = atCut.timelines.filter { touched.customers.contains($0.key) }
            part.tracking = atCut.tracking.filter { touched.tracking.contains($0.key) }
            part.days = atCut.days.filter { touched.days.contains($0.key) }
            var caughtUp = History(zone: Fixtures.oslo, sequence: cut, part: part)
            for (index, record) in zip(tail.indices, tail) { caughtUp.apply(record, seq: index + 1) }
            let after = caughtUp.part
            var merged = atCut
            merged.stories.merge(after.stories) { $1 }
            merged.dropOffCarriers.merge(after.dropOffCarriers) { $1 }
            merged.timelines.merge(after.timelines) { $1 }
            merged.tracking.merge(after.tracking) { $1 }
            merged.days.merge(after.days) { $1 }
            merged.onHandChanges = after.onHandChanges
            #expect(merged == whole, "cut \(cut)")
            #expect(Set(after.timelines.keys).isSubset(of: touched.customers), "cut \(cut): nothing changed where it was not read")
            #expect(Set(after.stories.keys).isSubset(of: named.parcels))
        }
    }
}
