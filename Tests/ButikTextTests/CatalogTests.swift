import Foundation
import Testing
import ButikDomain
@testable import ButikText

/// The shipped catalogs agree with each other and with the code.
@Suite struct CatalogTests {
    static let shipped = Language.allCases.map { ($0, Catalog.shipped($0)) }

    @Test(arguments: Language.allCases)
    func everyCatalogFileParses(_ language: Language) throws {
        let url = try #require(ButikResourcesFile.catalog(language))
        #expect(throws: Never.self) { try Catalog.parse(Data(contentsOf: url)) }
    }

    @Test(arguments: [Language.nb, .sv])
    func everyKeyIsInEveryLanguage(_ language: Language) {
        let english = Set(Catalog.shipped(.en).entries.keys)
        let other = Set(Catalog.shipped(language).entries.keys)
        #expect(english.subtracting(other).sorted() == [], "missing in \(language)")
        #expect(other.subtracting(english).sorted() == [], "only in \(language)")
    }

    @Test(arguments: [Language.nb, .sv])
    func placeholdersAreTheSameInEveryLanguage(_ language: Language) {
        let english = Catalog.shipped(.en).entries
        for (key, entry) in Catalog.shipped(language).entries {
            guard let original = english[key] else { continue }
            #expect(entry.placeholders == original.placeholders, "\(key) in \(language)")
        }
    }

    @Test func pluralsArePluralInEveryLanguage() {
        let english = Catalog.shipped(.en).entries
        for (language, catalog) in Self.shipped {
            for (key, entry) in catalog.entries {
                let isPlural = if case .plural = entry { true } else { false }
                let englishIsPlural = if case .plural = english[key] { true } else { false }
                #expect(isPlural == englishIsPlural, "\(key) in \(language): plural in one language only")
            }
        }
    }

    @Test func noEntryIsEmptyOrHasAnUnclosedBrace() {
        for (language, catalog) in Self.shipped {
            for (key, entry) in catalog.entries {
                for form in entry.forms {
                    #expect(!form.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) in \(language) is empty")
                    #expect(form.filter { $0 == "{" }.count == form.filter { $0 == "}" }.count, "\(key) in \(language): \(form)")
                }
            }
        }
    }

    @Test func aFileThatIsNotACatalogIsNamed() {
        #expect(throws: Catalog.Problem(key: nil, what: "it is not a JSON object")) { try Catalog.parse(Data("[]".utf8)) }
        #expect(throws: Catalog.Problem(key: "a", what: "a value is a string or {\"one\": ..., \"other\": ...}")) {
            try Catalog.parse(Data(#"{"a": {"one": "x"}}"#.utf8))
        }
        #expect(throws: Catalog.Problem.self) { try Catalog.parse(Data("{".utf8)) }
        let plural = try? Catalog.parse(Data(#"{"a": {"one": "{n} x", "other": "{n} xs"}, "b": "y"}"#.utf8))
        #expect(plural == Catalog(entries: ["a": .plural(one: "{n} x", other: "{n} xs"), "b": .text("y")]))
    }

    /// Every key the code names (`Phrase("key"` or `words.text("key"`) is in en.json, and every key in
    /// en.json is named somewhere in the code: no string is missing, none is dead.
    @Test func theCodeAndTheCatalogNameTheSameKeys() throws {
        let used = try SourceKeys.inSources()
        let english = Set(Catalog.shipped(.en).entries.keys)
        #expect(used.subtracting(english).sorted() == [], "used in Sources but not in en.json")
        #expect(english.subtracting(used).sorted() == [], "in en.json but used nowhere")
    }

    @Test func theKeyScanFindsBothCallPatterns() {
        let swift = """
            Phrase("error.domain.one", ["x": .text("a.b")])
            words.text("screen.two")
            Words.english.text("not.this")
            Phrase(
                "error.three")
            let notAKey = "plain.text"
            """
        #expect(SourceKeys.keys(in: swift) == ["error.domain.one", "screen.two", "error.three"])
    }
}

/// The shipped catalog files, as the tests find them.
enum ButikResourcesFile {
    static func catalog(_ language: Language) -> URL? {
        let url = SourceKeys.root.appendingPathComponent("Resources/catalogs/\(language.rawValue).json")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

/// The catalog keys the source files name.
enum SourceKeys {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func inSources() throws -> Set<String> {
        let sources = root.appendingPathComponent("Sources")
        var found = Set<String>()
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let url as URL in files where url.pathExtension == "swift" {
            found.formUnion(keys(in: try String(contentsOf: url, encoding: .utf8)))
        }
        return found
    }

    /// The string right after `Phrase(` or `words.text(`, when it is a dotted key.
    static func keys(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:\bPhrase|\bwords\.text)\(\s*"([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)""#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
