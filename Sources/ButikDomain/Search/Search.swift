/// What a search at the counter found: customers and parcels, best first.
public struct SearchResults: Equatable, Sendable {
    public var customers: [CustomerID]
    public var parcels: [ParcelID]

    public var isEmpty: Bool { customers.isEmpty && parcels.isEmpty }
}

extension ShopState {
    /// Finds customers and parcels from any fragment: a key (`JEDS`), name fragments in any
    /// order ignoring case and accents (`mossestad maria`, `schjonningsen`), phone digits (3 or
    /// more), a whole tracking number or scan, or 4+ characters of one (e.g. its last digits).
    ///
    /// Customers rank: key match, then names whose words start with every fragment, then other
    /// name matches, then phone matches; ties by name. Parcels: exact tracking number first, then
    /// numbers ending with the fragment, then containing it; in-shop before closed.
    /// - Complexity: O(customers + parcels in live state).
    public func search(_ query: String, limit: Int = 50) -> SearchResults {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return SearchResults(customers: [], parcels: []) }
        return SearchResults(customers: Array(searchCustomers(trimmed).prefix(limit)),
                             parcels: Array(searchParcels(trimmed).prefix(limit)))
    }

    private func searchCustomers(_ query: String) -> [CustomerID] {
        var rank: [CustomerID: Int] = [:]
        func offer(_ id: CustomerID, _ value: Int) { rank[id] = min(rank[id] ?? .max, value) }

        if let keyed = customerByKey[query.uppercased()] { offer(keyed, 0) }
        let words = NameFolding.words(query)
        if !words.isEmpty, words.contains(where: { $0.contains(where: \.isLetter) }) {
            for (id, name) in foldedNames where words.allSatisfy({ name.contains($0) }) {
                let nameWords = name.split(separator: " ")
                let prefixes = words.allSatisfy { word in nameWords.contains { $0.hasPrefix(word) } }
                offer(id, prefixes ? 1 : 2)
            }
        }
        let digits = query.filter(\.isASCIIDigit)
        if digits.count >= 3, query.allSatisfy({ $0.isASCIIDigit || " +-()".contains($0) }) {
            // "+47 912 34 567" finds a number stored as 91234567: a long query may carry a country code.
            let matches: (String) -> Bool = { $0.contains(digits) || (digits.count > 8 && digits.hasSuffix($0)) }
            for customer in customers.values where customer.phones.contains(where: matches) {
                offer(customer.id, 3)
            }
        }
        return rank.keys.sorted { a, b in
            let ra = rank[a]!, rb = rank[b]!
            if ra != rb { return ra < rb }
            let na = foldedNames[a] ?? "", nb = foldedNames[b] ?? ""
            return na != nb ? na < nb : a < b
        }
    }

    private func searchParcels(_ query: String) -> [ParcelID] {
        let code = Tracking.normalize(query)
        guard code.count >= 4, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return [] }
        let exact = (try? Tracking.parse(query).get())?.number
        var rank: [ParcelID: Int] = [:]
        for parcel in parcels.values {
            let value = parcel.tracking.value
            let base: Int
            if parcel.tracking == exact || value == code {
                base = 0
            } else if value.hasSuffix(code) {
                base = 2
            } else if value.contains(code) {
                base = 4
            } else {
                continue
            }
            rank[parcel.id] = base + (parcel.status.isInShop ? 0 : 1)
        }
        return rank.keys.sorted { a, b in
            rank[a]! != rank[b]! ? rank[a]! < rank[b]! : a > b
        }
    }
}
