import ButikGrid
import ButikText

/// A passing notice, shown over the status line. It does not read a clock: the app sets
/// `expiresAt` from the time it has and drops the toast once `isExpired(at:)`.
public struct Toast: Equatable, Sendable {
    public var notice: Notice
    /// Seconds on the same monotonic clock as `KeyEvent.time`.
    public var expiresAt: Double

    public init(_ notice: Notice, expiresAt: Double) {
        self.notice = notice
        self.expiresAt = expiresAt
    }

    /// True from `expiresAt` on.
    public func isExpired(at time: Double) -> Bool {
        time >= expiresAt
    }

    /// The style of the band: info in the accent role, warnings and errors bold.
    public var style: Style {
        switch notice.tone {
        case .info: Style(.accent)
        case .warning: Style(.warning, bold: true)
        case .error: Style(.danger, bold: true)
        }
    }

    /// The rows the text needs at `width` (at most `maxRows`).
    public func rows(width: Int, maxRows: Int, _ words: Words) -> Int {
        min(maxRows, max(1, notice.text(words).wrapped(toWidth: max(1, width - 2)).count))
    }

    /// Fills `rect` in its style and draws the notice from its top, wrapped over its rows.
    public func draw(into screen: inout Screen, at rect: Rect, _ words: Words) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: style)
        notice.draw(into: &screen, at: Rect(row: rect.row, column: rect.column + 1, width: rect.width - 2, height: rect.height), style: style, words)
    }
}
