import Foundation
import Testing

/// The counter's safety rules as the command line keeps them.
@Suite struct CounterSafetyCommandLineTests {
    struct Parcel: Decodable {
        let tracking: String
        let status: String
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
}
