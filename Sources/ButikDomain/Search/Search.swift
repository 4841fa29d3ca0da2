/// What a search at the counter found: customers and parcels, best first.
public struct SearchResults: Equatable, Sendable {
    public var customers: [CustomerID]
    public var parcels: [ParcelID]

    public var isEmpty: Bool { customers.isEmpty && parcels.isEmpty }
}

extension ShopState {
    /// Finds customers and parcels from any fragment: a key (`JEDS`), name fragments in any
    /// order ignoring case and accents (`mossestad maria`, `schjonningsen`), phone digits (3 or
    /// more), a pickup code (4 to 6 digits), a whole tracking number or scan, or 4+ characters
    /// of one with at least one digit (e.g. its last digits).
    ///
    /// In-shop parcels with the pickup code come first, and their customers first among the
    /// customers. Then customers rank: key match, then names whose words start with every
    /// fragment, then other name matches, then phone matches; ties by name. Parcels: exact
    /// tracking number first, then numbers ending with the fragment, then containing it; in-shop
    /// before closed.
    public func search(_ query: String, limit: Int = 50) -> SearchResults {
        let customers = searchCustomers(query, limit: limit), found = searchParcels(query, limit: limit)
        let byCode = parcelsInShop(withPickupCode: query)
        guard !byCode.isEmpty else { return SearchResults(customers: customers, parcels: found) }
        var owners: [CustomerID] = []
        for id in byCode {
            if let owner = parcels[id]?.customer, !owners.contains(owner) { owners.append(owner) }
        }
        return SearchResults(customers: Array((owners + customers.filter { !owners.contains($0) }).prefix(limit)),
                             parcels: Array((byCode + found.filter { !byCode.contains($0) }).prefix(limit)))
    }

    /// The parcels in the shop whose pickup code is `query` (see ``PickupCode/normalized(_:)``),
    /// newest first.
    /// - Complexity: one dictionary lookup.
    public func parcelsInShop(withPickupCode query: String) -> [ParcelID] {
        guard let code = PickupCode.normalized(query) else { return [] }
        return (inShopByPickupCode[code] ?? []).sorted(by: >)
    }

    /// The customer half of ``search(_:limit:)``.
    /// - Complexity: O(customers) at worst, walking names in order and stopping once `limit`
    ///   word-start matches are found.
    public func searchCustomers(_ query: String, limit: Int = 50) -> [CustomerID] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, limit > 0 else { return [] }
        var seen = Set<CustomerID>()
        var byKey: [CustomerID] = []
        if let keyed = customerByKey[trimmed.uppercased()] {
            byKey.append(keyed)
            seen.insert(keyed)
        }
        var wordStarts: [CustomerID] = [], inside: [CustomerID] = []
        let words = NameFolding.words(trimmed).map { Array($0.utf8) }
        if words.contains(where: { $0.contains(where: { !(0x30...0x39).contains($0) }) }) {
            let keyed = byKey.first
            nameIndex.forEachInOrder { folded, id in
                guard id != keyed, words.allSatisfy({ ByteSearch.contains(folded, $0) }) else { return true }
                if words.allSatisfy({ ByteSearch.contains(folded, $0, atWordStart: true) }) {
                    wordStarts.append(id)
                    return wordStarts.count < limit
                }
                if inside.count < limit { inside.append(id) }
                return true
            }
        }
        seen.formUnion(wordStarts)
        seen.formUnion(inside)
        var byPhone: [CustomerID] = []
        let digits = trimmed.filter(\.isASCIIDigit)
        if digits.count >= 3, byKey.count + wordStarts.count < limit,
           trimmed.allSatisfy({ $0.isASCIIDigit || " +-()".contains($0) }) {
            let needle = Array(digits.utf8)
            let wanted = limit - byKey.count - wordStarts.count
            // The first `wanted` by name, kept sorted while scanning: a short run of digits can
            // match thousands of numbers, and sorting them all would cost more than the scan.
            var best: [(name: String, id: CustomerID)] = []
            phoneIndex.forEach { phone, id in
                // "+47 912 34 567" finds a number stored as 91234567: a long query may carry a country code.
                let matches = ByteSearch.contains(phone, needle) || (needle.count > 8 && needle.suffix(phone.count).elementsEqual(phone))
                guard matches, !seen.contains(id), !best.contains(where: { $0.id == id }) else { return }
                let entry = (name: foldedNames[id] ?? "", id: id)
                if best.count == wanted, let last = best.last, !((entry.name, entry.id) < (last.name, last.id)) { return }
                let index = best.firstIndex { (entry.name, entry.id) < ($0.name, $0.id) } ?? best.count
                best.insert(entry, at: index)
                if best.count > wanted { best.removeLast() }
            }
            byPhone = best.map(\.id)
        }
        return Array((byKey + wordStarts + inside + byPhone).prefix(limit))
    }

    /// The parcel half of ``search(_:limit:)``.
    /// - Complexity: O(parcels in live state) when the query can be part of a tracking number.
    public func searchParcels(_ query: String, limit: Int = 50) -> [ParcelID] {
        let code = Tracking.normalize(query)
        guard code.count >= 4, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              code.contains(where: \.isASCIIDigit) else { return [] }
        let exact = (try? Tracking.parse(query).get())?.number
        let needle = Array(code.utf8)
        var matches: [(rank: Int, id: ParcelID)] = []
        trackingIndex.forEach { value, id in
            let base: Int
            if value.elementsEqual(needle) || exact.map({ value.elementsEqual($0.value.utf8) }) == true {
                base = 0
            } else if value.count >= needle.count, value.suffix(needle.count).elementsEqual(needle) {
                base = 2
            } else if ByteSearch.contains(value, needle) {
                base = 4
            } else {
                return
            }
            matches.append((base + (parcels[id]?.status.isInShop == true ? 0 : 1), id))
        }
        // Best rank first, then the newest parcel: plain integers, so sorting thousands is cheap.
        matches.sort { ($0.rank, -$0.id.rawValue) < ($1.rank, -$1.id.rawValue) }
        return matches.prefix(limit).map(\.id)
    }
}
