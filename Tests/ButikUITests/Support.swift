import ButikUI

/// The screen's `textLines` joined by newlines, trailing empty rows dropped, for comparing
/// with a multi-line string literal.
func snapshot(_ screen: Screen) -> String {
    var lines = screen.textLines
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n")
}

/// A blank screen of the given size.
func blank(_ width: Int, _ height: Int) -> Screen {
    Screen(size: Size(width: width, height: height))
}
