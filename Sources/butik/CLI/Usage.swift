/// One way to call a verb, written as its usage line shows it after `butik VERB`, with the
/// options interpolated from their declarations instead of spelled again:
/// `"TRACKING \(days) \(may: json)"` reads `TRACKING --days N [--json]`. The options a usage
/// line names are the ones the verb takes.
struct Usage: ExpressibleByStringInterpolation, Sendable {
    private(set) var text = ""
    /// The options named, in order.
    private(set) var options: [any OptionDeclaration] = []

    init(stringLiteral value: String) { text = value }

    init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
        options = stringInterpolation.options
    }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var text = ""
        fileprivate var options: [any OptionDeclaration] = []

        init(literalCapacity: Int, interpolationCount: Int) {}

        mutating func appendLiteral(_ literal: String) { text += literal }

        /// An option the form needs: `--days N`.
        mutating func appendInterpolation(_ option: some OptionDeclaration) {
            text += option.spelling
            options.append(option)
        }

        /// Options the form may take, together: `[--proxy-name NAME --proxy-id NOTE]`; a
        /// repeatable one is followed by `...`.
        mutating func appendInterpolation(may given: any OptionDeclaration...) {
            text += "[" + given.map(\.spelling).joined(separator: " ") + "]" + (given.contains { $0.repeatable } ? "..." : "")
            options += given
        }

        /// At most one of two options: `[--regular | --not-regular]`.
        mutating func appendInterpolation(may option: some OptionDeclaration, or other: some OptionDeclaration) {
            text += "[" + option.spelling + " | " + other.spelling + "]"
            options += [option, other] as [any OptionDeclaration]
        }

        /// Exactly one of two options: `--add NAME | --remove NAME`.
        mutating func appendInterpolation(_ option: some OptionDeclaration, or other: some OptionDeclaration) {
            text += option.spelling + " | " + other.spelling
            options += [option, other] as [any OptionDeclaration]
        }
    }
}
