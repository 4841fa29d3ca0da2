import ButikDomain
import ButikText
import Foundation

/// What ``Arguments`` and a verb's help need of an option, declared once as an ``Option`` or
/// a ``Flag``.
protocol OptionDeclaration: Sendable {
    /// `--days`.
    var name: String { get }
    /// The value's placeholder (`N`, `YYYY-MM-DD`); nil for a flag, which takes no value.
    var placeholder: String? { get }
    /// One sentence for `--help`; the help wraps it.
    var help: Phrase { get }
    /// Whether it may be given more than once (each value is kept).
    var repeatable: Bool { get }
    /// The typed value of `text`, or what is wrong with it. A flag is never asked.
    func read(_ text: String) throws(ArgumentError) -> any Sendable
}

extension OptionDeclaration {
    /// As help and usage lines write it: `--days N`, `--json`.
    var spelling: String { placeholder.map { "\(name) \($0)" } ?? name }
}

/// An option that takes a value, parsed into a `Value` when the words are read.
struct Option<Value: Sendable>: OptionDeclaration {
    let name: String
    let placeholder: String?
    let help: Phrase
    let repeatable: Bool
    /// What the value must be, for the error: "a whole number", "small or large".
    let takes: Phrase
    /// The value `text` stands for, or nil when it is none.
    let parse: @Sendable (String) -> Value?

    init(_ name: String, _ placeholder: String, help: Phrase, repeatable: Bool = false, takes: Phrase,
         parse: @escaping @Sendable (String) -> Value?) {
        self.name = name
        self.placeholder = placeholder
        self.help = help
        self.repeatable = repeatable
        self.takes = takes
        self.parse = parse
    }

    func read(_ text: String) throws(ArgumentError) -> any Sendable {
        guard let value = parse(text) else { throw .badValue(option: name, takes: takes, given: text) }
        return value
    }
}

/// An option without a value: given or not.
struct Flag: OptionDeclaration {
    let name: String
    let help: Phrase
    var placeholder: String? { nil }
    var repeatable: Bool { false }

    func read(_ text: String) throws(ArgumentError) -> any Sendable { throw .valueForFlag(option: name) }

    /// `--json`, which every verb that prints something takes; `help` says what it prints.
    static func json(_ help: Phrase) -> Flag { Flag(name: "--json", help: help) }
}

extension Option<String> {
    /// Any text, as given.
    static func text(_ name: String, _ placeholder: String, help: Phrase, repeatable: Bool = false) -> Option<String> {
        Option(name, placeholder, help: help, repeatable: repeatable, takes: Phrase("cli.takes.text")) { $0 }
    }

    /// Text that is not blank, trimmed of spaces; `takes` says what it must be.
    static func words(_ name: String, _ placeholder: String, help: Phrase, takes: Phrase) -> Option<String> {
        Option(name, placeholder, help: help, takes: takes) { text in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }
}

extension Option<CarrierID> {
    /// `--carrier C`: a carrier's id or name as typed, matched by the decision that takes it
    /// (``ShopLayout/carrier(named:)``).
    static func carrier(help: Phrase) -> Option<CarrierID> {
        Option("--carrier", "C", help: help, takes: Phrase("cli.takes.text")) { CarrierID(typed: $0) }
    }
}

extension Option<Int> {
    /// A whole number (the verb or the domain checks its range), or one in `range`.
    static func number(_ name: String, _ placeholder: String = "N", help: Phrase, in range: ClosedRange<Int>? = nil,
                       takes: Phrase = Phrase("cli.takes.number")) -> Option<Int> {
        Option(name, placeholder, help: help, takes: takes) { text in
            Int(text).flatMap { range?.contains($0) == false ? nil : $0 }
        }
    }

    /// A time of day as HH:MM: the minute of the day.
    static func minuteOfDay(_ name: String, help: Phrase) -> Option<Int> {
        Option(name, "HH:MM", help: help, takes: Phrase("cli.takes.time"), parse: LocalTime.minuteOfDay)
    }
}

extension Option<Day> {
    /// A day as YYYY-MM-DD.
    static func day(_ name: String, help: Phrase) -> Option<Day> {
        Option(name, "YYYY-MM-DD", help: help, takes: Phrase("cli.takes.day")) { Day(iso: $0) }
    }

    /// A day as people write it here, DD.MM.YYYY.
    static func dottedDay(_ name: String, help: Phrase) -> Option<Day> {
        Option(name, "DD.MM.YYYY", help: help, takes: Phrase("cli.takes.dottedDay")) { Day(dotted: $0) }
    }
}

extension Option where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    /// One of `Value`'s cases by its raw value; the error lists them all.
    static func choice(_ name: String, _ placeholder: String, help: Phrase) -> Option<Value> {
        let names = Value.allCases.map(\.rawValue)
        let takes = Phrase("cli.takes.choice", ["choices": .list(Array(names.dropLast())), "last": .text(names.last ?? "")])
        return Option(name, placeholder, help: help, takes: takes) { Value(rawValue: $0) }
    }
}
