import ButikGrid
import Testing
import ButikUI

@Suite struct TabBarTests {
    let bar = TabBar([
        .init("Counter", key: .function(2)),
        .init("Intake", key: .function(3)),
        .init("Shelves", key: .function(4)),
        .init("Queue", key: .function(5)),
        .init("Customers", key: .function(6)),
        .init("Reports", key: .function(7)),
    ], active: 1)

    func render(_ bar: TabBar, width: Int) -> Screen {
        var screen = blank(width, 1)
        bar.draw(into: &screen, at: Rect(row: 0, column: 0, width: width, height: 1))
        return screen
    }

    @Test func fullTitlesAt120Columns() {
        let screen = render(bar, width: 120)
        #expect(screen.textLines == [" F2 Counter  F3 Intake  F4 Shelves  F5 Queue  F6 Customers  F7 Reports"])
        #expect(screen.styleMask[0].prefix(24) == ".AA.........SSSSSSSSSSS.")
    }

    @Test func shortenedInactiveTitlesAt60Columns() {
        let screen = render(bar, width: 60)
        #expect(screen.textLines == [" F2 Cou…  F3 Intake  F4 She…  F5 Que…  F6 Cus…  F7 Rep…"])
    }

    @Test func keysOnlyWhenNarrower() {
        #expect(render(bar, width: 40).textLines == [" F2  F3 Intake  F4  F5  F6  F7"])
        #expect(render(bar, width: 28).textLines == [" F2  F3 In…  F4  F5  F6  F7"])
        #expect(render(bar, width: 24).textLines == [" F2  F3  F4  F5  F6  F7"])
        #expect(render(bar, width: 10).textLines == [" F2  F3  F"])
    }

    @Test func functionKeyActivatesItsTab() {
        var bar = bar
        let consumed = bar.handle(.function(6))
        #expect(consumed)
        #expect(bar.active == 4)
        let other = bar.handle(.function(9))
        #expect(!other)
        #expect(bar.active == 4)
        #expect(render(bar, width: 60).textLines == [" F2 Cou…  F3 Int…  F4 She…  F5 Que…  F6 Customers  F7 Rep…"])
    }
}
