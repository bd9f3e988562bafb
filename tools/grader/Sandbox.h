//===- Sandbox.h - Where untrusted submissions build and run ----*- C++ -*-===//
//
// Every process a grader starts for a submission (preprocessor, compiler,
// linker, the program, racecheck) goes through Sandbox::wrap, which prefixes
// its command line with real isolation tools:
//
//   prlimit  --nproc --fsize --core   process count, file size, no core files
//   setpriv  --reuid --regid          when we are root: a uid of its own, so
//                                     the process limit counts only its
//                                     processes and root's files are closed
//   bwrap    --unshare-all            no network, own pid namespace (killing
//                                     it kills every process inside), a
//                                     read-only system, a private /tmp, only
//                                     the scratch directory writable, the
//                                     lab folder replaced by an empty one
//
// Memory (resident, over the whole tree) and wall-clock limits are enforced
// by the Supervisor, which also caps output. Where bubblewrap cannot create
// namespaces (some containers forbid it) the sandbox falls back to the
// limits alone and says so in every result it is part of.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_SANDBOX_H
#define RACELAB_GRADER_SANDBOX_H

#include "Supervisor.h"

#include "llvm/Support/Error.h"

#include <string>
#include <sys/types.h>
#include <vector>

namespace racelab {

struct SandboxPolicy {
  /// Bound read-write at the same path inside (so paths in diagnostics and
  /// TSan reports read the same inside and out); HOME and TMPDIR point here.
  std::string ScratchDir;
  /// Bound read-only at the same path (the compiler's support headers, the
  /// racecheck binary's folder) when they are not under /usr already.
  std::vector<std::string> ReadOnly;
  /// Replaced by an empty directory inside (the lab folder: the reference
  /// solution and hidden files must not be readable).
  std::vector<std::string> Hidden;
  unsigned Processes = 64;
  size_t FileBytes = 64 << 20;
};

enum class SandboxMode {
  Auto,       ///< bubblewrap when it works here, else limits only.
  Bubblewrap, ///< bubblewrap or fail.
  LimitsOnly, ///< No namespaces: prlimit (and setpriv as root) only.
};

class Sandbox {
public:
  /// Finds the tools and, unless Mode is LimitsOnly, checks with one trial
  /// run that bubblewrap can create its namespaces here. Fails only when
  /// Mode is Bubblewrap and it cannot, or when prlimit is missing.
  static llvm::Expected<Sandbox> create(SandboxPolicy Policy, SandboxMode Mode);

  bool isolated() const { return !Bwrap.empty(); }
  /// "bubblewrap" or "limits-only (<why bubblewrap was not used>)".
  std::string describe() const;
  /// The uid processes run as inside, when we are root; -1 otherwise. The
  /// scratch directory and every writable directory are handed to it.
  int sandboxUid() const { return Uid; }

  /// Rewrites Spec to run inside the sandbox (a Launcher).
  void wrap(ProcessSpec &Spec, const std::vector<std::string> &WritableDirs) const;
  Launcher launcher() const;

  /// Gives the sandbox's uid a directory it must write (no-op unless root).
  llvm::Error handOver(const std::string &Dir) const;

private:
  Sandbox() = default;
  std::vector<std::string> prefix(const std::vector<std::string> &WritableDirs,
                                  const std::string &WorkingDir) const;

  SandboxPolicy Policy;
  std::string Prlimit, Setpriv, Bwrap;
  std::string FallbackReason;
  int Uid = -1;
  unsigned ProcessLimit = 0;
};

} // namespace racelab

#endif
