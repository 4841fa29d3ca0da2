import ButikDomain
import ButikResources
import Foundation

/// The strings of one language, as read from `Resources/catalogs/<language>.json`: a JSON object
/// of key to text with named placeholders (`{name}`), or to plural forms
/// (`{"one": "{n} pakke", "other": "{n} pakker"}`).
public struct Catalog: Equatable, Sendable {
    public enum Entry: Equatable, Sendable {
        case text(String)
        case plural(one: String, other: String)

        /// Every form of the entry.
        public var forms: [String] {
            switch self {
            case .text(let text): [text]
            case .plural(let one, let other): [one, other]
            }
        }

        /// The names of the placeholders in any form.
        public var placeholders: Set<String> { Set(forms.flatMap(Catalog.placeholders(in:))) }
    }

    /// Why a catalog file cannot be read; `key` is nil for the file as a whole.
    public struct Problem: Error, Equatable, Sendable {
        public var key: String?
        public var what: String
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry]) { self.entries = entries }

    /// Reads a catalog file's bytes.
    public static func parse(_ data: Data) throws(Problem) -> Catalog {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Problem(key: nil, what: "it is not JSON (\(error.localizedDescription))")
        }
        guard let top = object as? [String: Any] else { throw Problem(key: nil, what: "it is not a JSON object") }
        var entries: [String: Entry] = [:]
        for (key, value) in top {
            if let text = value as? String {
                entries[key] = .text(text)
            } else if let forms = value as? [String: Any], Set(forms.keys) == ["one", "other"],
                      let one = forms["one"] as? String, let other = forms["other"] as? String {
                entries[key] = .plural(one: one, other: other)
            } else {
                throw Problem(key: key, what: "a value is a string or {\"one\": ..., \"other\": ...}")
            }
        }
        return Catalog(entries: entries)
    }

    /// The catalog shipped for `language`; empty when the file is missing or damaged (every text
    /// then shows its key, and the catalog tests fail).
    public static func shipped(_ language: Language) -> Catalog {
        guard let url = ButikResources.catalog(language.rawValue), let data = try? Data(contentsOf: url),
              let catalog = try? parse(data) else { return Catalog(entries: [:]) }
        return catalog
    }

    /// The names between braces in `text`: `{slot}` gives `slot`.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            names.append(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return names
    }
}
