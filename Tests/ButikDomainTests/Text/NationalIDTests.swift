import Foundation
import Testing
@testable import ButikDomain

@Suite struct NationalIDTests {
    /// A Norwegian number of the date (`DDMMYY`, with 40 added to the day for a D-number or the
    /// month for an H-number) and individual number, its two check digits computed by the mod-11
    /// rule; nil where the rule gives 10 (no such number).
    static func norwegian(_ date: String, _ individual: String) -> String? {
        let digits = (date + individual).compactMap(\.wholeNumberValue)
        func check(_ digits: [Int], _ weights: [Int]) -> Int? {
            let rest = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
            return rest == 0 ? 0 : rest == 1 ? nil : 11 - rest
        }
        guard let first = check(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]),
              let second = check(digits + [first], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) else { return nil }
        return date + individual + "\(first)\(second)"
    }

    /// The first individual number from `from` that makes a Norwegian number of `date`.
    static func firstNorwegian(_ date: String, from: Int = 100) -> String {
        (from...999).lazy.compactMap { norwegian(date, String($0)) }.first!
    }

    /// A Swedish number `YYMMDDNNN` with its Luhn check digit.
    static func swedish(_ nine: String) -> String {
        let sum = nine.compactMap(\.wholeNumberValue).enumerated().reduce(0) { sum, item in
            let product = item.element * (item.offset % 2 == 0 ? 2 : 1)
            return sum + product / 10 + product % 10
        }
        return nine + "\((10 - sum % 10) % 10)"
    }

    /// `number` with its last digit changed.
    static func wrongLastDigit(_ number: String) -> String {
        String(number.dropLast()) + "\(((number.last?.wholeNumberValue ?? 0) + 1) % 10)"
    }

    @Test func norwegianNumbersAreFoundWithTheirKind() {
        let birth = Self.firstNorwegian("150387")
        let dNumber = Self.firstNorwegian("550387")
        let hNumber = Self.firstNorwegian("154387")
        #expect(NationalID.find(in: birth) == .norwegianBirthNumber)
        #expect(NationalID.find(in: "fnr \(birth), ringte") == .norwegianBirthNumber)
        #expect(NationalID.find(in: dNumber) == .norwegianDNumber)
        #expect(NationalID.find(in: hNumber) == .norwegianHNumber)
        let spaced = "\(birth.prefix(6)) \(birth.dropFirst(6))"
        #expect(NationalID.find(in: "Legitimert med \(spaced)") == .norwegianBirthNumber)
        let grouped = "\(birth.prefix(2)) \(birth.dropFirst(2).prefix(2)) \(birth.dropFirst(4).prefix(2)) \(birth.dropFirst(6))"
        #expect(NationalID.find(in: grouped) == .norwegianBirthNumber)
        // 29 February exists in 2000, so 290200 is a date.
        #expect(NationalID.find(in: Self.firstNorwegian("290200", from: 500)) == .norwegianBirthNumber)
    }

    @Test func swedishNumbersAreFoundWithOrWithoutCenturyAndSeparator() {
        let number = Self.swedish("811218987")
        #expect(NationalID.find(in: number) == .swedishPersonalNumber)
        #expect(NationalID.find(in: "\(number.prefix(6))-\(number.dropFirst(6))") == .swedishPersonalNumber)
        #expect(NationalID.find(in: "\(number.prefix(6))+\(number.dropFirst(6))") == .swedishPersonalNumber)
        #expect(NationalID.find(in: "pnr 19\(number.prefix(6))-\(number.dropFirst(6)) ok") == .swedishPersonalNumber)
        #expect(NationalID.find(in: "19\(number)") == .swedishPersonalNumber)
        #expect(NationalID.find(in: "\(number.prefix(6)) \(number.dropFirst(6))") == .swedishPersonalNumber)
        let coordination = Self.swedish("811278987")  // day 18 + 60
        #expect(NationalID.find(in: coordination) == .swedishCoordinationNumber)
        #expect(NationalID.find(in: "20\(coordination)") == .swedishCoordinationNumber)
    }

    @Test func nearMissesPass() {
        let birth = Self.firstNorwegian("150387")
        let swedish = Self.swedish("811218987")
        for text in [
            Self.wrongLastDigit(birth), Self.wrongLastDigit(swedish),
            "\(birth)0", "9\(birth)",  // a digit more
            "ring +47 912 34 567", "0046 70 123 45 67", "+46 70 123 45 67",
            "RR123456785SE", "370725380000086508", "00370725380000086508", "70725380000051451",
            "1Z999AA10123456784", "TBA123456789012", "X\(birth)", "\(birth)NO",
            "førerkort …4521", "pass 12345678", "hentekode 4711, 2 pakker",
            "Ringt 01.12.2026 kl. 14:05",
            Self.swedish("811318987"),  // month 13
            Self.swedish("810230987"),  // 30 February
        ] {
            #expect(NationalID.find(in: text) == nil, "\(text)")
        }
        // A Norwegian number whose date does not exist, check digits right.
        #expect(NationalID.find(in: Self.firstNorwegian("310487")) == nil)
    }

    @Test func aTextHoldingOneIsRefusedSayingTheKind() {
        let birth = Self.firstNorwegian("150387")
        #expect(throws: DomainError.nationalIDInText(.norwegianBirthNumber)) { try NationalID.check("ID: \(birth)") }
        #expect(throws: Never.self) { try NationalID.check("førerkort …4521") }
    }

    @Test func everyFreeTextOfTheShopGoesThroughIt() throws {
        let state = try QueueTests.shop()
        let context = Fixtures.later(60)
        let number = Self.firstNorwegian("550387")
        let refused = DomainError.nationalIDInText(.norwegianDNumber)
        #expect(state.domainError { try $0.refuseHandOut(QueueTests.maria, parcels: [], reason: "fnr \(number)", context) } == refused)
        #expect(state.domainError { try $0.addToQueue(QueueTests.maria, announcedFor: nil, note: "pnr \(number)", context) } == refused)
        let proxy = HandOutRequest(parcels: [ParcelID(1)], verification: .proxy, proxyName: "Per Hansen", proxyID: number)
        #expect(state.domainError { try $0.handOut(proxy, context) } == refused)
        var kind = proxy
        kind.proxyID = "førerkort …4521"
        #expect(state.domainError { try $0.handOut(kind, context) } == nil)
    }
}
