//===- GdbFixtures.h - Recorded gdb transcripts for the tests ---*- C++ -*-===//
//
// Loads tests/fixtures/gdb/recorded: what gdb printed against a real hung
// program (NAME.txt) and the lock words read from it afterwards
// (NAME.words), as the capture would have handed them to the analysis.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_TESTS_RUNNER_GDBFIXTURES_H
#define RACELAB_TESTS_RUNNER_GDBFIXTURES_H

#include "HangCapture.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

#include <string>

namespace racelab {

inline std::string gdbFixtureText(const std::string &File) {
  std::string Path = std::string(RACELAB_TEST_FIXTURES) + "/gdb/recorded/" + File;
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  EXPECT_TRUE(static_cast<bool>(Buffer)) << Path;
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

/// The capture of the recorded hang Name, without /proc data.
inline HangCapture gdbFixtureCapture(const std::string &Name) {
  HangCapture C;
  C.Gdb = parseGdbTranscript(gdbFixtureText(Name + ".txt"));
  C.StacksAvailable = !C.Gdb.Threads.empty();
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  std::string Words = gdbFixtureText(Name + ".words");
  llvm::StringRef(Words).split(Lines, '\n', -1, false);
  for (llvm::StringRef Line : Lines) {
    llvm::SmallVector<llvm::StringRef, 8> Fields;
    Line.split(Fields, ' ', -1, false);
    uint64_t Address = 0;
    EXPECT_EQ(Fields.size(), 1 + LockWordsPerObject) << Line.str();
    EXPECT_FALSE(Fields[0].drop_front(2).getAsInteger(16, Address)) << Line.str();
    for (llvm::StringRef F : llvm::ArrayRef(Fields).drop_front()) {
      int32_t W = 0;
      EXPECT_FALSE(F.getAsInteger(10, W)) << Line.str();
      C.LockWords[Address].push_back(W);
    }
  }
  return C;
}

} // namespace racelab

#endif
