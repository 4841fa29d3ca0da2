import Foundation
import Testing
@testable import ButikDomain

/// The name index against a plain reference: sorted names, across buffer merges and renames.
@Suite struct NameIndexTests {
    static let first = ["Åse", "Ole", "Kari", "Bjørn", "Sigrid", "Øystein", "Ærle", "Liv", "Per", "Ida", "Jan Fredrik"]
    static let last = ["Hansen", "Ødegård", "Aasen", "Berg", "Schjønningsen", "Mossestad", "Dahl"]

    @Test func walksInNameOrderAndFindsExactNamesAcrossMerges() {
        var index = NameIndex()
        var reference: [CustomerID: String] = [:]
        for n in 0..<(NameIndex.bufferLimit * 3 + 17) {
            let name = NameFolding.fold("\(Self.first[n % Self.first.count]) \(Self.last[(n / 3) % Self.last.count]) \(n % 13)")
            index.set(CustomerID(n), folded: name, previous: nil)
            reference[CustomerID(n)] = name
        }
        // Rename a few, some still in the buffer and some merged.
        for n in [3, 700, 1540] {
            let renamed = "zz renamed \(n)"
            index.set(CustomerID(n), folded: renamed, previous: reference[CustomerID(n)])
            reference[CustomerID(n)] = renamed
        }
        var walked: [CustomerID] = []
        index.forEachInOrder { walked.append($1); return true }
        let expected = reference.keys.sorted { a, b in
            let x = Array(reference[a]!.utf8), y = Array(reference[b]!.utf8)
            return x.lexicographicallyPrecedes(y) || (x == y && a < b)
        }
        #expect(walked == expected)
        #expect(index.count == reference.count)
        let target = reference[CustomerID(42)]!
        #expect(index.exactly(target) == reference.filter { $0.value == target }.keys.sorted())
        #expect(index.exactly("zz renamed 700") == [CustomerID(700)])
        #expect(index.exactly("nobody") == [])
    }

    @Test func builtInOneSortItIsTheIndexOfTheSameNamesSetOneByOne() {
        var oneByOne = NameIndex()
        var names: [CustomerID: String] = [:]
        for n in 0..<(NameIndex.bufferLimit * 2 + 5) {
            let name = NameFolding.fold("\(Self.first[n % Self.first.count]) \(Self.last[(n / 5) % Self.last.count])")
            oneByOne.set(CustomerID(n), folded: name, previous: nil)
            names[CustomerID(n)] = name
        }
        let built = NameIndex(names: names)
        #expect(built == oneByOne)
        #expect(built.exactly(names[CustomerID(9)]!) == oneByOne.exactly(names[CustomerID(9)]!))
        var afterwards = built
        afterwards.set(CustomerID(9), folded: "zz renamed", previous: names[CustomerID(9)])
        #expect(afterwards.exactly("zz renamed") == [CustomerID(9)])
    }

    @Test(arguments: ["", "ase", "ø", "dahl 7", "zq", "12"])
    func walkHavingAMaskSkipsOnlyNamesLackingItsBytes(_ fragment: String) {
        var index = NameIndex()
        var reference: [(name: [UInt8], id: CustomerID)] = []
        for n in 0..<(NameIndex.bufferLimit + 300) {
            // Past one merge, so names sit both merged and in the buffer.
            let name = NameFolding.fold("\(Self.first[n % Self.first.count]) \(Self.last[(n / 3) % Self.last.count]) \(n % 13)")
            index.set(CustomerID(n), folded: name, previous: nil)
            reference.append((Array(name.utf8), CustomerID(n)))
        }
        let wanted = Set(NameFolding.fold(fragment).utf8).subtracting([0x20])
        let expected = reference
            .filter { wanted.isSubset(of: Set($0.name)) }
            .sorted { $0.name.lexicographicallyPrecedes($1.name) || ($0.name == $1.name && $0.id < $1.id) }
            .map(\.id)
        var walked: [CustomerID] = []
        index.forEachInOrder(having: ByteMask(NameFolding.fold(fragment).utf8)) { walked.append($1); return true }
        #expect(walked == expected)
    }

    @Test func searchMatchesABruteForceScan() throws {
        var state = ShopState()
        for n in 0..<700 {
            try state.addTestCustomer("\(Self.first[n % Self.first.count]) \(Self.last[(n / 5) % Self.last.count])", key: "K\(n)")
        }
        for query in ["ase", "SCHJØNNINGSEN", "berg ole", "jan fred", "rle", "ødeg sig"] {
            let words = NameFolding.words(query)
            let brute = state.customers.values
                .filter { customer in words.allSatisfy { state.foldedNames[customer.id]!.contains($0) } }
                .map(\.id)
            let found = state.searchCustomers(query, limit: 10_000)
            #expect(Set(found) == Set(brute), "\(query)")
            #expect(found.count == brute.count, "no duplicates for \(query)")
        }
    }
}
