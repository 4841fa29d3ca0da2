import Foundation

/// `snapshot.json`: the model as it was after entry `seq`, and where the journal continues.
///
///     {"schema":1,"seq":1200,"journalOffset":183342,"model":{...},"sum":"0badf00d"}
///
/// `sum` is the CRC-32 of every byte before `,"sum"`, as on journal lines, so a damaged
/// snapshot is noticed and ignored (it is derived data: the journal alone rebuilds it).
enum SnapshotFile {
    struct Contents<Model> {
        var model: Model
        var seq: Int
        var journalOffset: Int64
    }

    enum Reading<Model> {
        case missing
        /// Unreadable or damaged; the reason says how.
        case damaged(reason: Damage)
        /// Written by a newer program.
        case newer(version: Int)
        case sound(Contents<Model>)
    }

    /// The file's bytes (newline-terminated). The model is written by ``StoreEncoder`` (keys in
    /// the order the types encode them): several times quicker than Foundation's encoder on a
    /// year's live state, which a snapshot after every thousand lines and an erasure write whole.
    static func encode<Model: Encodable>(_ model: Model, schema: Int, seq: Int, journalOffset: Int64) throws(StoreError) -> [UInt8] {
        let json: [UInt8]
        do { json = try StoreEncoder().encode(model) } catch {
            throw .encoding(reason: .model(detail: "\(error)"))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.count + 96)
        bytes.append(contentsOf: #"{"schema":"#.utf8)
        bytes.append(contentsOf: String(schema).utf8)
        bytes.append(contentsOf: #","seq":"#.utf8)
        bytes.append(contentsOf: String(seq).utf8)
        bytes.append(contentsOf: #","journalOffset":"#.utf8)
        bytes.append(contentsOf: String(journalOffset).utf8)
        bytes.append(contentsOf: #","model":"#.utf8)
        bytes.append(contentsOf: json)
        Sealed.seal(&bytes)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// Reads and verifies the snapshot at `path`.
    static func read<Model: Decodable>(
        path: String, as type: Model.Type, supported: Int, decoder: StoreDecoder
    ) -> Reading<Model> {
        let bytes: [UInt8]
        do {
            guard let read = try Posix.readWholeFile(path) else { return .missing }
            bytes = read
        } catch {
            return .damaged(reason: .unreadable(error))
        }
        return decode(bytes, as: type, supported: supported, decoder: decoder)
    }

    /// Verifies and decodes snapshot bytes.
    static func decode<Model: Decodable>(
        _ bytes: [UInt8], as type: Model.Type, supported: Int, decoder: StoreDecoder
    ) -> Reading<Model> {
        guard bytes.last == UInt8(ascii: "\n") else {
            return .damaged(reason: bytes.isEmpty ? .empty : .incomplete)
        }
        return bytes.withUnsafeBytes { all -> Reading<Model> in
            let record = UnsafeRawBufferPointer(rebasing: all[0..<(all.count - 1)])
            switch Sealed.verify(record) {
            case .noChecksum: return .damaged(reason: .noChecksum)
            case .mismatch: return .damaged(reason: .checksumMismatch)
            case .valid(let prefixLength):
                var cursor = ByteCursor(bytes: record, end: prefixLength)
                guard cursor.skip(#"{"schema":"#), let schema = cursor.number() else {
                    if let schema = slowSchema(record), schema > supported { return .newer(version: schema) }
                    return .damaged(reason: .notASnapshot)
                }
                if schema > supported { return .newer(version: schema) }
                guard cursor.skip(#","seq":"#), let seq = cursor.number(),
                      cursor.skip(#","journalOffset":"#), let offset = cursor.number(),
                      cursor.skip(#","model":"#) else {
                    return .damaged(reason: .notASnapshot)
                }
                let json = UnsafeRawBufferPointer(rebasing: record[cursor.position..<prefixLength])
                do {
                    let model = try decoder.decode(Model.self, from: json)
                    return .sound(Contents(model: model, seq: seq, journalOffset: Int64(offset)))
                } catch {
                    return .damaged(reason: .modelUndecodable(DecodingProblem(error)))
                }
            }
        }
    }

    private struct SchemaOnly: Decodable { var schema: Int }

    private static func slowSchema(_ record: UnsafeRawBufferPointer) -> Int? {
        try? StoreCoding.decoder().decode(SchemaOnly.self, from: record).schema
    }
}

/// The JSON coders used for every file: sorted keys, dates as milliseconds since 1970.
enum StoreCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }

    /// A decoder for the store's own small files (`damage.json`, `unconfirmed.json`): any time.
    static func decoder() -> StoreDecoder { StoreDecoder(dateRange: nil) }

    /// A decoder for `Model`'s files: a time outside `Model.dateRange` is a decoding error.
    static func decoder<Model: StoreModel>(for model: Model.Type) -> StoreDecoder { StoreDecoder(dateRange: Model.dateRange) }

    /// Why a time read is refused: "time 946684799999.0 ms since 1970 is out of range 2000-01-01T00:00:00Z..<2200-01-01T00:00:00Z".
    static func outOfRange(milliseconds: Double, _ range: Range<Date>) -> String {
        let format = ISO8601DateFormatter()
        return "time \(milliseconds) ms since 1970 is out of range \(format.string(from: range.lowerBound))..<\(format.string(from: range.upperBound))"
    }
}
