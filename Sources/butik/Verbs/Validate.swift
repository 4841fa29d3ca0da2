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

        var views: [CodeView] = []
        for code in args.positionals {
            switch Tracking.parse(code) {
            case .success(let parsed):
                views.append(CodeView(input: code, valid: true, tracking: parsed.number.value, format: parsed.format.rawValue,
                                      checkDigit: parsed.checkDigit.rawValue, shipTo: parsed.shipToPostalCode, problem: nil))
            case .failure(let error):
                views.append(CodeView(input: code, valid: false, tracking: nil, format: nil, checkDigit: nil, shipTo: nil, problem: Words.english.text(error.phrase)))
            }
        }
        if args.has(json) {
            try Output.json(views)
        } else {
            for view in views {
                if let tracking = view.tracking, let format = view.format, let check = view.checkDigit {
                    let checkText = check == "verified" ? "check digit OK" : "no check digit to verify"
                    Output.line("\(tracking)  valid  \(format), \(checkText)\(view.shipTo.map { ", ship to \($0)" } ?? "")")
                } else {
                    Output.line("\(view.input)  INVALID  \(view.problem ?? "")")
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
