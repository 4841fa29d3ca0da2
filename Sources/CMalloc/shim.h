// The C library's malloc tuning, which Swift's Glibc module leaves out.
#include <malloc.h>

/// One malloc heap for the whole process. A program of few threads (butik's: the journal read
/// ahead of a fold, a rebuild's spill) otherwise gets a heap per thread, and memory freed in
/// one cannot serve another: a year's rebuild of history.bin peaks about 10 MB higher.
static inline void butik_use_one_heap(void) { mallopt(M_ARENA_MAX, 1); }
