//===- AutograderBundle.h - A Gradescope autograder zip for a lab -*- C++ -*-===//
//
// `racelab autograder-bundle LAB -o autograder.zip` packs what Gradescope
// needs to grade a lab: setup.sh (installs the toolchain and builds
// racelab inside Gradescope's image), run_autograder (grades one
// submission), the lab folder as lab/<topic>/<name>/ (a lesson's topic must
// match its parent folder), and the RaceLab sources racelab is built from
// as racelab/. The scripts come from tools/grader/platform/ of
// that same source tree, so the bundle never mixes versions.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_GRADER_AUTOGRADERBUNDLE_H
#define RACELAB_GRADER_AUTOGRADERBUNDLE_H

#include "Lab.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace racelab {

struct BundleArgs {
  std::string LabDir;
  std::string Output; ///< The zip to write.
  /// The RaceLab source tree to pack; empty: the one racelab was built from.
  std::string SourceDir;
};

/// Exit 0 when the zip was written; 2 when it was not.
int runAutograderBundleCommand(const BundleArgs &Args);

/// One file of the bundle: its path inside the zip and either the file on
/// disk it is copied from or its content.
struct BundleEntry {
  std::string ArchivePath;
  std::string DiskPath; ///< Empty when Content is used.
  std::string Content;
  unsigned Mode = 0644;
};

/// What the bundle of L holds, sorted by archive path. Fails when
/// SourceDir is not a RaceLab source tree.
llvm::Expected<std::vector<BundleEntry>>
autograderBundleEntries(const Lab &L, llvm::StringRef SourceDir);

/// The run_autograder template with the lab's submission file name
/// (@SUBMISSION_FILE@), id (@LAB_ID@) and maximum score (@MAX_SCORE@)
/// filled in.
llvm::Expected<std::string> instantiateRunAutograder(llvm::StringRef Template,
                                                     const Lab &L);

/// Writes Entries as a zip at Output: into a temporary file next to it,
/// renamed over Output only once complete, so a failure or a crash never
/// leaves half a zip behind.
llvm::Error writeZip(const std::vector<BundleEntry> &Entries,
                     llvm::StringRef Output);

} // namespace racelab

#endif
