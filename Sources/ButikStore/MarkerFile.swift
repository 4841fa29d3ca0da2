#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A small sealed JSON file beside the journal telling later opens something the journal
/// cannot: `damage.json` (damage was found where an open does not read) and `unconfirmed.json`
/// (a write whose outcome is unknown). Written atomically, checksummed like journal lines.
enum MarkerFile {
    enum Reading<Contents> {
        case missing
        /// There is a file, but it cannot be read or verified: its reason says why.
        case damaged(reason: Damage)
        case sound(Contents)
    }

    /// Replaces the file at `path` with `contents`.
    static func write<Contents: Encodable>(_ contents: Contents, to path: String, ops: FileOps) throws(StoreError) {
        var bytes: [UInt8]
        do { bytes = [UInt8](try StoreCoding.encoder().encode(contents)) } catch {
            throw .encoding(reason: .note(name: Posix.fileName(path), detail: "\(error)"))
        }
        guard bytes.last == UInt8(ascii: "}") else {
            throw .encoding(reason: .noteNotAnObject(name: Posix.fileName(path)))
        }
        bytes.removeLast()
        Sealed.seal(&bytes)
        bytes.append(UInt8(ascii: "\n"))
        try AtomicFile.write(bytes, to: path, mode: 0o600, ops: ops)
    }

    /// Reads and verifies the file at `path`.
    static func read<Contents: Decodable>(_ path: String, as type: Contents.Type) -> Reading<Contents> {
        let bytes: [UInt8]
        do {
            guard let read = try Posix.readWholeFile(path) else { return .missing }
            bytes = read
        } catch {
            return .damaged(reason: .unreadable(error))
        }
        guard bytes.last == UInt8(ascii: "\n") else { return .damaged(reason: .incomplete) }
        return bytes.withUnsafeBytes { all -> Reading<Contents> in
            let record = UnsafeRawBufferPointer(rebasing: all[0..<(all.count - 1)])
            guard case .valid(let prefixLength) = Sealed.verify(record) else {
                return .damaged(reason: .checksumMismatch)
            }
            var json = Data(UnsafeRawBufferPointer(rebasing: record[0..<prefixLength]))
            json.append(UInt8(ascii: "}"))
            do { return .sound(try StoreCoding.decoder().decode(type, from: json)) } catch {
                return .damaged(reason: .contentUndecodable)
            }
        }
    }

    /// Removes the file at `path` (gone already is fine) and makes the removal durable.
    static func remove(_ path: String, ops: FileOps) throws(StoreError) {
        if unlink(path) != 0 {
            guard errno == ENOENT else { throw .io(operation: .remove, path: path, errno: errno) }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        try Posix.syncFolder(folder.isEmpty ? "." : folder, ops: ops)
    }
}

/// `damage.json`: the journal was found damaged by a check that an ordinary open does not
/// repeat (verifying the lines behind the snapshot). While it exists, every open verifies the
/// whole journal, stays read-only while the damage is there, and removes it once it is gone.
struct DamageNote: Codable, Equatable {
    /// The damaged journal file (absent in notes of the first store format: its one journal).
    var file: String?
    /// The damaged line of that file, if the damage is in one line.
    var line: Int?
    /// What is wrong with the line.
    var reason: Damage
    var foundAt: Date
}

/// `unconfirmed.json`: a transaction whose lines were written but whose outcome is unknown
/// (`fdatasync` failed and the journal could not be cut back for certain). The next open
/// looks for exactly these bytes and says whether the transaction was recorded.
struct UnconfirmedWrite: Codable, Equatable {
    var firstSeq: Int
    var lastSeq: Int
    /// Where the transaction's bytes begin in the journal, and how many there are.
    var offset: Int64
    var length: Int
    /// CRC-32 of the transaction's bytes.
    var checksum: UInt32
    var at: Date
}
