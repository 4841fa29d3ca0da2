import ButikGrid
import ButikText

/// What was said about the last thing done: a sentence or more, put into words when drawn, and
/// its tone. Every screen's line and the app's passing message (``Toast``) are one of these.
public struct Notice: Equatable, Sendable {
    public enum Tone: Hashable, Sendable {
        case info, warning, error
    }

    public var phrases: [Phrase]
    public var tone: Tone

    public init(_ phrases: Phrase..., tone: Tone = .info) {
        self.init(phrases: phrases, tone: tone)
    }

    public init(phrases: [Phrase], tone: Tone = .info) {
        self.phrases = phrases
        self.tone = tone
    }

    /// A warning or an error.
    public var isProblem: Bool { tone != .info }

    /// The notice in `words`, its sentences in a row.
    public func text(_ words: Words) -> String {
        phrases.map(words.text).joined(separator: " ")
    }

    /// The style of its tone.
    public var style: Style { Self.style(tone) }

    /// The style of `tone`: info in the ok role, warnings in the warning role, errors loud.
    public static func style(_ tone: Tone) -> Style {
        switch tone {
        case .info: Style(.ok, bold: true)
        case .warning: Style(.warning, bold: true)
        case .error: Style(.danger, bold: true, reverse: true)
        }
    }

    /// Draws the text wrapped over the rows it needs of `rect` (in `style`, else its own);
    /// returns them.
    @discardableResult
    public func draw(into screen: inout Screen, at rect: Rect, style: Style? = nil, _ words: Words) -> Int {
        screen.putWrapped(text(words), in: rect, style: style ?? self.style)
    }
}
