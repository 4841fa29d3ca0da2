import ButikGrid
import ButikText

/// A short-lived message, a phrase put into words when it is drawn. It does not read a clock: the app sets `expiresAt` from the
/// time it has and drops the toast once `isExpired(at:)`.
public struct Toast: Equatable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info, warning, error
    }

    public var phrase: Phrase
    public var kind: Kind
    /// Seconds on the same monotonic clock as `KeyEvent.time`.
    public var expiresAt: Double

    public init(_ phrase: Phrase, kind: Kind = .info, expiresAt: Double) {
        self.phrase = phrase
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

    /// The rows the text needs at `width` (at most `maxRows`).
    public func rows(width: Int, maxRows: Int, _ words: Words) -> Int {
        min(maxRows, max(1, words.text(phrase).wrapped(toWidth: max(1, width - 2)).count))
    }

    /// Draws the text from the top of `rect`, wrapped over its rows (see
    /// `wrapped(toWidth:rows:)`), which it fills in its style.
    public func draw(into screen: inout Screen, at rect: Rect, _ words: Words) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: style)
        screen.putWrapped(words.text(phrase), in: Rect(row: rect.row, column: rect.column + 1, width: rect.width - 2, height: rect.height), style: style)
    }
}
