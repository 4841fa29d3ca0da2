/// Command-line words split into positionals and the declared options they give, each value
/// already parsed into its type.
struct Arguments {
    private(set) var positionals: [String] = []
    private var values: [String: [any Sendable]] = [:]
    private var flags: Set<String> = []

    /// Parses `words` for a verb that takes `options`. `--` ends options; `--name=value` is
    /// `--name value`. An undeclared option, a missing or bad value, a value for a flag and a
    /// second use of an option that is not repeatable are usage errors naming the option.
    init(_ words: [String], options: [any OptionDeclaration]) throws(ArgumentError) {
        var rest = words[...]
        var optionsEnded = false
        while let word = rest.popFirst() {
            if optionsEnded || !word.hasPrefix("--") {
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
            guard let option = options.first(where: { $0.name == name }) else { throw .unknownOption(name) }
            guard option.repeatable || (values[name] == nil && !flags.contains(name)) else { throw .repeated(option: name) }
            guard option.placeholder != nil else {
                if inlineValue != nil { throw .valueForFlag(option: name) }
                flags.insert(name)
                continue
            }
            guard let text = inlineValue ?? rest.popFirst() else { throw .missingValue(option: name) }
            values[name, default: []].append(try option.read(text))
        }
    }

    /// The last value `words` give for `option` before any `--`, read without the verb's
    /// declarations, for what must be known before them (the language of a usage error); nil
    /// when none is given or it is not one the option takes (the parse proper says so).
    static func scan<Value>(_ words: [String], for option: Option<Value>) -> Value? {
        var found: Value?
        var rest = words.prefix { $0 != "--" }[...]
        while let word = rest.popFirst() {
            var text: String?
            if word == option.name {
                text = rest.popFirst()
            } else if word.hasPrefix(option.name + "=") {
                text = String(word.dropFirst(option.name.count + 1))
            }
            found = text.flatMap(option.parse) ?? found
        }

        return found
    }

    /// The value given for `option`, if any.
    func value<Value>(_ option: Option<Value>) -> Value? { values[option.name]?.last as? Value }

    /// Every value given for a repeatable `option`, in order.
    func values<Value>(_ option: Option<Value>) -> [Value] { values[option.name]?.compactMap { $0 as? Value } ?? [] }

    /// Whether `flag` was given.
    func has(_ flag: Flag) -> Bool { flags.contains(flag.name) }

    /// Whether `option` was given at all.
    func gave(_ option: any OptionDeclaration) -> Bool { values[option.name] != nil || flags.contains(option.name) }
}
