import Foundation
import Testing
@testable import ButikDomain

/// Short fragments that match far more customers or parcels than a search lists: the first
/// `limit` must be exactly those a full sort would put first.
@Suite struct ManyMatchesTests {
    static let first = ["Åse", "Ola", "Kari", "Øystein", "Sigrid", "Jan", "Liv", "Torbjørn", "Ingrid", "Per"]
    static let last = ["Berg", "Ødegård", "Hansen", "Ærø", "Dahl", "Strand", "Lie"]

    @Test(arguments: [1, 7, 40, 150, 1_000])
    func phoneFragmentListsTheFirstByName(limit: Int) throws {
        var state = ShopState()
        for n in 0..<150 {
            // Names repeat, so ties between equal names fall to the id.
            let name = "\(Self.first[(n * 7) % Self.first.count]) \(Self.last[n % Self.last.count])"
            try state.addTestCustomer(name, key: "K\(n)", phones: n % 10 == 3 ? ["4712\(n)"] : ["900\(10_000 + n)"])
        }
        let brute = state.customers.values
            .filter { $0.phones.contains { $0.contains("900") } }
            .sorted { a, b in
                let (x, y) = (state.foldedNames[a.id]!.utf8, state.foldedNames[b.id]!.utf8)
                return x.lexicographicallyPrecedes(y) || (x.elementsEqual(y) && a.id < b.id)
            }
            .map(\.id)
        #expect(brute.count == 135)
        #expect(state.searchCustomers("900", limit: limit) == Array(brute.prefix(limit)))
    }

    @Test func phoneFragmentLeavesOutTheKeyedCustomer() throws {
        var state = ShopState()
        for n in 0..<60 { try state.addTestCustomer("Kari Berg", phones: ["900\(10_000 + n)"]) }
        let keyed = try state.addTestCustomer("Ola Dahl", key: "9001", phones: ["90019001"])
        let found = state.searchCustomers("9001", limit: 5)
        #expect(found.first == keyed.id)
        #expect(Set(found).count == 5, "the keyed customer is not listed twice")
    }

    @Test(arguments: [1, 10, 40, 200])
    func trackingFragmentListsTheBestRanked(limit: Int) throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let layout = { var l = Fixtures.layout; l.shelves[0].capacity = 500; return l }()
        var handedOut: [ParcelID] = []
        for n in 0..<120 {
            // Every number contains 4242; a few end with it, one is exactly it.
            let code = n == 50 ? "4242" : n % 9 == 0 ? "AB\(1000 + n)4242" : "4242\(100_000 + n)"
            let parcel = try state.receiveTestParcel(code, for: maria, Fixtures.context(layout: layout))
            if n % 4 == 1 { handedOut.append(parcel.id) }
        }
        state.commit(try state.handOut(HandOutRequest(parcels: handedOut, verification: .id), Fixtures.context(layout: layout)),
                     Fixtures.context(layout: layout))
        func rank(_ parcel: Parcel) -> Int {
            let value = parcel.tracking.value
            let base = value == "4242" ? 0 : value.hasSuffix("4242") ? 2 : 4
            return base + (parcel.status.isInShop ? 0 : 1)
        }
        let brute = state.parcels.values.sorted { (rank($0), -$0.id.rawValue) < (rank($1), -$1.id.rawValue) }.map(\.id)
        #expect(state.searchParcels("4242", limit: limit) == Array(brute.prefix(limit)))
    }
}
