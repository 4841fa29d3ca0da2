import Testing
@testable import ButikDomain

/// The phone index against reading every number, as search did before it: across numbers
/// changed and taken away, runs of every length, a country code in front, numbers sharing three
/// digits and a number too short to be listed under any.
@Suite struct PhoneIndexTests {
    @Test func findsWhatReadingEveryNumberFinds() {
        var generator = DemoRandom(seed: 12)
        func number() -> String { String((0..<Int(generator.next() % 4 + 8)).map { _ in Character(String(generator.next() % 10)) }) }
        var index = PhoneIndex()
        var reference: [CustomerID: [String]] = [:]
        func set(_ id: CustomerID, _ phones: [String]) {
            index.replace(reference[id] ?? [], with: phones, for: id)
            reference[id] = phones.isEmpty ? nil : phones
        }
        for n in 0..<400 { set(CustomerID(n), n % 7 == 0 ? [number(), number()] : [number()]) }
        set(CustomerID(400), ["12"])  // shorter than any the domain takes
        set(CustomerID(401), ["9009009", "1900"])  // `900` twice in one number and in the other
        for n in stride(from: 0, to: 400, by: 9) { set(CustomerID(n), [number()]) }  // changed
        for n in stride(from: 3, to: 400, by: 17) { set(CustomerID(n), []) }  // taken away

        func readingEveryNumber(_ digits: [UInt8]) -> Set<CustomerID> {
            Set(reference.filter { _, phones in
                phones.contains { phone in
                    let number = Array(phone.utf8)
                    return number.withUnsafeBufferPointer { ByteSearch.contains($0, digits) }
                        || (digits.count > 8 && digits.suffix(number.count).elementsEqual(number))
                }
            }.keys)
        }
        var needles = ["900", "000", "12", "4712", "0012"].map { Array($0.utf8) }
        // The numbers of the first 60 customers by id (a dictionary's order changes from run to
        // run), all of them at least 8 digits.
        for (_, phones) in reference.sorted(by: { $0.key < $1.key }).filter({ $0.value[0].utf8.count >= 8 }).prefix(60) {
            let phone = Array(phones[0].utf8)
            for length in 3...phone.count { needles.append(Array(phone.suffix(length))) }
            needles.append(Array(phone.prefix(4)))
            needles.append(Array("47".utf8) + phone)  // a country code in front
        }
        for needle in needles {
            let expected = needle.count >= 3 ? readingEveryNumber(needle) : []
            #expect(index.customers(holding: needle) == expected, "\(String(decoding: needle, as: UTF8.self))")
        }
        #expect(index.customers(holding: Array("900".utf8)).contains(CustomerID(401)))
        #expect(!index.customers(holding: Array("4712".utf8)).contains(CustomerID(400)), "four digits: no country code")
        #expect(index.customers(holding: Array("471234567812".utf8)).contains(CustomerID(400)), "a long run ending with 12")
    }
}
