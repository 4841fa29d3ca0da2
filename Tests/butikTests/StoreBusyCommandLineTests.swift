import Foundation
import Testing

/// A verb while another program holds the store's lock: it waits a bounded five seconds, then
/// says the store is busy and exits 3, having written nothing and made nothing read-only.
@Suite struct StoreBusyCommandLineTests {
    /// Takes the store's lock from this process, as a long import or a backup would: waiting up
    /// to ten seconds for whoever holds it now (the terminal UI brings its history file up to
    /// date under the shared lock when it starts).
    static func takeLock(_ store: URL, _ operation: Int32) throws -> Int32 {
        let fd = open(store.appendingPathComponent("lock").path, O_RDWR | O_CLOEXEC)
        try #require(fd >= 0)
        let deadline = Date().addingTimeInterval(10)
        while flock(fd, operation | LOCK_NB) != 0 {
            try #require(Date() < deadline, "the store's lock stayed taken")
            usleep(10_000)
        }
        return fd
    }

    @Test(arguments: [("reading", LOCK_SH), ("writing", LOCK_EX)])
    func aVerbSaysBusyAndTheNextOneWorks(_ other: String, _ operation: Int32) throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Ada Lovelace").status == 0)
        let journal = butik.store.appendingPathComponent("journal/000000000001.jsonl")
        let before = try Data(contentsOf: journal)

        let fd = try Self.takeLock(butik.store, operation)
        let busy = try butik.run("receive", "RR987654326SE", "--to", "Grace Hopper")
        close(fd)  // let go
        #expect(busy.status == 3, "another program \(other): \(busy.stderr)")
        #expect(busy.stderr.contains("The store is busy: another program has held"), "\(busy.stderr)")
        #expect(try Data(contentsOf: journal) == before)

        let again = try butik.run("receive", "RR987654326SE", "--to", "Grace Hopper")
        #expect(again.status == 0, "\(again.stderr)")
        let check = try butik.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// The terminal UI, started by a person while a backup or an import holds the store, waits
    /// for it, saying so, rather than giving up after five seconds as a script's verb does.
    @Test func theTerminalUIStartedWhileTheStoreIsBusyWaitsForIt() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Ada Lovelace").status == 0)
        let fd = try Self.takeLock(butik.store, LOCK_EX)
        let ui = try butik.start(arguments: [])  // no terminal: once open, it says it needs one
        Thread.sleep(forTimeInterval: 6.5)
        #expect(ui.process.isRunning, "still waiting after the verbs' five seconds")
        close(fd)
        let run = ui.finish()
        #expect(run.stderr.contains("Waiting for the store: another program is using it."), "\(run.stderr)")
        #expect(run.stderr.contains("needs a terminal"), "\(run.stderr)")
        #expect(!run.stderr.contains("busy"), "\(run.stderr)")
    }
}
