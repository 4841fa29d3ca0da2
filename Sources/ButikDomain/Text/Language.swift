/// A language Butik speaks: Norwegian bokmål, Swedish or English.
public enum Language: String, CaseIterable, Codable, Sendable {
    case nb, sv, en

    /// The language a code names: `nb`, `no`, `nn` and `nb_NO.UTF-8` are bokmål, `sv_SE` Swedish,
    /// `en_US` English (any case, `-` or `_`, with or without an encoding or modifier); nil for
    /// any other language.
    public init?(code: String) {
        let base = code.prefix { $0.isLetter }.lowercased()
        switch base {
        case "nb", "no", "nn": self = .nb
        case "sv": self = .sv
        case "en": self = .en
        default: return nil
        }
    }

    /// The language to speak: the `--lang` flag, else the shop file's `language`, else the first
    /// of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set, not empty and not `C` or `POSIX` (a
    /// language Butik does not speak there means English, as a C program would fall back), else
    /// English.
    public static func choose(flag: Language?, shopFile: Language?, environment: [String: String]) -> Language {
        if let chosen = flag ?? shopFile { return chosen }
        let set = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { value in
            let base = value.prefix { $0 != "." && $0 != "@" }
            return !base.isEmpty && base != "C" && base != "POSIX"
        }
        return set.flatMap(Language.init(code:)) ?? .en
    }
}
