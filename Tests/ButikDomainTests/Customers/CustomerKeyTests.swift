import Foundation
import Testing
@testable import ButikDomain

@Suite struct CustomerKeyTests {
    @Test(arguments: [
        ("Jan Fredrik Jacobsen", "JFJ"),
        ("Anne-Marie Østby", "AMØ"),
        ("maria mossestad", "MM"),
        ("Åse Ærø", "ÅÆ"),
        ("Ärla Öberg-Über", "ÄÖÜ"),
        ("Hans Petter Lars Ole Nilsen", "HPLN"), // five parts: first three and the last
        ("A B C D E F", "ABCF"),
        ("Kari Anne Ba Nordmann", "KABN"), // exactly four parts are all kept
        ("Jan 2 Jacobsen", "JJ"), // a digit part has no letter
        ("Jan Jacobsen 3", "JJ"),
        ("Ola  Nordmann", "ON"),
        ("  Ola\tNordmann ", "ON"),
        ("Ola - Nordmann", "ON"),
        ("O'Brien Sean", "OS"),
        ("Cher", "C"),
        ("thomas schjønningsen", "TS"),
    ])
    func initials(_ name: String, _ key: String) {
        #expect(CustomerKey.initials(of: name)?.value == key)
    }

    @Test(arguments: ["", "   ", "123 456", "- -", "42"])
    func noLettersGiveNoInitials(_ name: String) {
        #expect(CustomerKey.initials(of: name) == nil)
    }

    @Test func letterWhoseUpperCaseIsLongerStillGivesOneLetter() {
        // "ß".uppercased() is "SS": must not crash, one letter a part.
        #expect(CustomerKey.initials(of: "ßabine Berg")?.value == "SB")
    }

    @Test func firstFreeCountsFromTwo() {
        #expect(CustomerKey.firstFree("JFJ") { _ in false } == "JFJ")
        #expect(CustomerKey.firstFree("JFJ") { $0 == "JFJ" } == "JFJ2")
        #expect(CustomerKey.firstFree("JFJ") { ["JFJ", "JFJ2"].contains($0) } == "JFJ3")
        #expect(CustomerKey.firstFree("JFJ") { ["JFJ", "JFJ3"].contains($0) } == "JFJ2")
    }

    @Test(arguments: [("jeds", "JEDS"), ("JEDS", "JEDS"), ("ab", "AB"), ("ab12cd", "AB12CD"), ("øyå", "ØYÅ"), ("007", "007")])
    func validChosenKeys(_ text: String, _ stored: String) {
        #expect(CustomerKey.chosen(text)?.value == stored)
    }

    /// Old stores hold keys a person could not choose today (one letter, lower case): they
    /// read as written, and a typed key finds its customer in any case.
    @Test func aStoredKeyIsTakenAsWritten() throws {
        let key = try JSONDecoder().decode(CustomerKey.self, from: Data(#""j""#.utf8))
        #expect(key.value == "j")
        #expect(String(decoding: try JSONEncoder().encode(key), as: UTF8.self) == #""j""#)
        #expect(CustomerKey(typed: "jeds") == CustomerKey(stored: "JEDS"))
    }

    @Test(arguments: ["", "J", "JEDSJED", "JE DS", "JE-D", "JE.", "J½", "JE²"])
    func invalidChosenKeys(_ text: String) {
        #expect(CustomerKey.chosen(text) == nil)
    }
}

@Suite struct NameFoldingTests {
    /// The table for Latin-1 names gives what Unicode decomposition gives, for every such letter
    /// alone and for random names made of them and of other scripts.
    @Test func theLatin1TableAgreesWithDecomposition() {
        for value in 0..<0x100 {
            let text = String(Character(Unicode.Scalar(UInt8(value))))
            #expect(NameFolding.fold(text) == NameFolding.generalFold(text), "U+\(String(value, radix: 16))")
        }
        var random = DemoRandom(seed: 7)
        let pieces = ["Å", "ø", "Æ", "é", "ü", "ß", "µ", "ª", " ", "-", ".", "'", "1", "a", "Z", "Ł", "ő", "李", "\u{301}", "ð"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(NameFolding.fold(text) == NameFolding.generalFold(text), "\(text)")
        }
    }

    @Test(arguments: [
        ("Schjønningsen", "schjonningsen"),
        ("SCHJØNNINGSEN", "schjonningsen"),
        ("Ærø", "aero"),
        ("Åse", "ase"),
        ("Ä Ö Ü é ñ", "a o u e n"),
        ("Anne-Marie  Østby", "anne marie ostby"),
        ("  Ola, Nordmann!  ", "ola nordmann"),
        ("Straße", "strasse"),
        ("Jan 2", "jan 2"),
        ("A\u{030A}se", "ase"), // decomposed Å
    ])
    func fold(_ text: String, _ folded: String) {
        #expect(NameFolding.fold(text) == folded)
    }

    @Test func words() {
        #expect(NameFolding.words("Mossestad,  Maria") == ["mossestad", "maria"])
        #expect(NameFolding.words(" - ").isEmpty)
    }
}

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("+47 912 34 567", "4791234567"),
        ("912 34 567", "91234567"),
        ("(0)22-33-44", "0223344"),
        ("12345", "12345"),
        ("123456789012345", "123456789012345"),
    ])
    func normalized(_ text: String, _ digits: String) {
        #expect(PhoneNumber.normalized(text) == digits)
    }

    @Test(arguments: ["", "1234", "1234567890123456", "912 34 56x", "ring meg", "912.34.567"])
    func rejected(_ text: String) {
        #expect(PhoneNumber.normalized(text) == nil)
    }
}
