#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One file of the journal: the entries from `firstSeq` up to the next segment's first.
struct Segment: Equatable {
    /// The sequence number of its first entry, which its name states.
    var firstSeq: Int
    var path: String
}

/// The journal's files in a store folder.
///
/// The journal is the folder `journal/` of segment files named by the sequence number of their
/// first entry, `journal/000000000001.jsonl`, `journal/000000041207.jsonl`..., read in that
/// order as one sequence of lines. Only the last segment is appended to. A segment is closed
/// for good when a transaction starts a new one: at a new month (``StoreModel/segmentPeriod(of:)``)
/// or when it would grow past a size. A new segment appears whole, by a rename, holding its
/// first transaction, so every segment begins with a complete transaction; only segment 1 of
/// a new store is ever empty. A closed segment may be replaced by a rewritten generation with
/// the same entries (erasing personal data) by one atomic rename.
///
/// Stores of the first format have one `journal.jsonl` instead (the same lines); it is moved
/// into `journal/` as segment 1 on the first writable open (see `Store+Migration.swift`).
enum JournalFiles {
    /// The journal folder's name in the store folder.
    static let folderName = "journal"
    /// The single journal file of the first store format.
    static let legacyName = "journal.jsonl"

    /// The file name of the segment starting at `firstSeq`.
    static func segmentName(_ firstSeq: Int) -> String {
        let digits = String(firstSeq)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".jsonl"
    }

    /// The first sequence number a segment's file name states; nil for any other name.
    static func firstSeq(ofName name: String) -> Int? {
        guard name.hasSuffix(".jsonl") else { return nil }
        let digits = name.dropLast(6)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let seq = Int(digits), seq >= 1 else { return nil }
        return seq
    }

    /// The segments in the journal folder `folder`, oldest first. Other names (temporary files
    /// of a writer) are not part of the journal. Throws when the folder cannot be read, and
    /// for a journal that does not start at entry 1 or names one entry twice.
    static func list(_ folder: String) throws(StoreError) -> [Segment] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            let code = (error as NSError).userInfo[NSUnderlyingErrorKey].flatMap { ($0 as? NSError)?.code } ?? Int(EIO)
            throw .io(operation: .readFolder, path: folder, errno: Int32(code))
        }
        var segments: [Segment] = []
        for name in names where !name.hasPrefix(".") {
            guard let seq = firstSeq(ofName: name) else { continue }
            segments.append(Segment(firstSeq: seq, path: folder + "/" + name))
        }
        segments.sort { $0.firstSeq < $1.firstSeq }
        for (earlier, later) in zip(segments, segments.dropFirst()) where earlier.firstSeq == later.firstSeq {
            throw .corrupt(file: later.path, line: nil, reason: .startsTwice(entry: later.firstSeq, twin: Posix.fileName(earlier.path)))
        }
        if let first = segments.first, first.firstSeq != 1 {
            throw .corrupt(file: first.path, line: nil, reason: .startsLate(entry: first.firstSeq))
        }
        return segments
    }

    /// A segment whose name states another first entry than `next`, the one that comes.
    static func misnamed(_ segment: Segment, next: Int) -> StoreError {
        .corrupt(file: segment.path, line: nil, reason: .misnamed(named: segment.firstSeq, next: next))
    }

    /// A segment with no entry in it, before `later`.
    static func empty(_ segment: Segment, before later: Segment) -> StoreError {
        .corrupt(file: segment.path, line: nil, reason: .noEntry(next: Posix.fileName(later.path)))
    }

    /// The index in `segments` of the one holding entry `seq` (segment 0 for entry 0).
    static func index(holding seq: Int, in segments: [Segment]) -> Int {
        segments.lastIndex { $0.firstSeq <= max(seq, 1) } ?? 0
    }
}
