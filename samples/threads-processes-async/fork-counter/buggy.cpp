// A batch converter shares ten images between two processes: it fork()s a
// child that converts images 5..9 while the parent converts 0..4, and counts
// every converted image in Converted.
// The bug: a forked child does not share the parent's memory. fork() gives
// the child a copy of every variable, so the child's five increments go to
// its own Converted, which vanishes when the child exits. The parent waits
// for the child, correctly, and still reports only its own five images.
// There is no race here, and nothing for ThreadSanitizer to see: the two
// processes never touch the same memory. That is exactly the bug.
#include <cstdio>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

constexpr int Images = 10;

long Converted = 0; // each process has its own copy after fork()

void convert(int From, int To) {
  for (int I = From; I < To; ++I)
    ++Converted; // (the conversion itself is left out)
}

int main() {
  // Anything still in stdout's buffer would be copied into the child and
  // printed twice; there is nothing yet, but flush before every fork().
  std::fflush(stdout);
  pid_t Child = fork();
  if (Child < 0) {
    std::perror("fork");
    return 1;
  }
  if (Child == 0) {
    convert(Images / 2, Images); // increments the child's copy
    _exit(0); // not exit(): the child must not run the parent's cleanup
  }
  convert(0, Images / 2);
  int Status = 0;
  waitpid(Child, &Status, 0); // the child is done, but its copy is gone
  if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0)
    std::printf("the child failed\n");
  std::printf("converted %ld of %d images\n", Converted, Images);
}
