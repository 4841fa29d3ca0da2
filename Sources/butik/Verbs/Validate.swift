import ButikDomain
import ButikText

extension Verb {
    static let validate = Verb(
        name: "validate",
        summary: Phrase("cli.validate.summary"),
        usage: ["CODE... \(may: json)"],
        details: Phrase("cli.validate.details"),
        run: runValidate)

    private static let json = Flag.json(Phrase("cli.validate.json"))

    private static func runValidate(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.positionals.isEmpty else { throw .usage(Phrase("cli.validate.needsCode")) }

        let results = args.positionals.map { (code: $0, parsed: Tracking.parse($0)) }
        let views = results.map { code, parsed in
            switch parsed {
            case .success(let parsed):
                CodeView(input: code, valid: true, tracking: parsed.number.value, format: parsed.format.rawValue,
                         checkDigit: parsed.checkDigit.rawValue, shipTo: parsed.shipToPostalCode, problem: nil)
            case .failure(let error):
                CodeView(input: code, valid: false, tracking: nil, format: nil, checkDigit: nil, shipTo: nil, problem: Words.english.text(error.phrase))
            }
        }
        if args.has(json) {
            try Output.json(views)
        } else {
            let words = session.words
            for (code, parsed) in results {
                switch parsed {
                case .success(let parsed):
                    let check = parsed.checkDigit == .verified ? Phrase("cli.validate.checkDigitOK") : Phrase("cli.validate.noCheckDigit")
                    var arguments: [String: Phrase.Argument] = ["tracking": .text(parsed.number.value), "format": .text(parsed.format.rawValue),
                                                                "check": .phrase(check)]
                    arguments["postcode"] = parsed.shipToPostalCode.map { .text($0) }
                    Output.line(words.text(parsed.shipToPostalCode == nil ? Phrase("cli.validate.valid", arguments)
                                           : Phrase("cli.validate.validShipTo", arguments)))
                case .failure(let error):
                    Output.line(words.text("cli.validate.invalid", ["code": .text(code), "problem": .phrase(error.phrase)]))
                }
            }
        }
        return views.allSatisfy(\.valid) ? 0 : 1
    }
}

private struct CodeView: Encodable {
    let input: String
    let valid: Bool
    let tracking: String?
    let format: String?
    let checkDigit: String?
    let shipTo: String?
    let problem: String?
}
