import Foundation
import Testing

/// The shop's past on the command line: `history`, `customer history`, `report --date`, and
/// closed parcels in `find`, on the real binary.
@Suite struct HistoryCommandLineTests {
    struct Step: Decodable {
        let type: String
        let staff: String
        let slot: String?
        let verification: String?
        let proxyName: String?
        let proxyID: String?
        let reason: String?
    }

    struct Story: Decodable {
        let id: String
        let status: String
        let key: String
        let steps: [Step]
    }

    struct ParcelHistory: Decodable {
        let tracking: String
        let parcels: [Story]
    }

    struct Entry: Decodable {
        let type: String
        let tracking: String?
        let verification: String?
        let proxyName: String?
        let reason: String?
        let receipt: String?
    }

    struct Timeline: Decodable {
        let key: String
        let page: Int
        let pages: Int
        let total: Int
        let entries: [Entry]
    }

    struct Counts: Decodable, Equatable {
        struct By: Decodable, Equatable { let id, code, known, proxy: Int }
        let received, handedOut, returned, droppedOff, collected, receiptsUndone, handOutsUndone: Int
        let handedOutBy: By
    }

    struct Report: Decodable {
        let date: String
        let timeZone: String
        let total: Counts
        let carriers: [String: Counts]
        let staff: [String: Counts]
        let onHandAtClose: Int
    }

    struct Closed: Decodable {
        let tracking: String
        let status: String
        let closedAt: Date?
        let closedBy: String?
        let verification: String?
        let key: String
    }

    struct Found: Decodable {
        let customers: [[String: String?]]?
        let parcels: [[String: String?]]?
        let closed: [Closed]
    }

    static let first = Butik.s10(11_111_111), second = Butik.s10(22_222_222)

    /// MM gets `first`, which is refused once, handed out to a proxy and received again;
    /// and `second`, which goes back to the sender and leaves with the driver; she drops off
    /// a return parcel. Per (staff) does the hand-out.
    static func shop() throws -> Butik {
        let butik = Butik()
        var per = butik
        per.staff = "per"
        let steps: [(Butik, [String])] = [
            (butik, ["receive", first, "--to", "Maria Mossestad", "--carrier", "postnord"]),
            (butik, ["receive", second, "--to", "MM", "--carrier", "amazon"]),
            (butik, ["refuse", "MM", "--reason", "No ID with her", first]),
            (per, ["handout", first, "--verified", "proxy", "--proxy-name", "Ola Nordmann", "--proxy-id", "førerkort …4521"]),
            (butik, ["receive", first, "--to", "MM", "--again", "--carrier", "postnord"]),
            (butik, ["return", second]),
            (butik, ["handover", second]),
            (butik, ["dropoff", Butik.s10(33_333_333), "--carrier", "postnord", "--customer", "MM"]),
        ]
        for (who, args) in steps {
            let run = try who.run(arguments: args)
            #expect(run.status == 0, "\(args): \(run.stderr)")
        }
        return butik
    }

    @Test func historyTellsEveryParcelThatHadTheNumber() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let json = try butik.run("history", Self.first, "--json").json(ParcelHistory.self)
        #expect(json.tracking == Self.first)
        #expect(json.parcels.map(\.status) == ["waiting", "handedOut"])
        let old = try #require(json.parcels.last)
        #expect(old.key == "MM")
        #expect(old.steps.map(\.type) == ["received", "refused", "handedOut"])
        #expect(old.steps[1].reason == "No ID with her")
        #expect(old.steps[2].staff == "per")
        #expect(old.steps[2].verification == "proxy")
        #expect(old.steps[2].proxyName == "Ola Nordmann" && old.steps[2].proxyID == "førerkort …4521")
        let back = try #require(try butik.run("history", Self.second, "--json").json(ParcelHistory.self).parcels.first)
        #expect(back.steps.map(\.type) == ["received", "returning", "collected"])

        let text = try butik.run("history", Self.first)
        #expect(text.status == 0)
        #expect(text.stdout.contains("\(Self.first): 2 parcels had this number, newest first."), "\(text.stdout)")
        #expect(text.stdout.contains("handed out to proxy Ola Nordmann (ID note: førerkort …4521)"))
        #expect(text.stdout.contains("hand-out refused: No ID with her"))

        let unknown = try butik.run("history", Butik.s10(44_444_444))
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("was ever received in this shop"), "\(unknown.stderr)")
        #expect(try butik.run("history").status == 2)
    }

    @Test func customerHistoryListsEverythingNewestFirstInPages() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let json = try butik.run("customer", "history", "mm", "--json").json(Timeline.self)
        #expect(json.key == "MM" && json.total == 8 && json.pages == 1)
        #expect(json.entries.map(\.type) == ["droppedOff", "collected", "returning", "received", "handedOut", "refusal",
                                             "received", "received"])
        #expect(json.entries[4].proxyName == "Ola Nordmann" && json.entries[4].tracking == Self.first)
        #expect(json.entries[0].receipt == "R0001")
        let text = try butik.run("customer", "history", "MM")
        #expect(text.stdout.hasPrefix("MM (Maria Mossestad): 8 entries, newest first; page 1 of 1."), "\(text.stdout)")
        let later = try butik.run("customer", "history", "MM", "--since", "2199-01-01", "--json").json(Timeline.self)
        #expect(later.total == 0 && later.entries.isEmpty)
        #expect(try butik.run("customer", "history", "MM", "--page", "2", "--json").json(Timeline.self).entries.isEmpty)
        #expect(try butik.run("customer", "history", "NOBODY").status == 1)
        #expect(try butik.run("customer", "history", "MM", "--since", "yesterday").status == 2)
        #expect(try butik.run("customer", "history", "MM", "--page", "0").status == 2)
        #expect(try butik.run("customer", "show", "MM", "--page", "2").status == 2)
    }

    @Test func reportCountsADayPerCarrierAndStaff() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let report = try butik.run("report", "--json").json(Report.self)
        #expect(report.timeZone == "Europe/Oslo")
        #expect(report.total.received == 3 && report.total.handedOut == 1 && report.total.handedOutBy.proxy == 1)
        #expect(report.total.returned == 1 && report.total.collected == 1 && report.total.droppedOff == 1)
        #expect(report.carriers["postnord"]?.received == 2 && report.carriers["amazon"]?.collected == 1)
        #expect(report.staff["per"]?.handedOut == 1 && report.staff["maria"]?.received == 3)
        #expect(report.onHandAtClose == 1)
        let dated = try butik.run("report", "--date", report.date, "--json").json(Report.self)
        #expect(dated.total == report.total)
        let before = try butik.run("report", "--date", "2020-01-01", "--json").json(Report.self)
        #expect(before.total.received == 0 && before.onHandAtClose == 0)
        let text = try butik.run("report", "--date", report.date)
        #expect(text.stdout.contains("On hand now: 1 parcel."), "\(text.stdout)")
        #expect(try butik.run("report", "--date", "2026-02-30").status == 2)
        #expect(try butik.run("report", "--date", "2199-12-31").status == 1)
    }

    /// Issue 10: a parcel handed out three days ago, no longer in the live state, was "Nothing
    /// found"; it is listed closed, with when and to whom.
    @Test func findListsAParcelHandedOutDaysAgoAsClosed() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("demo").status == 0)
        let lines = try String(contentsOf: butik.store.appendingPathComponent("journal/000000000001.jsonl"), encoding: .utf8).split(separator: "\n")
        var tracking: [Int: String] = [:]
        var handedOut: (tracking: String, at: Date, staff: String, verification: String)?
        for line in lines {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let entry = try #require(json["entry"] as? [String: Any]), event = try #require(entry["event"] as? [String: Any])
            let at = Date(timeIntervalSince1970: (entry["at"] as? Double ?? 0) / 1000)
            if let parcel = event["parcel"] as? [String: Any], let id = parcel["id"] as? Int, event["type"] as? String == "parcelReceived" {
                tracking[id] = parcel["tracking"] as? String
            }
            if handedOut == nil, event["type"] as? String == "parcelsHandedOut", Date().timeIntervalSince(at) > 3 * 86_400,
               let id = (event["parcels"] as? [Int])?.first, let number = tracking[id] {
                handedOut = (number, at, entry["staff"] as? String ?? "", event["verification"] as? String ?? "")
            }
        }
        let old = try #require(handedOut)
        let found = try butik.run("find", old.tracking)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(!found.stdout.contains("Nothing found"), "\(found.stdout)")
        #expect(found.stdout.contains("Closed parcels (no longer in the shop)"))
        #expect(found.stdout.contains(old.tracking) && found.stdout.contains("handed out"), "\(found.stdout)")
        let json = try butik.run("find", old.tracking, "--json").json(Found.self)
        #expect(json.parcels?.isEmpty == true && json.customers?.isEmpty == true)
        let closed = try #require(json.closed.first)
        #expect(closed.tracking == old.tracking && closed.status == "handedOut")
        #expect(closed.closedAt.map { abs($0.timeIntervalSince(old.at)) < 1 } == true)
        #expect(closed.closedBy == old.staff && closed.verification == old.verification)
        let byDigits = try butik.run("find", String(old.tracking.suffix(6)), "--json").json(Found.self)
        #expect(byDigits.closed.contains { $0.tracking == old.tracking })
        #expect(try butik.run("find", "nobody-at-all").stdout.contains("Nothing found"))
    }
}
