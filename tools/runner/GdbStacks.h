//===- GdbStacks.h - Ask gdb for stacks and read what it prints -*- C++ -*-===//
//
// The hang capture runs gdb in batch mode against a hung program and reads
// every thread's backtrace from what gdb prints. This file owns both ends of
// that: the command line gdb is run with, and a parser of its output into
// threads, frames and frame arguments. It runs nothing, so it is tested on
// transcripts recorded from real hangs (tests/fixtures/gdb).
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_GDBSTACKS_H
#define RACELAB_RUNNER_GDBSTACKS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace racelab {

/// "mutex=0x55b01f751ae8 <A>" in a frame line.
struct GdbArg {
  std::string Name;
  std::string Value; ///< As printed, "NAME@entry=" prefixes removed.
};

/// "#3  0x0000... in std::mutex::lock (this=0x...) at /usr/include/...:100".
struct GdbFrame {
  unsigned Index = 0;
  uint64_t Pc = 0;      ///< 0 for inlined frames, which gdb prints without one.
  std::string Function; ///< As printed; "??" when gdb knows no symbol.
  std::vector<GdbArg> Args;
  std::string File; ///< Empty without line information.
  unsigned Line = 0;
  /// "from /lib/.../libc.so.6": a shared library without line information.
  std::string Library;

  const GdbArg *arg(llvm::StringRef Name) const;
};

/// "Thread 3 (Thread 0x7fec793fe6c0 (LWP 4117) "name"):" and its frames.
struct GdbThread {
  unsigned Number = 0; ///< gdb's own thread number; 1 is the main thread.
  uint64_t Lwp = 0;    ///< The kernel's thread id.
  uint64_t Handle = 0; ///< The pthread_t, when libthread_db told gdb.
  std::string Name;
  std::vector<GdbFrame> Frames; ///< Innermost first.
  bool MoreFrames = false;      ///< gdb stopped at the frame limit.
};

/// Everything one gdb run printed, parsed.
struct GdbTranscript {
  /// In gdb's order (highest number first).
  std::vector<GdbThread> Threads;
  /// The backtraces were printed to their end (the closing marker came).
  bool StacksComplete = false;
  /// What gdb said when it could not attach ("ptrace: Operation not
  /// permitted."), or empty.
  std::string AttachError;

  const GdbThread *findByHandle(uint64_t Handle) const;
};

/// The arguments after the program name that make gdb attach to Pid, print
/// every thread's backtrace between markers the parser looks for, detach
/// and quit, all in batch mode.
std::vector<std::string> gdbStackArguments(pid_t Pid);

/// Parses what gdbStackArguments() made gdb print (stdout, then stderr).
GdbTranscript parseGdbTranscript(llvm::StringRef Text);

/// Parses one frame line ("#0  ..."); nullopt when it is not one.
std::optional<GdbFrame> parseGdbFrameLine(llvm::StringRef Line);

/// The address at the start of an argument value: "0x55b0 <A>" -> 0x55b0.
std::optional<uint64_t> gdbValueAddress(llvm::StringRef Value);

/// The symbol gdb printed after an address: "0x55b0 <A>" -> "A",
/// "0x55 <Cv+40>" -> "Cv+40"; empty when there is none.
std::string gdbValueSymbol(llvm::StringRef Value);

/// A function name without template arguments and parameter list, for
/// matching: "std::condition_variable::wait<f()::$_0>(std::unique_lock<..>&)"
/// -> "std::condition_variable::wait".
std::string gdbBaseName(llvm::StringRef Function);

} // namespace racelab

#endif
