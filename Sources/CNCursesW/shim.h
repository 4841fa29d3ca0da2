// The only C that Butik has: a thin shim over ncursesw for what Swift cannot import directly
// (function-like macros, mutable globals, wchar_t). See docs/architecture.md.
//
// A systemLibrary target cannot hold a .c file, so everything here is `static inline`, and
// Swift emits a private copy of each into every object file that calls it: a `static`
// variable here would exist once per Swift source file. So there is none, except the one
// pointer the signal handlers need (see butik_handler_slot); shared state lives in a
// struct butik_emergency that the caller allocates once and passes in.
#ifndef BUTIK_CNCURSESW_SHIM_H
#define BUTIK_CNCURSESW_SHIM_H

// Without this (or _XOPEN_SOURCE) the wide API (get_wch, cchar_t, setcchar) is not declared.
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
// term.h for tigetstr; it #defines short lower-case capability names (lines, tab, bell, ...),
// so the code below uses only butik_-prefixed identifiers.
#include <ncursesw/term.h>

// MARK: - Mutable globals (Swift 6 rejects mutable C globals as not concurrency-safe)

static inline WINDOW *butik_stdscr(void) { return stdscr; }
static inline int butik_colors(void) { return COLORS; }

// MARK: - Macros that do not import (function-like or cast macros)

/// KEY_F(n) is a function-like macro.
static inline int butik_key_f(int n) { return KEY_F(n); }
/// The A_* attributes are macros built with NCURSES_BITS casts.
static inline attr_t butik_attr_normal(void) { return A_NORMAL; }
static inline attr_t butik_attr_bold(void) { return A_BOLD; }
static inline attr_t butik_attr_reverse(void) { return A_REVERSE; }
static inline attr_t butik_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t butik_attr_dim(void) { return A_DIM; }

// MARK: - wchar_t has no stable Swift spelling: code points cross as uint32_t

/// Column width of one code point in the current locale (wcwidth): -1 unprintable, 0 combining.
static inline int butik_wcwidth(uint32_t cp) { return wcwidth((wchar_t)cp); }

/// Paints one cell: `count` code points (one spacing character and its combining marks;
/// at most CCHARW_MAX are used) with attributes and colour pair, via setcchar + mvwadd_wch.
static inline int butik_put_cell(WINDOW *win, int y, int x, const uint32_t *cps, int count,
                                 attr_t attrs, short pair) {
    wchar_t butik_wide[CCHARW_MAX + 1];
    if (count > CCHARW_MAX) count = CCHARW_MAX;
    if (count < 1) return ERR;
    for (int i = 0; i < count; i++) butik_wide[i] = (wchar_t)cps[i];
    butik_wide[count] = L'\0';
    cchar_t butik_cell;
    if (setcchar(&butik_cell, butik_wide, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &butik_cell);
}

/// Reads one key with wget_wch. Returns OK (a character), KEY_CODE_YES (a KEY_* code) or ERR
/// (timeout or interrupted); the character or code goes to *out.
static inline int butik_get_key(WINDOW *win, uint32_t *out) {
    wint_t butik_ch = 0;
    int butik_rc = wget_wch(win, &butik_ch);
    *out = (uint32_t)butik_ch;
    return butik_rc;
}

/// Reads the cell at (y, x) back (mvwin_wch + getcchar): code points into out (up to max),
/// attributes and pair. Returns the number of code points, or -1.
static inline int butik_read_cell(WINDOW *win, int y, int x, uint32_t *out, int max,
                                  attr_t *attrs, short *pair) {
    cchar_t butik_cell;
    wchar_t butik_wide[CCHARW_MAX + 1] = {0};
    if (mvwin_wch(win, y, x, &butik_cell) == ERR) return -1;
    if (getcchar(&butik_cell, butik_wide, attrs, pair, NULL) == ERR) return -1;
    int n = 0;
    while (n < CCHARW_MAX && n < max && butik_wide[n] != L'\0') { out[n] = (uint32_t)butik_wide[n]; n++; }
    return n;
}

/// Reads up to max characters of row y from column x (mvwinnwstr, continuation cells skipped).
/// Returns the number of code points, or -1.
static inline int butik_read_row(WINDOW *win, int y, int x, uint32_t *out, int max) {
    wchar_t butik_wide[1024];
    if (max > 1023) max = 1023;
    int n = mvwinnwstr(win, y, x, butik_wide, max);
    if (n == ERR) return -1;
    n = (int)wcslen(butik_wide);
    for (int i = 0; i < n; i++) out[i] = (uint32_t)butik_wide[i];
    return n;
}

// MARK: - Locale

/// True when LC_CTYPE's codeset is UTF-8 (after setlocale).
static inline int butik_locale_is_utf8(void) {
    const char *butik_codeset = nl_langinfo(CODESET);
    return butik_codeset != NULL && strcmp(butik_codeset, "UTF-8") == 0;
}

// MARK: - Signals and emergency restore
//
// SIGINT/SIGTERM/SIGHUP set a flag the input loop polls (nextKey reports .interrupt); the
// app then quits normally and endwin runs. Only async-signal-safe work happens in handlers.
// If a second such signal arrives before the first was taken, or the process crashes
// (SIGSEGV, SIGILL, SIGABRT, ...), the handler restores the saved termios and writes the
// terminal's own reset strings (read from terminfo while active), then lets the signal proceed.

#define BUTIK_QUIT_SIGNALS 3
#define BUTIK_FATAL_SIGNALS 6
#define BUTIK_SIGNALS (BUTIK_QUIT_SIGNALS + BUTIK_FATAL_SIGNALS)

struct butik_emergency {
    volatile sig_atomic_t active;          // curses owns the terminal
    volatile sig_atomic_t pending_signal;  // quit signal not yet taken by the input loop
    int installed;
    int atexit_registered;
    int fd;
    int have_termios;
    struct termios saved_termios;
    char reset_bytes[512];
    size_t reset_length;
    struct sigaction previous[BUTIK_SIGNALS];
};

/// One zeroed state for the whole process; the caller keeps it forever.
static inline struct butik_emergency *butik_emergency_new(void) {
    struct butik_emergency *s = (struct butik_emergency *)calloc(1, sizeof *s);
    if (s != NULL) s->fd = -1;
    return s;
}

/// The state the handlers below see. Handlers get no argument, so this is the one static:
/// it is set by butik_signal_install, which installs the handlers emitted in the same object
/// file, so a handler always reads the slot its installer wrote.
static inline struct butik_emergency **butik_handler_slot(void) {
    static struct butik_emergency *butik_slot;
    return &butik_slot;
}

static inline int butik_signal_number(int index) {
    switch (index) {
    case 0: return SIGINT;
    case 1: return SIGTERM;
    case 2: return SIGHUP;
    case 3: return SIGSEGV;
    case 4: return SIGBUS;
    case 5: return SIGILL;
    case 6: return SIGFPE;
    case 7: return SIGABRT;
    default: return SIGTRAP;
    }
}

/// Async-signal-safe: write(2) and tcsetattr(3) only.
static inline void butik_emergency_restore(struct butik_emergency *s) {
    if (s == NULL || !s->active) return;
    s->active = 0;
    if (s->fd < 0) return;
    size_t done = 0;
    while (done < s->reset_length) {
        ssize_t n = write(s->fd, s->reset_bytes + done, s->reset_length - done);
        if (n <= 0) break;
        done += (size_t)n;
    }
    if (s->have_termios) tcsetattr(s->fd, TCSANOW, &s->saved_termios);
}

static inline void butik_on_quit_signal(int sig) {
    struct butik_emergency *s = *butik_handler_slot();
    if (s == NULL) return;
    if (s->pending_signal != 0) {
        // The app did not take the first one: it is stuck. Restore and go.
        butik_emergency_restore(s);
        _exit(128 + sig);
    }
    s->pending_signal = sig;
}

static inline void butik_on_fatal_signal(int sig) {
    struct butik_emergency *s = *butik_handler_slot();
    butik_emergency_restore(s);
    if (s != NULL) {
        for (int i = 0; i < BUTIK_SIGNALS; i++) {
            if (butik_signal_number(i) == sig) { sigaction(sig, &s->previous[i], NULL); break; }
        }
    } else {
        signal(sig, SIG_DFL);
    }
    raise(sig);  // blocked while in this handler; the previous action gets it on return
}

static inline void butik_atexit_restore(void) {
    // exit() without restore(): not in a signal handler, so a proper endwin is fine.
    struct butik_emergency *s = *butik_handler_slot();
    if (s != NULL && s->active) { s->active = 0; endwin(); }
}

/// Installs the handlers (call before newterm, so ncurses leaves SIGINT/SIGTERM to us) and
/// remembers the terminal modes of fd for an emergency restore.
static inline void butik_signal_install(struct butik_emergency *s, int fd) {
    *butik_handler_slot() = s;
    s->pending_signal = 0;
    s->fd = fd;
    s->have_termios = (fd >= 0 && isatty(fd) && tcgetattr(fd, &s->saved_termios) == 0);
    if (!s->atexit_registered) { atexit(butik_atexit_restore); s->atexit_registered = 1; }
    if (s->installed) return;
    for (int i = 0; i < BUTIK_SIGNALS; i++) {
        struct sigaction act;
        memset(&act, 0, sizeof act);
        sigemptyset(&act.sa_mask);
        act.sa_handler = i < BUTIK_QUIT_SIGNALS ? butik_on_quit_signal : butik_on_fatal_signal;
        sigaction(butik_signal_number(i), &act, &s->previous[i]);
    }
    s->installed = 1;
}

/// Puts back the signal actions that were there before install.
static inline void butik_signal_uninstall(struct butik_emergency *s) {
    if (!s->installed) return;
    for (int i = 0; i < BUTIK_SIGNALS; i++) sigaction(butik_signal_number(i), &s->previous[i], NULL);
    s->installed = 0;
}

/// Nonzero while a terminal owns the handlers (between install and uninstall).
static inline int butik_signal_installed(const struct butik_emergency *s) { return s->installed; }

/// Returns the pending quit signal (0 if none) and clears it.
static inline int butik_signal_take(struct butik_emergency *s) {
    int sig = s->pending_signal;
    s->pending_signal = 0;
    return sig;
}

static inline void butik_emergency_append_capability(struct butik_emergency *s, const char *name) {
    const char *butik_value = tigetstr(name);
    if (butik_value == NULL || butik_value == (char *)-1) return;
    size_t n = strlen(butik_value);
    if (s->reset_length + n > sizeof s->reset_bytes) return;
    memcpy(s->reset_bytes + s->reset_length, butik_value, n);
    s->reset_length += n;
}

/// Called once curses owns the terminal: captures the reset strings for this terminal type.
static inline void butik_emergency_arm(struct butik_emergency *s) {
    s->reset_length = 0;
    butik_emergency_append_capability(s, "sgr0");   // attributes off
    butik_emergency_append_capability(s, "op");     // original colour pair
    butik_emergency_append_capability(s, "cnorm");  // cursor visible
    butik_emergency_append_capability(s, "rmkx");   // keypad transmit off
    butik_emergency_append_capability(s, "rmcup");  // leave the alternate screen
    s->active = 1;
}

/// Called by restore() before endwin: nothing left for the emergency path to do.
static inline void butik_emergency_disarm(struct butik_emergency *s) { s->active = 0; }

#endif
