/// Command-line words split into positionals, options with values and flags, checked against
/// what a verb accepts.
struct Arguments {
    private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `words` for a verb that takes the options `valued` (e.g. `--to`) and `flagged`
    /// (e.g. `--json`). `--` ends options. Unknown options are usage errors.
    init(_ words: [String], valued: Set<String>, flagged: Set<String>) throws(CLIError) {
        var rest = words[...]
        var optionsEnded = false
        while let word = rest.popFirst() {
            if optionsEnded || !word.hasPrefix("--") || word == "-" {
                positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            var name = word
            var inlineValue: String?
            if let eq = word.firstIndex(of: "=") {
                name = String(word[..<eq])
                inlineValue = String(word[word.index(after: eq)...])
            }
            if valued.contains(name) {
                guard let value = inlineValue ?? rest.popFirst() else {
                    throw .usage("\(name) needs a value.")
                }
                values[name, default: []].append(value)
            } else if flagged.contains(name), inlineValue == nil {
                flags.insert(name)
            } else {
                throw .usage("Unknown option \(name).")
            }
        }
    }

    /// The last value given for `option`.
    func value(_ option: String) -> String? { values[option]?.last }

    /// Every value given for a repeatable `option`, in order.
    func all(_ option: String) -> [String] { values[option] ?? [] }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
}
