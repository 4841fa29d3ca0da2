/// What a search at the counter found: customers and parcels, best first.
public struct SearchResults: Equatable, Sendable {
    public var customers: [CustomerID]
    public var parcels: [ParcelID]

    public var isEmpty: Bool { customers.isEmpty && parcels.isEmpty }
}

extension ShopState {
    /// Finds customers and parcels from any fragment: a key or a retired key (`JEDS`), name
    /// fragments in any order ignoring case and accents (`mossestad maria`, `schjonningsen`),
    /// fragments of a note, an e-mail address or a proxy's name (`vespa`, `petter`), phone digits
    /// (3 or more), a pickup code (4 to 6 digits), a whole tracking number or scan, or 4+
    /// characters of one with at least one digit (e.g. its last digits).
    ///
    /// In-shop parcels with the pickup code come first, and their customers first among the
    /// customers. Then customers rank: key match, then names whose words start with every
    /// fragment, then other name matches, then customers whose name, note, e-mail and proxies
    /// together hold every fragment, then phone matches; ties by name (the notes' matches in
    /// the order the customers were added). Parcels: exact
    /// tracking number first, then numbers ending with the fragment, then containing it; in-shop
    /// before closed.
    public func search(_ query: String, limit: Int = 50) -> SearchResults {
        let found = searchParcels(query, limit: limit), byCode = parcelsInShop(withPickupCode: query)
        return SearchResults(customers: customersFound(by: query, limit: limit),
                             parcels: byCode.isEmpty ? found : Array((byCode + found.filter { !byCode.contains($0) }).prefix(limit)))
    }

    /// The customers ``search(_:limit:)`` finds, without looking for parcels (F6's directory):
    /// the owners of parcels in the shop with the pickup code `query` first, then
    /// ``searchCustomers(_:limit:)``.
    public func customersFound(by query: String, limit: Int = 50) -> [CustomerID] {
        let customers = searchCustomers(query, limit: limit)
        var owners: [CustomerID] = []
        for id in parcelsInShop(withPickupCode: query) {
            if let owner = records.parcels[id]?.customer, !owners.contains(owner) { owners.append(owner) }
        }
        return owners.isEmpty ? customers : Array((owners + customers.filter { !owners.contains($0) }).prefix(limit))
    }

    /// The parcels in the shop whose pickup code is `query` (see ``PickupCode/init(_:)``),
    /// newest first.
    /// - Complexity: one dictionary lookup.
    public func parcelsInShop(withPickupCode query: String) -> [ParcelID] {
        guard let code = PickupCode(query) else { return [] }
        return (indexes.inShopByPickupCode[code] ?? []).sorted(by: >)
    }

    /// The customer half of ``search(_:limit:)``.
    /// - Complexity: O(customers) at worst, walking names in order and stopping once `limit`
    ///   word-start matches are found.
    public func searchCustomers(_ query: String, limit: Int = 50) -> [CustomerID] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, limit > 0 else { return [] }
        var seen = Set<CustomerID>()
        var byKey: [CustomerID] = []
        if let keyed = indexes.customerByKey[CustomerKey(typed: trimmed)] {
            byKey.append(keyed)
            seen.insert(keyed)
        }
        var wordStarts: [CustomerID] = [], inside: [CustomerID] = []
        let words = NameFolding.words(trimmed).map { Array($0.utf8) }
        if words.contains(where: { $0.contains(where: { !(0x30...0x39).contains($0) }) }) {
            let keyed = byKey.first
            indexes.nameIndex.forEachInOrder(having: ByteMask(words.joined())) { folded, id in
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
        var byText: [CustomerID] = []
        if !words.isEmpty, byKey.count + wordStarts.count + inside.count < limit {
            byText = customersByText(words, except: seen, limit: limit - byKey.count - wordStarts.count - inside.count)
            seen.formUnion(byText)
        }
        var byPhone: [CustomerID] = []
        let digits = trimmed.filter(\.isASCIIDigit)
        let found = byKey.count + wordStarts.count + byText.count
        if digits.count >= 3, found < limit, trimmed.allSatisfy({ $0.isASCIIDigit || " +-()".contains($0) }) {
            byPhone = customersByPhone(Array(digits.utf8), except: seen, limit: limit - found)
        }
        return Array((byKey + wordStarts + inside + byText + byPhone).prefix(limit))
    }

    /// The first `limit` customers not `seen` whose note, e-mail and proxies' names (and name)
    /// hold every one of `words`, with one of them in the note, e-mail or proxies.
    /// - Complexity: O(length of the customers' notes, e-mails and proxies' names).
    private func customersByText(_ words: [[UInt8]], except seen: Set<CustomerID>, limit: Int) -> [CustomerID] {
        var found: [CustomerID] = []
        guard limit > 0 else { return found }
        indexes.textIndex.forEach { text, id in
            // The name is looked up only for a customer whose text holds a word (few do).
            guard found.count < limit, words.contains(where: { ByteSearch.contains(text, $0) }), !seen.contains(id) else { return }
            if words.allSatisfy({ ByteSearch.contains(text, $0) }) { return found.append(id) }
            guard var name = indexes.foldedNames[id] else { return }
            if name.withUTF8({ name in words.allSatisfy { ByteSearch.contains(text, $0) || ByteSearch.contains(name, $0) } }) {
                found.append(id)
            }
        }
        return found
    }

    /// The first `limit` customers by name with a phone number containing `needle` ("+47 912 34
    /// 567" also finds a number stored as 91234567: a long query may carry a country code).
    private func customersByPhone(_ needle: [UInt8], except seen: Set<CustomerID>, limit: Int) -> [CustomerID] {
        let matched = indexes.phoneIndex.customers(holding: needle).subtracting(seen)
        if matched.count <= limit {
            // Name order as in the name index: folded bytes, then id.
            return matched.map { ($0, indexes.foldedNames[$0] ?? "") }.sorted { a, b in
                a.1.utf8.lexicographicallyPrecedes(b.1.utf8) || (a.1.utf8.elementsEqual(b.1.utf8) && a.0 < b.0)
            }.map(\.0)
        }
        // A short run of digits can match thousands of numbers: rather than sort them by name,
        // mark them and walk the names in order, which costs no string comparison at all.
        var marked = [Bool](repeating: false, count: (matched.map(\.rawValue).max() ?? 0) + 1)
        for id in matched { marked[id.rawValue] = true }
        var byName: [CustomerID] = []
        indexes.nameIndex.forEachInOrder { _, id in
            if marked.indices.contains(id.rawValue), marked[id.rawValue] { byName.append(id) }
            return byName.count < limit
        }
        return byName
    }

    /// The parcel half of ``search(_:limit:)``.
    /// - Complexity: O(parcels in live state) when the query can be part of a tracking number.
    public func searchParcels(_ query: String, limit: Int = 50) -> [ParcelID] {
        guard let query = TrackingQuery(query) else { return [] }
        let exact = query.exact.map { Array($0.value.utf8) }
        let needle = Array(query.fragment.utf8)
        // Six ranks: the exact number, numbers ending with the fragment, numbers containing it;
        // each in the shop first, then closed. Parcels are indexed in id order, so walking the
        // index backwards meets the newest first, and each rank's first `limit` are its best:
        // no sorting, and a fragment matching thousands of numbers looks few parcels up.
        var ranked = [[ParcelID]](repeating: [], count: 6)
        indexes.trackingIndex.forEachReversed { value, id in
            let base: Int
            if value.elementsEqual(needle) || exact.map({ value.elementsEqual($0) }) == true {
                base = 0
            } else if value.count >= needle.count, value.suffix(needle.count).elementsEqual(needle) {
                base = 2
            } else if ByteSearch.contains(value, needle) {
                base = 4
            } else {
                return
            }
            guard ranked[base].count < limit || ranked[base + 1].count < limit else { return }
            let rank = base + (records.parcels[id]?.status.isInShop == true ? 0 : 1)
            if ranked[rank].count < limit { ranked[rank].append(id) }
        }
        return Array(ranked.joined().prefix(limit))
    }
}

extension Customer {
    /// Their key and retired keys, each of which finds them.
    var keys: [CustomerKey] { [key] + retiredKeys }

    /// What search finds them by besides name, keys and phones: their note, e-mail and
    /// proxies' names, folded (``NameFolding``); empty when they have none.
    var searchText: String {
        NameFolding.fold(([note, email].compactMap { $0 } + proxies.map(\.name)).joined(separator: " "))
    }
}
