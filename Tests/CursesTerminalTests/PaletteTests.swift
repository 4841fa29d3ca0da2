import ButikGrid
import Testing
@testable import CursesTerminal

@Suite struct PaletteTests {
    @Test func autoHonoursNoColor() {
        #expect(ColorMode.auto.usesColor(environment: ["NO_COLOR": "1"], terminalHasColors: true) == false)
        #expect(ColorMode.auto.usesColor(environment: ["NO_COLOR": "yes"], terminalHasColors: true) == false)
        // no-color.org: only a non-empty value counts.
        #expect(ColorMode.auto.usesColor(environment: ["NO_COLOR": ""], terminalHasColors: true) == true)
        #expect(ColorMode.auto.usesColor(environment: [:], terminalHasColors: true) == true)
        #expect(ColorMode.auto.usesColor(environment: [:], terminalHasColors: false) == false)
    }

    @Test func explicitModes() {
        #expect(ColorMode.color.usesColor(environment: ["NO_COLOR": "1"], terminalHasColors: true) == true)
        #expect(ColorMode.color.usesColor(environment: [:], terminalHasColors: false) == false)
        #expect(ColorMode.none.usesColor(environment: [:], terminalHasColors: true) == false)
    }

    @Test(arguments: ColorRole.allCases)
    func monochromeHasNoPairsAndNoColours(_ role: ColorRole) {
        let look = Palette.monochrome.appearance(of: role)
        #expect(Palette.monochrome.pair(for: role) == 0)
        #expect(look.foreground == .terminalDefault)
        #expect(look.background == .terminalDefault)
    }

    @Test func monochromeTellsTheImportantRolesApart() {
        let palette = Palette.monochrome
        let attributes = { (role: ColorRole) in palette.appearance(of: role).attributes }
        #expect(attributes(.normal) == [])
        #expect(attributes(.selection) == .reverse)
        #expect(attributes(.danger) == [.bold, .underline])
        #expect(attributes(.warning) == .underline)
        #expect(attributes(.accent) == .bold)
        #expect(attributes(.title) == .bold)
        #expect(attributes(.muted) == .dim)
        let distinct: [ColorRole] = [.normal, .selection, .danger, .warning, .accent, .muted]
        #expect(Set(distinct.map(attributes)).count == distinct.count)
    }

    @Test func colourHasOnePairPerRole() {
        let pairs = ColorRole.allCases.map(Palette.color.pair(for:))
        #expect(pairs == Array(1...Int16(ColorRole.allCases.count)))
        #expect(Palette.color.appearance(of: .normal) == RoleAppearance())
        #expect(Palette.color.appearance(of: .danger).foreground == .red)
        #expect(Palette.color.appearance(of: .ok).foreground == .green)
        #expect(Palette.color.appearance(of: .selection).background != .terminalDefault)
    }

    @Test func styleFlagsAddToTheRole() {
        let style = Style(.danger, bold: false, reverse: true, underline: false)
        let mono = Palette.monochrome.rendition(of: style)
        #expect(mono.attributes == [.bold, .underline, .reverse])
        #expect(mono.pair == 0)
        let colour = Palette.color.rendition(of: Style(.accent, underline: true))
        #expect(colour.attributes == .underline)
        #expect(colour.pair == Palette.color.pair(for: .accent))
        #expect(Palette.color.rendition(of: .plain).attributes == [])
    }
}
