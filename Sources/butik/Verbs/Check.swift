import ButikDomain
import ButikStore
import ButikText
import Foundation

extension Verb {
    static let check = Verb(
        name: "check",
        summary: "verify the store; exit 0 only when it is sound",
        usage: [""],
        details: """
        Reads every file in the store folder without changing anything: every journal line's
        checksum and sequence number, the snapshot against a full replay of the journal, the
        history file's checksums and the journal entry it says it covers, and the shop file.
        Prints what it found; exits 0 when the store is sound, 3 when it is not.
        """,
        run: runCheck)

    private static func runCheck(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.isEmpty else { throw .usage("check takes no arguments.") }
        let report = Store<ShopState>.check(folder: session.folder, empty: ShopState())
        Output.lines(report.description)
        var sound = report.isHealthy
        do {
            _ = try ShopLayout.load(from: session.folder.appendingPathComponent(ShopStore.layoutFileName))
        } catch let error as LayoutError {
            Output.line(Words.english.text(error.phrase))
            sound = false
        } catch {
            Output.line("The shop file cannot be checked: \(error)")
            sound = false
        }
        // The history file is compared with the journal as opened; only a sound store that has one is opened.
        if sound, FileManager.default.fileExists(atPath: session.folder.appendingPathComponent(ShopStore.historyFileName).path) {
            do throws(CLIError) {
                if let problem = try session.history(fileProblemIn: session.openStore()) {
                    Output.line(problem)
                    sound = false
                }
            } catch {
                Output.line(error.message)
                sound = false
            }
        }
        return sound ? 0 : 3
    }
}
