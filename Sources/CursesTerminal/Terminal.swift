import CNCursesW
import ButikUI
