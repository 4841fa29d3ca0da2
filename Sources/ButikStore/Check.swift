#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What `Store.check` found; the edge puts it into words.
public struct CheckReport: Sendable {
    /// One problem: the file, the 1-based line (journal only) and what is wrong.
    public struct Problem: Sendable, Equatable {
        public var file: String
        public var line: Int?
        public var what: Damage
    }

    /// Everything wrong; empty when the store is healthy.
    public internal(set) var problems: [Problem] = []
    /// Things worth knowing that are not damage (an unfinished last line, no snapshot...).
    public internal(set) var notes: [StoreNotice] = []
    /// Lines in the journal's files, including damaged and unfinished ones.
    public internal(set) var journalLines = 0
    /// The journal's files (segments).
    public internal(set) var journalFiles = 0
    /// Sequence number of the last sound line.
    public internal(set) var lastSequence = 0
    /// The sequence number the snapshot was taken at, if it could be read.
    public internal(set) var snapshotSequence: Int?

    /// True when there are no problems.
    public var isHealthy: Bool { problems.isEmpty }
}


extension Store {
    /// Verifies every file: every journal line's checksum and sequence number, and the snapshot
    /// against a full replay (`compactedForSnapshot()` of both, equal, or else equal as JSON). Holds a
    /// shared lock while reading, if it can. Changes nothing, but for noting damage found in the
    /// journal in `damage.json`, so that every later open shows it until it is repaired.
    public static func check(folder: URL, empty: Model) -> CheckReport {
        var report = CheckReport()
        let folderPath = folder.standardizedFileURL.path
        let snapshotPath = folderPath + "/snapshot.json"
        let encoder = StoreCoding.encoder()
        let decoder = StoreCoding.decoder(for: Model.self)

        let lock = try? FileLock(path: folderPath + "/lock", create: false)
        if let lock {
            do { try lock.lock(.shared, timeout: 5) } catch {
                report.notes.append(.checkedWithoutLock(error))
            }
        }
        defer { lock?.unlock() }

        var snapshot: SnapshotFile.Contents<Model>?
        switch SnapshotFile.read(path: snapshotPath, as: Model.self, supported: Model.schemaVersion, decoder: decoder) {
        case .missing:
            report.notes.append(.noSnapshot)
        case .damaged(let reason):
            report.problems.append(.init(file: snapshotPath, line: nil, what: .snapshotIgnored(reason)))
        case .newer(let version):
            report.problems.append(.init(file: snapshotPath, line: nil, what: .newerFile(version: version, supported: Model.schemaVersion)))
        case .sound(let contents):
            snapshot = contents
            report.snapshotSequence = contents.seq
        }

        if !hasJournal(folderPath), let aside = journalsAside(in: folderPath).first {
            report.problems.append(.init(file: aside.path, line: nil, what: .renamedAside))
            return report
        }
        let segments: [Segment]
        do { segments = try journalSegments(of: folderPath) } catch {
            report.problems.append(.init(file: folderPath + "/" + JournalFiles.folderName, line: nil, what: .failed(error)))
            return report
        }
        if segments.count == 1, case .failure(ENOENT) = Posix.status(path: segments[0].path), snapshot == nil {
            report.notes.append(.noJournal)
            return report
        }
        report.journalFiles = segments.count

        /// Whether the snapshot's model has the JSON of the replayed one passed through JSON and
        /// back, so both sides compare alike.
        func sameJSON(_ fromSnapshot: Model, _ replayed: Model) -> Bool {
            guard let json = try? encoder.encode(fromSnapshot), let replayedJSON = try? encoder.encode(replayed),
                  let back = try? decoder.decode(Model.self, from: replayedJSON) else { return false }
            return (try? encoder.encode(back)) == json
        }
        /// Whether both compact to the same model. Equal models have equal JSON, so only unequal
        /// ones are compared as JSON, which forgives what a file cannot hold (sub-millisecond times).
        func same(_ fromSnapshot: Model, _ replayed: Model) -> Bool {
            let (left, right) = (fromSnapshot.compactedForSnapshot(), replayed.compactedForSnapshot())
            return left == right || sameJSON(left, right)
        }
        /// The model after the journal up to `end` of the segment `file`, never compacted on the way.
        func replayedWhole(to end: Int64, in file: String) -> Model? {
            var model = empty
            var lastSeq = 0
            for segment in segments {
                guard let fd = try? Posix.openOrThrow(segment.path, O_RDONLY) else { return nil }
                defer { close(fd) }
                let isLast = segment.path == file
                guard let size = try? Posix.status(fd, path: segment.path).st_size,
                      let read = try? JournalReader.read(
                        fd: fd, path: segment.path, from: 0, to: isLast ? end : Int64(size), firstLine: 1, lastSeq: lastSeq,
                        schemaVersion: Model.schemaVersion, decoder: decoder, as: Model.Entry.self, apply: { model.apply($0) }),
                      read.problem == nil, read.torn == nil else { return nil }
                lastSeq = read.lastSeq
                if isLast { return model }
            }
            return nil
        }
        func compare(_ replayed: Model, end: Int64, in file: String, with snapshot: SnapshotFile.Contents<Model>) {
            if end != snapshot.journalOffset {
                report.problems.append(.init(file: snapshotPath, line: nil,
                    what: .snapshotMisplaced(entry: snapshot.seq, offset: snapshot.journalOffset, file: Posix.fileName(file), end: end)))
            }
            // The replay compacts on the way (see Replay); where compacting early and compacting
            // late could differ, a replay without it decides, as the writer held the model so.
            if !same(snapshot.model, replayed), replayedWhole(to: end, in: file).map({ same(snapshot.model, $0) }) != true {
                report.problems.append(.init(file: snapshotPath, line: nil, what: .snapshotDiffers(entry: snapshot.seq)))
            }
        }

        var replay = Replay(empty)
        var applying = true          // false after the first problem: later state means nothing
        var expected: Int? = 1       // nil right after a damaged line: resynchronise silently
        var pending: [Model.Entry] = []
        var pendingStart = (file: "", line: 0)
        var compared = false
        var lineNumber = 0           // in the file being read
        if let snapshot, snapshot.seq == 0 {
            compare(replay.model, end: 0, in: segments[0].path, with: snapshot)
            compared = true
        }
        for (index, segment) in segments.enumerated() {
            let journalPath = segment.path
            let isLast = index == segments.count - 1
            if let wanted = expected, segment.firstSeq != wanted,
               case .corrupt(_, _, let reason) = JournalFiles.misnamed(segment, next: wanted) {
                report.problems.append(.init(file: journalPath, line: nil, what: reason))
                applying = false
            }
            expected = segment.firstSeq
            let fd: Int32
            switch Posix.openFile(journalPath, O_RDONLY) {
            case .success(let opened): fd = opened
            case .failure(let code):
                report.problems.append(.init(file: journalPath, line: nil, what: .unopenable(errno: code)))
                return report
            }
            defer { close(fd) }
            lineNumber = 0
            do {
                let size = Int64(try Posix.status(fd, path: journalPath).st_size)
                try LineReader.forEachLine(fd: fd, path: journalPath, from: 0, to: size) { line, offset, terminated in
                    report.journalLines += 1
                    lineNumber += 1
                    let number = lineNumber
                    let parsed: JournalLine.Parsed<Model.Entry> = terminated
                        ? JournalLine.parse(line, as: Model.Entry.self, schemaVersion: Model.schemaVersion, decoder: decoder)
                        : .damaged(reason: .noNewline)
                    func problem(_ what: Damage) {
                        if report.problems.count < 100 {
                            report.problems.append(.init(file: journalPath, line: number, what: what))
                        }
                        applying = false
                    }
                    switch parsed {
                    case .damaged(let reason):
                        if !terminated, isLast {
                            report.notes.append(.unfinishedLine(file: Posix.fileName(journalPath), line: number, reason))
                        } else {
                            problem(reason)
                        }
                        expected = nil
                    case .newer(let seq, let version):
                        problem(.newerFile(version: version, supported: Model.schemaVersion))
                        expected = seq + 1
                    case .undecodable(let seq, let reason):
                        problem(reason)
                        expected = seq + 1
                    case .entry(let seq, let more, let entry):
                        if let wanted = expected, seq != wanted {
                            problem(.sequence(found: seq, expected: wanted))
                        }
                        expected = seq + 1
                        report.lastSequence = seq
                        guard applying else { return true }
                        if pending.isEmpty { pendingStart = (Posix.fileName(journalPath), number) }
                        pending.append(entry)
                        guard !more else { return true }
                        for entry in pending { replay.apply(entry) }
                        pending.removeAll()
                        if let snapshot, seq == snapshot.seq {
                            compare(replay.model, end: offset + Int64(line.count) + 1, in: journalPath, with: snapshot)
                            compared = true
                        }
                    }
                    return true
                }
            } catch {
                report.problems.append(.init(file: journalPath, line: nil, what: .failed(error)))
            }
            if applying, !pending.isEmpty, !isLast {
                report.problems.append(.init(file: journalPath, line: nil,
                    what: .unfinishedBeforeMore(file: pendingStart.file, first: pendingStart.line, last: lineNumber)))
                applying = false
            }
        }
        if applying, !pending.isEmpty {
            report.notes.append(.unfinishedTransaction(file: pendingStart.file, first: pendingStart.line, last: lineNumber))
        }
        if let snapshot, !compared {
            report.problems.append(.init(file: snapshotPath, line: nil,
                what: applying ? .snapshotBeyondJournal(entry: snapshot.seq) : .snapshotUncompared(entry: snapshot.seq)))
        }
        // Opening reads only the journal after the snapshot: note the damage so that it shows it.
        let journalFiles = Set(segments.map(\.path))
        if let damage = report.problems.first(where: { journalFiles.contains($0.file) }) {
            do {
                try MarkerFile.write(DamageNote(file: damage.file, line: damage.line, reason: damage.what, foundAt: Date()),
                                     to: folderPath + "/damage.json", ops: .live)
            } catch {
                report.notes.append(.damageUnnoted(path: folderPath + "/damage.json", error))
            }
        }
        return report
    }
}
