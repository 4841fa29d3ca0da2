// The only C that Butik has: a thin shim over ncursesw for what Swift cannot import directly
// (function-like macros, mutable globals, wchar_t). See docs/architecture.md.
#ifndef BUTIK_CNCURSESW_SHIM_H
#define BUTIK_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

#endif
