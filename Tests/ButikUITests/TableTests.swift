import ButikGrid
import Testing
@testable import ButikUI

@Suite struct TableTests {
    /// Ten parcels, slots A1…A10.
    func parcels(pageSize: Int = 4) -> Table {
        Table(
            columns: [
                .init("Hylle", width: .fixed(5)),
                .init("Kunde"),
                .init("Kolli", width: .fixed(5), alignment: .right),
            ],
            rows: (1...10).map { Table.Row(["A\($0)", "Kunde \($0)", "\($0)"], style: $0 == 3 ? Style(.danger) : .plain) },
            emptyMessage: "Ingen pakker",
            pageSize: pageSize
        )
    }

    func render(_ table: Table, width: Int = 24, height: Int = 5) -> Screen {
        var screen = blank(width, height)
        table.draw(into: &screen, at: Rect(row: 0, column: 0, width: width, height: height))
        return screen
    }

    func press(_ table: inout Table, _ keys: Key...) {
        for key in keys {
            let consumed = table.handle(key)
            #expect(consumed)
        }
    }

    @Test func drawsTitlesRowsAndSelection() {
        let screen = render(parcels())
        #expect(snapshot(screen) == """
            Hylle Kunde        Kolli
            A1    Kunde 1          1
            A2    Kunde 2          2
            A3    Kunde 3          3
            A4    Kunde 4          4
            """)
        #expect(screen.styleMask[0] == "TTTTTTTTTTTTTTTTTTTTTTTT")
        #expect(screen.styleMask[1] == "ssssssssssssssssssssssss")
        #expect(screen.styleMask[3] == "dddddddddddddddddddddddd")
    }

    @Test func aColumnShownFromAWidthAppearsOnlyInATableThatWide() {
        let table = Table(columns: [.init("Hylle", width: .fixed(5)), .init("Kunde"), .init("Tlf", width: .fixed(8), shownFrom: 30)],
                          rows: [Table.Row(["A1", "Kari", "91234567"])])
        #expect(render(table, width: 29, height: 2).textLines == ["Hylle Kunde", "A1    Kari"])
        #expect(render(table, width: 30, height: 2).textLines == ["Hylle Kunde           Tlf", "A1    Kari            91234567"])
    }

    @Test func downScrollsOnlyWhenTheSelectionLeavesTheView() {
        var table = parcels()
        press(&table, .down, .down, .down)
        #expect(table.selection == 3)
        #expect(render(table).textLines[1] == "A1    Kunde 1          1")
        press(&table, .down, .down)
        let screen = render(table)
        #expect(snapshot(screen) == """
            Hylle Kunde        Kolli
            A3    Kunde 3          3
            A4    Kunde 4          4
            A5    Kunde 5          5
            A6    Kunde 6          6
            """)
        #expect(screen.styleMask[4].allSatisfy { $0 == "s" })
        press(&table, .up, .up)
        #expect(render(table).textLines[1] == "A3    Kunde 3          3")   // view stays
        press(&table, .up)
        #expect(render(table).textLines[1] == "A3    Kunde 3          3")
        #expect(render(table).styleMask[1].allSatisfy { $0 == "s" })
        press(&table, .up)
        #expect(render(table).textLines[1] == "A2    Kunde 2          2")
    }

    @Test func pagingAndEnds() {
        var table = parcels()
        press(&table, .pageDown)
        #expect(table.selection == 4)
        press(&table, .pageDown, .pageDown)
        #expect(table.selection == 9)
        #expect(render(table).textLines[1...4] == ["A7    Kunde 7          7", "A8    Kunde 8          8",
                                                   "A9    Kunde 9          9", "A10   Kunde 10        10"])
        press(&table, .pageUp)
        #expect(table.selection == 5)
        press(&table, .home)
        #expect(table.selection == 0)
        press(&table, .up)
        #expect(table.selection == 0)
        press(&table, .end)
        #expect(table.selection == 9)
        press(&table, .down)
        #expect(table.selection == 9)
    }

    @Test func aSmallerRectStillShowsTheSelection() {
        var table = parcels(pageSize: 10)
        table.select(5)
        let screen = render(table, height: 3)
        #expect(screen.textLines == ["Hylle Kunde        Kolli", "A5    Kunde 5          5", "A6    Kunde 6          6"])
    }

    @Test func otherKeysAreNotConsumed() {
        var table = parcels()
        let consumed = table.handle(.enter)
        #expect(!consumed)
        #expect(table.selection == 0)
    }

    @Test func emptyTableShowsItsMessageAndIgnoresKeys() {
        var table = parcels()
        table.rows = []
        #expect(table.selection == nil)
        let consumed = table.handle(.down)
        #expect(!consumed)
        #expect(snapshot(render(table)) == """
            Hylle Kunde        Kolli
                  Ingen pakker
            """)
        #expect(render(table).styleMask[1] == "mmmmmmmmmmmmmmmmmmmmmmmm")
    }

    @Test func replacingRowsKeepsTheSelectionValid() {
        var table = parcels()
        table.select(9)
        table.rows = Array(table.rows.prefix(3))
        #expect(table.selection == 2)
        table.rows = []
        table.rows = [Table.Row(["B1"])]
        #expect(table.selection == 0)
        #expect(render(table).textLines[1] == "B1")
    }

    @Test func cellsAreTruncatedWithEllipsis() {
        var table = parcels()
        table.rows = [Table.Row(["B12345", "Kari Nordmann-Østensjø", "120000"])]
        #expect(render(table, width: 20).textLines[1] == "B123… Kari No… 1200…")
    }

    @Test func flexibleColumnsShareWhatIsLeft() {
        let columns: [Table.Column] = [.init("a"), .init("b"), .init("c", width: .fixed(3))]
        #expect(Table.widths(of: columns, total: 10) == [3, 2, 3])
        #expect(Table.widths(of: [.init("a", width: .flexible(minimum: 4)), .init("b")], total: 6) == [4, 2])
    }
}
