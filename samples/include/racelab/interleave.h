/*===- racelab/interleave.h - Force an interleaving, invisibly ------------===*
 *
 * A race that shows up "sometimes" teaches nothing and makes a flaky test.
 * Lessons therefore force the unlucky interleaving with a gate: one thread
 * opens it after its racy access, the other waits for it before its own.
 *
 * The gate must not be *seen* by the race detectors: if ThreadSanitizer (or
 * Helgrind/DRD) saw it as synchronisation, the two accesses would be ordered
 * and the race would vanish from the report. So the gate is built from a raw
 * atomic and the futex system call, in functions compiled without sanitizer
 * instrumentation (disable_sanitizer_instrumentation also hides the atomics,
 * which no_sanitize("thread") would not). This is the trick ThreadSanitizer's
 * own test suite uses (its barrier_wait); it only orders the threads, it does
 * not make the racy program correct.
 *
 * Usable from C and C++:
 *   C:   static struct racelab_gate G;  racelab_gate_open(&G);  racelab_gate_wait(&G);
 *   C++: racelab::HiddenGate G;         G.open();               G.wait();
 *
 *===----------------------------------------------------------------------===*/
#ifndef RACELAB_INTERLEAVE_H
#define RACELAB_INTERLEAVE_H

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__clang__)
#define RACELAB_HIDDEN_FROM_SANITIZERS                                         \
  __attribute__((disable_sanitizer_instrumentation, noinline))
#else
#define RACELAB_HIDDEN_FROM_SANITIZERS __attribute__((no_sanitize_thread, noinline))
#endif

/* A one-shot gate: closed until opened, then open for good. Zero-initialise
 * it (a global or `= {0}`). */
struct racelab_gate {
  int opened;
};

RACELAB_HIDDEN_FROM_SANITIZERS static inline void
racelab_gate_open(struct racelab_gate *G) {
  __atomic_store_n(&G->opened, 1, __ATOMIC_SEQ_CST);
  syscall(SYS_futex, &G->opened, FUTEX_WAKE_PRIVATE, 0x7fffffff, (void *)0,
          (void *)0, 0);
}

RACELAB_HIDDEN_FROM_SANITIZERS static inline void
racelab_gate_wait(struct racelab_gate *G) {
  while (__atomic_load_n(&G->opened, __ATOMIC_SEQ_CST) == 0)
    syscall(SYS_futex, &G->opened, FUTEX_WAIT_PRIVATE, 0, (void *)0, (void *)0,
            0);
}

#ifdef __cplusplus
namespace racelab {

/// A one-shot gate the race detectors cannot see (see the file comment).
class HiddenGate {
public:
  /// Lets every waiting thread (and every later wait()) through.
  void open() { racelab_gate_open(&Gate); }
  /// Blocks until open() was called.
  void wait() { racelab_gate_wait(&Gate); }

private:
  racelab_gate Gate = {0};
};

} // namespace racelab
#endif

#endif
