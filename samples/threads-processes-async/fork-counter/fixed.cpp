// The fix: the counter lives in memory that both processes really share.
// mmap(MAP_SHARED | MAP_ANONYMOUS) before fork() gives a page that the child
// inherits as the same physical memory, not as a copy. Both processes add to
// it at the same time, so it is a std::atomic: a lock-free atomic works
// across processes because it is a single hardware instruction on that
// memory. The parent reads the total only after waitpid(), once the child
// has exited.
#include <atomic>
#include <cstdio>
#include <new>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

constexpr int Images = 10;

// A std::atomic that falls back to a lock would keep the lock in one
// process's private memory; only a lock-free one can be shared.
static_assert(std::atomic<long>::is_always_lock_free);

void convert(std::atomic<long> &Converted, int From, int To) {
  for (int I = From; I < To; ++I)
    Converted.fetch_add(1); // (the conversion itself is left out)
}

int main() {
  void *Page = mmap(nullptr, sizeof(std::atomic<long>), PROT_READ | PROT_WRITE,
                    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (Page == MAP_FAILED) {
    std::perror("mmap");
    return 1;
  }
  auto *Converted = new (Page) std::atomic<long>(0);

  std::fflush(stdout); // nothing buffered may be copied into the child
  pid_t Child = fork();
  if (Child < 0) {
    std::perror("fork");
    return 1;
  }
  if (Child == 0) {
    convert(*Converted, Images / 2, Images); // the parent's counter, shared
    _exit(0); // not exit(): the child must not run the parent's cleanup
  }
  convert(*Converted, 0, Images / 2);
  int Status = 0;
  waitpid(Child, &Status, 0); // after this, the child's additions are done
  if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0)
    std::printf("the child failed\n");
  std::printf("converted %ld of %d images\n", Converted->load(), Images);
  munmap(Page, sizeof(std::atomic<long>));
}
