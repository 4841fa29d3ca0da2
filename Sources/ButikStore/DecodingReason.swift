/// Why JSON could not be decoded, as a phrase for a damage message, naming the field:
/// "parcel id 0 is out of range 1...999999999999 (field event.parcels[1])".
enum DecodingReason {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context):
            // Foundation's own descriptions end in a full stop; ours go inside sentences.
            let description = context.debugDescription.hasSuffix(".")
                ? String(context.debugDescription.dropLast()) : context.debugDescription
            return description + place(context.codingPath)
        case .keyNotFound(let key, let context):
            return "the field \"\(path(context.codingPath + [key]))\" is missing"
        case .typeMismatch(_, let context):
            return "a value has the wrong type" + place(context.codingPath)
        case .valueNotFound(_, let context):
            return "a value is missing (null)" + place(context.codingPath)
        @unknown default:
            return "\(error)"
        }
    }

    /// `event.parcels[1]`.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func place(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "" : " (field \(path(codingPath)))"
    }
}
