import ButikDomain
import ButikGrid
import Testing

struct SanitizerAndTypedTextTests {
    /// The sanitiser and the domain's rule for typed names are one set: every scalar the
    /// sanitiser changes is one a typed name refuses as a control or direction control, and
    /// the other way round. (White space, line breaks included, both turn into spaces.)
    @Test func theSanitiserReplacesExactlyWhatTypedNamesRefuseAsControls() {
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            if character.isWhitespace { continue }
            let replaced = character.sanitizedForDisplay != character
            let refused = switch TypedText.hiddenCharacter(in: String(character)) {
            case .control, .direction: true
            case .invisible, nil: false
            }
            if replaced != refused { disagreements.append("U+\(String(value, radix: 16, uppercase: true))") }
        }
        #expect(disagreements == [])
    }

}
