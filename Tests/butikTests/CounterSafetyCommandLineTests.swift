import Foundation
import Testing

/// The counter's safety rules as the command line keeps them.
@Suite struct CounterSafetyCommandLineTests {
    struct Parcel: Decodable {
        let tracking: String
        let status: String
        let handedOutAt: Date?
    }

    struct Found: Decodable {
        let parcels: [Parcel]
    }

    @Test func oneHandOutCoversOneCustomersParcels() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Janne Eline Dahl Solberg", "--key", "JEDS").status == 0)
        #expect(try butik.run("receive", "CT797294851NO", "--to", "Magnus Solberg", "--key", "MS2").status == 0)
        let both = try butik.run("handout", "RR123456785SE", "CT797294851NO", "--verified", "known")
        #expect(both.status == 1, "\(both.stdout)")
        #expect(both.stderr.contains("for 2 customers (JEDS, MS2)"), "\(both.stderr)")
        for tracking in ["RR123456785SE", "CT797294851NO"] {
            let found = try butik.run("find", tracking, "--json").json(Found.self)
            #expect(found.parcels.map(\.status) == ["waiting"], "nothing was handed out")
        }
        #expect(try butik.run("handout", "RR123456785SE", "--verified", "known").status == 0)
        #expect(try butik.run("handout", "CT797294851NO", "--verified", "known").status == 0)
    }

    @Test func findSaysWhenAndToWhomAHandedOutParcelWent() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Janne Eline Dahl Solberg", "--key", "JEDS").status == 0)
        #expect(try butik.run("receive", "CT797294851NO", "--to", "JEDS").status == 0)
        #expect(try butik.run("handout", "RR123456785SE", "--verified", "proxy", "--proxy-name", "Per Hansen",
                              "--proxy-id", "pass …1234").status == 0)
        #expect(try butik.run("handout", "CT797294851NO", "--verified", "known").status == 0)
        let minute = DateFormatter()
        minute.dateFormat = "dd.MM.yyyy HH:mm"
        minute.timeZone = TimeZone(identifier: "Europe/Oslo")  // the shipped shop file's
        for (tracking, said) in [("RR123456785SE", "handed out to proxy Per Hansen (ID note: pass …1234) (maria)"),
                                 ("CT797294851NO", "handed out to the recipient, known to the staff (maria)")] {
            let at = try #require(try butik.run("find", tracking, "--json").json(Found.self).parcels.first?.handedOutAt)
            let found = try butik.run("find", tracking)
            #expect(found.status == 0, "\(found.stderr)")
            #expect(found.stdout.contains("\(tracking)  JEDS  Janne Eline Dahl Solberg  closed \(minute.string(from: at)): \(said)"),
                    "\(found.stdout)")
            #expect(!found.stdout.contains("left)"), "no deadline for a parcel that went: \(found.stdout)")
        }
    }

    struct Received: Decodable {
        let deadline: String
    }

    /// PostNord (the shipped shop file's first carrier) holds 7 days, extendable to 14 in all.
    @Test func extendKeepsAParcelAtMostTheCarriersDaysInAll() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let received = try butik.run("receive", "RR123456785SE", "--to", "Maria Mossestad", "--json").json(Received.self)
        let deadline = try #require(ReturnsCommandLineTests.day(received.deadline))
        let iso = ReturnsCommandLineTests.iso(deadline.addingTimeInterval(7 * 86_400))
        let latest = iso.split(separator: "-").reversed().joined(separator: ".")  // as a refusal says it: 15.12.2026
        let tooLong = try butik.run("extend", "RR123456785SE", "--days", "8")
        #expect(tooLong.status == 1, "\(tooLong.stdout)")
        #expect(tooLong.stderr.contains("PostNord lets a parcel wait at most 14 days after it arrived: RR123456785SE can wait "
            + "until \(latest) at the latest."), "\(tooLong.stderr)")
        #expect(try butik.run("extend", "RR123456785SE", "--to", ReturnsCommandLineTests.iso(deadline.addingTimeInterval(8 * 86_400)))
            .status == 1)
        #expect(try butik.run("extend", "RR123456785SE", "--days", "9999999999999999").status == 1, "a long extension is refused, never a trap")
        #expect(try butik.run("extend", "RR123456785SE", "--days", "0").status == 1, "the rule is the domain's, not a usage error")
        let allowed = try butik.run("extend", "RR123456785SE", "--days", "7")
        #expect(allowed.stdout.hasSuffix("now waits until \(latest).\n"), "\(allowed.stdout) \(allowed.stderr)")
        let more = try butik.run("extend", "RR123456785SE", "--days", "1")
        #expect(more.stderr.contains("RR123456785SE already waits as long as PostNord allows (14 days after it arrived)"),
                "\(more.stderr)")
    }
}

/// A hand-out on the pickup code through the real binary.
@Suite struct PickupCodeHandOutCommandLineTests {
    struct Parcel: Decodable {
        let tracking: String
        let status: String
    }

    struct Found: Decodable {
        let parcels: [Parcel]
    }

    static func status(_ butik: Butik, _ tracking: String) throws -> [String] {
        try butik.run("find", tracking, "--json").json(Found.self).parcels.map(\.status)
    }

    @Test func theCodeIsAskedForAndOnlyItsParcelsGoOut() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Maria Mossestad", "--code", "4711").status == 0)
        #expect(try butik.run("receive", "CT797294851NO", "--to", "MM", "--code", "9999").status == 0)
        #expect(try butik.run("receive", "RR473124829DK", "--to", "MM").status == 0)
        let all = ["RR123456785SE", "CT797294851NO", "RR473124829DK"]

        let none = try butik.run(arguments: ["handout"] + all + ["--verified", "code"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("needs the code the customer gives"), "\(none.stderr)")
        let wrong = try butik.run(arguments: ["handout"] + all + ["--verified", "code", "--code", "1234"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("3 parcels do not have the pickup code 1234"), "\(wrong.stderr)")
        #expect(try all.allSatisfy { try Self.status(butik, $0) == ["waiting"] }, "a refusal hands out nothing")
        #expect(try butik.run("handout", "RR123456785SE", "--code", "4711").status == 2, "--code goes with --verified code")

        let some = try butik.run(arguments: ["handout"] + all + ["--verified", "code", "--code", "47 11"])
        #expect(some.status == 1, "the others were refused")
        #expect(some.stdout == "Handed out RR123456785SE from A1 to Maria Mossestad (MM), verified: pickup code given\n", "\(some.stdout)")
        #expect(some.stderr.contains("2 parcels do not have the pickup code 4711 (CT797294851NO, RR473124829DK) and were not "
            + "handed out"), "\(some.stderr)")
        #expect(try Self.status(butik, "RR123456785SE") == ["handedOut"])
        #expect(try Self.status(butik, "CT797294851NO") == ["waiting"])
        #expect(try butik.run("handout", "CT797294851NO", "--verified", "code", "--code", "9999").status == 0)
        #expect(try Self.status(butik, "CT797294851NO") == ["handedOut"])
    }
}
