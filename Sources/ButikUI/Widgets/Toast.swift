/// A short-lived message. It does not read a clock: the app sets `expiresAt` from the
/// time it has and drops the toast once `isExpired(at:)`.
public struct Toast: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info, warning, error
    }

    public var text: String
    public var kind: Kind
    /// Seconds on the same monotonic clock as `KeyEvent.time`.
    public var expiresAt: Double

    public init(_ text: String, kind: Kind = .info, expiresAt: Double) {
        self.text = text
        self.kind = kind
        self.expiresAt = expiresAt
    }

    /// True from `expiresAt` on.
    public func isExpired(at time: Double) -> Bool {
        time >= expiresAt
    }

    /// The style for the kind: info in the accent role, warnings and errors bold.
    public var style: Style {
        switch kind {
        case .info: Style(.accent)
        case .warning: Style(.warning, bold: true)
        case .error: Style(.danger, bold: true)
        }
    }

    /// Draws the text on the first row of `rect`, which it fills in its style.
    public func draw(into screen: inout Screen, at rect: Rect) {
        guard !rect.isEmpty else { return }
        screen.fill(row: rect.row, column: rect.column, width: rect.width, height: 1, style: style)
        screen.put(" " + text.truncated(toWidth: rect.width - 2), row: rect.row, column: rect.column, style: style)
    }
}
