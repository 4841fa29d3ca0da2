/// A value coded as one JSON string, its ``value``, and decoded as written: the store writes only
/// values made by their rules, and a value an older version wrote is read as it is.
protocol StoredAsText: Codable {
    /// The value's text, as the store writes it.
    var value: String { get }
    /// The value with this text, unchecked.
    init(stored value: String)
}

extension StoredAsText {
    public init(from decoder: any Decoder) throws {
        self.init(stored: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
