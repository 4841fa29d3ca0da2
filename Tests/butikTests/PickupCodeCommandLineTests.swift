import Foundation
import Testing

/// Pickup codes through the real binary: given at receipt or by a manifest, found by `find`.
@Suite struct PickupCodeCommandLineTests {
    /// A parcel as `receive --json` and `find --json` print it.
    struct ParcelJSON: Decodable {
        let tracking: String
        let key: String
        let pickupCode: String?
    }

    struct FoundCustomer: Decodable {
        let key: String
    }

    struct Found: Decodable {
        let customers: [FoundCustomer]
        let parcels: [ParcelJSON]
    }

    @Test func receiveWithACodeThenFindByIt() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        // Ola's phone holds the digits too; the code's owner still comes first.
        #expect(try butik.run("receive", "RR473124829DK", "--to", "Ola Nordmann", "--phone", "91247110").status == 0)
        let receive = try butik.run("receive", "RR123456785SE", "--to", "Maria Mossestad", "--code", "47 11", "--json")
        #expect(receive.status == 0, "\(receive.stderr)")
        #expect(try receive.json(ParcelJSON.self).pickupCode == "4711")

        let found = try butik.run("find", "4711", "--json").json(Found.self)
        #expect(found.customers.map(\.key) == ["MM", "ON"])
        #expect(found.parcels.first?.tracking == "RR123456785SE")
        #expect(found.parcels.first?.pickupCode == "4711")

        let text = try butik.run("find", "4711")
        #expect(text.stdout.contains("RR123456785SE (code 4711)"), "\(text.stdout)")
        let plain = try butik.run("receive", "CT797294851NO", "--to", "MM")
        #expect(plain.stdout.contains("Pickup code") == false)
        #expect(try butik.run("find", "CT797294851NO", "--json").stdout.contains("pickupCode") == false,
                "no code, no field")
    }

    @Test func aBadCodeIsRefusedAndNothingIsStored() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let refused = try butik.run("receive", "RR123456785SE", "--to", "Maria Mossestad", "--code", "12x")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\"12x\" is not a pickup code"), "\(refused.stderr)")
        #expect(try butik.run("find", "RR123456785SE", "--json").json(Found.self).parcels.isEmpty)
    }

    @Test func aManifestCodeCarriesOverToTheParcel() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let file = butik.store.deletingLastPathComponent().appendingPathComponent("manifest-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let csv = "Sporingsnummer;Mottaker;Hentekode\nRR123456785SE;Åse Ødegård;123 456\nRR473124829DK;Kari Nordmann;12\n"
        try Data(csv.utf8).write(to: file)
        let imported = try butik.run("import", file.path)
        #expect(imported.status == 1, "the bad code makes the import exit 1")
        #expect(imported.stderr.contains("Line 3: \"12\" is not a pickup code"), "\(imported.stderr)")

        let received = try butik.run("receive", "RR123456785SE", "--json")
        #expect(received.status == 0, "\(received.stderr)")
        #expect(try received.json(ParcelJSON.self).pickupCode == "123456")
        #expect(try butik.run("find", "123456", "--json").json(Found.self).customers.map(\.key) == ["ÅØ"])
    }
}
