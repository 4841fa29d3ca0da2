import ButikDomain
import ButikStore
import ButikText
import Foundation

extension Verb {
    static let check = Verb(
        name: "check",
        summary: Phrase("cli.check.summary"),
        usage: [""],
        details: Phrase("cli.check.details"),
        run: runCheck)

    private static func runCheck(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.isEmpty else { throw .usage(Phrase("cli.usage.noArguments", ["verb": .text("check")])) }
        let report = Store<ShopState>.check(folder: session.folder, empty: ShopState())
        for line in report.phrases { Output.line(session.words.text(line)) }

        var sound = report.isHealthy
        do {
            _ = try ShopLayout.load(from: session.folder.appendingPathComponent(ShopStore.layoutFileName))
        } catch let error as LayoutError {
            Output.line(session.words.text(error.phrase))
            sound = false
        } catch {
            Output.line(session.words.text("cli.check.shopFileUnchecked", ["problem": .text(String(describing: error))]))
            sound = false
        }
        // The history file is compared with the journal as opened; only a sound store that has one is opened.
        if sound, FileManager.default.fileExists(atPath: session.folder.appendingPathComponent(ShopStore.historyFileName).path) {
            do throws(CLIError) {
                if let problem = try session.history(fileProblemIn: session.openStore()) {
                    Output.line(session.words.text("check.historyFile", ["path": .text(session.folder.appendingPathComponent(ShopStore.historyFileName).path), "reason": .phrase(problem.phrase)]))
                    sound = false
                }
            } catch {
                Output.line(error.message(in: session.words))

                sound = false
            }
        }
        return sound ? 0 : 3
    }
}
