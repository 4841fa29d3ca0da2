import ButikGrid

/// The screen's ``Screen/plainText``.
func snapshot(_ screen: Screen) -> String { screen.plainText }

/// A blank screen of the given size.
func blank(_ width: Int, _ height: Int) -> Screen {
    Screen(size: Size(width: width, height: height))
}
