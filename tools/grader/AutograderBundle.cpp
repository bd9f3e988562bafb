//===- AutograderBundle.cpp - A Gradescope autograder zip for a lab -------===//
//
// Gradescope unzips the bundle into /autograder/source, runs setup.sh once
// to build its image and run_autograder once per submission. Files keep
// their Unix modes in the zip (the scripts must stay executable), and the
// zip is assembled by libzip in a temporary file that replaces the output
// only when complete.
//
//===----------------------------------------------------------------------===//
#include "AutograderBundle.h"

#include "PathUtil.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <zip.h>

#include <algorithm>
#include <sys/stat.h>

namespace racelab {
namespace {

/// What of the source tree a build and install of racelab needs (the
/// install rules also copy README.md, docs/ and samples/include/), with
/// tests and lessons left out: Gradescope builds with both switched off.
struct SourcePart {
  llvm::StringLiteral Path;
  bool Required;
};
constexpr SourcePart SourceParts[] = {
    {"CMakeLists.txt", true},    {"CMakePresets.json", false},
    {"README.md", true},         {"cmake", true},
    {"docs", true},              {"samples/include", true},
    {"sanitizers", true},        {"tools", true},
};

constexpr llvm::StringLiteral PlatformDir = "tools/grader/platform";

/// Files no build needs: editor and VCS droppings, caches.
bool isSkipped(llvm::StringRef Name) {
  return Name.starts_with(".") || Name == "__pycache__" || Name.ends_with("~");
}

/// Every regular file below Dir (Dir itself when it is a file), as entries
/// under ArchivePrefix, keeping the executable bit.
llvm::Error collect(llvm::StringRef Dir, llvm::StringRef ArchivePrefix,
                    std::vector<BundleEntry> &Entries) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Dir, Status))
    return llvm::createStringError(EC, "cannot read %s: %s", Dir.str().c_str(),
                                   EC.message().c_str());
  if (llvm::sys::fs::is_regular_file(Status)) {
    BundleEntry E;
    E.ArchivePath = ArchivePrefix.str();
    E.DiskPath = Dir.str();
    E.Mode = (Status.permissions() & llvm::sys::fs::owner_exe) ? 0755 : 0644;
    Entries.push_back(std::move(E));
    return llvm::Error::success();
  }
  if (!llvm::sys::fs::is_directory(Status))
    return llvm::Error::success(); // Sockets, devices: nothing to pack.
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (isSkipped(Name))
      continue;
    if (llvm::Error Err = collect(It->path(), (ArchivePrefix + "/" + Name).str(),
                                  Entries))
      return Err;
  }
  if (EC)
    return llvm::createStringError(EC, "cannot list %s: %s", Dir.str().c_str(),
                                   EC.message().c_str());
  return llvm::Error::success();
}

llvm::Expected<std::string> readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read %s: %s",
                                   Path.c_str(),
                                   Buffer.getError().message().c_str());
  return (*Buffer)->getBuffer().str();
}

/// A score as the shell and JSON both read it: "100", "12.5".
std::string formatScore(double Score) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  if (Score == static_cast<double>(static_cast<long long>(Score)))
    OS << static_cast<long long>(Score);
  else
    OS << llvm::format("%g", Score);
  return S;
}

std::string zipError(zip_t *Z) {
  return Z ? zip_strerror(Z) : "unknown libzip error";
}

/// The parent folders of Path inside the archive ("a/b/c" -> "a/", "a/b/").
void addParents(llvm::StringRef Path, llvm::StringSet<> &Dirs) {
  for (size_t Slash = Path.find('/'); Slash != llvm::StringRef::npos;
       Slash = Path.find('/', Slash + 1))
    Dirs.insert(Path.take_front(Slash + 1));
}

} // namespace

llvm::Expected<std::string> instantiateRunAutograder(llvm::StringRef Template,
                                                     const Lab &L) {
  // The values land between single quotes in a shell script.
  for (const std::string *Value : {&L.SubmissionFile, &L.Id})
    if (Value->empty() || Value->find_first_of("'\\\n") != std::string::npos)
      return llvm::createStringError(std::errc::invalid_argument,
                                     "'%s' cannot be used in run_autograder",
                                     Value->c_str());
  if (L.SubmissionFile.find('/') != std::string::npos)
    return llvm::createStringError(std::errc::invalid_argument,
                                   "submission '%s' is not a plain file name",
                                   L.SubmissionFile.c_str());
  std::string Out = Template.str();
  for (auto [Placeholder, Value] :
       {std::pair<llvm::StringRef, std::string>{"@SUBMISSION_FILE@",
                                                L.SubmissionFile},
        {"@LAB_ID@", L.Id},
        {"@MAX_SCORE@", formatScore(L.maxScore())}}) {
    size_t Pos = Out.find(Placeholder.str());
    if (Pos == std::string::npos)
      return llvm::createStringError(
          std::errc::invalid_argument,
          "the run_autograder template has no %s to fill in",
          Placeholder.data());
    for (; Pos != std::string::npos;
         Pos = Out.find(Placeholder.str(), Pos + Value.size()))
      Out.replace(Pos, Placeholder.size(), Value);
  }
  return Out;
}

llvm::Expected<std::vector<BundleEntry>>
autograderBundleEntries(const Lab &L, llvm::StringRef SourceDir) {
  std::string MainCpp = joinPath({SourceDir, "tools", "runner", "main.cpp"});
  if (SourceDir.empty() || !llvm::sys::fs::exists(MainCpp))
    return llvm::createStringError(
        std::errc::no_such_file_or_directory,
        "no RaceLab source tree at '%s' (no tools/runner/main.cpp); Gradescope "
        "builds racelab from source, so pass --source-dir with a RaceLab "
        "checkout",
        SourceDir.str().c_str());

  std::vector<BundleEntry> Entries;
  for (llvm::StringRef Script : {"setup.sh", "run_autograder"}) {
    std::string Path = joinPath({SourceDir, PlatformDir, Script});
    llvm::Expected<std::string> Text = readFile(Path);
    if (!Text)
      return Text.takeError();
    BundleEntry E;
    E.ArchivePath = Script.str();
    E.Mode = 0755;
    if (Script == "run_autograder") {
      llvm::Expected<std::string> Filled = instantiateRunAutograder(*Text, L);
      if (!Filled)
        return Filled.takeError();
      E.Content = std::move(*Filled);
    } else {
      E.Content = std::move(*Text);
    }
    Entries.push_back(std::move(E));
  }

  // The lab keeps its "<topic>/<name>" folders: a lesson's topic must match
  // the folder it lives in.
  if (llvm::Error Err = collect(L.Dir, "lab/" + L.Id, Entries))
    return std::move(Err);
  for (const SourcePart &Part : SourceParts) {
    std::string Path = joinPath({SourceDir, Part.Path});
    if (!llvm::sys::fs::exists(Path)) {
      if (!Part.Required)
        continue;
      return llvm::createStringError(
          std::errc::no_such_file_or_directory,
          "the RaceLab source tree at %s has no %s, which building racelab "
          "needs",
          SourceDir.str().c_str(), Part.Path.data());
    }
    if (llvm::Error Err = collect(Path, ("racelab/" + Part.Path).str(), Entries))
      return std::move(Err);
  }
  llvm::sort(Entries, [](const BundleEntry &A, const BundleEntry &B) {
    return A.ArchivePath < B.ArchivePath;
  });
  return Entries;
}

llvm::Error writeZip(const std::vector<BundleEntry> &Entries,
                     llvm::StringRef Output) {
  // A fresh name next to Output, so the final rename stays on one file
  // system and is atomic.
  llvm::SmallString<256> Temp;
  llvm::sys::fs::createUniquePath(Output + ".tmp-%%%%%%", Temp,
                                  /*MakeAbsolute=*/false);
  int ErrorCode = 0;
  zip_t *Z = zip_open(Temp.c_str(), ZIP_CREATE | ZIP_EXCL, &ErrorCode);
  if (!Z) {
    zip_error_t Error;
    zip_error_init_with_code(&Error, ErrorCode);
    std::string Message = zip_error_strerror(&Error);
    zip_error_fini(&Error);
    return llvm::createStringError(std::errc::io_error, "cannot create %s: %s",
                                   Temp.c_str(), Message.c_str());
  }
  auto Fail = [&](const std::string &What) {
    std::string Message = What + ": " + zipError(Z);
    zip_discard(Z);
    llvm::sys::fs::remove(Temp);
    return llvm::createStringError(std::errc::io_error, "%s", Message.c_str());
  };

  llvm::StringSet<> Dirs;
  for (const BundleEntry &E : Entries)
    addParents(E.ArchivePath, Dirs);
  std::vector<std::string> SortedDirs;
  for (const auto &D : Dirs)
    SortedDirs.push_back(D.getKey().str());
  llvm::sort(SortedDirs);
  for (const std::string &D : SortedDirs) {
    zip_int64_t Index = zip_dir_add(Z, D.c_str(), ZIP_FL_ENC_UTF_8);
    if (Index < 0 ||
        zip_file_set_external_attributes(Z, Index, 0, ZIP_OPSYS_UNIX,
                                         (S_IFDIR | 0755u) << 16) < 0)
      return Fail("cannot add " + D);
  }

  for (const BundleEntry &E : Entries) {
    // libzip reads the data when the archive is closed: file sources read
    // the disk then, buffer sources point into Entries, which outlives it.
    // A length of -1 is "to the end of the file" (ZIP_LENGTH_TO_END only
    // exists from libzip 1.10; Debian 12 and Ubuntu 22.04 have 1.7).
    zip_source_t *Source =
        E.DiskPath.empty()
            ? zip_source_buffer(Z, E.Content.data(), E.Content.size(), 0)
            : zip_source_file(Z, E.DiskPath.c_str(), 0, -1);
    if (!Source)
      return Fail("cannot read " + (E.DiskPath.empty() ? E.ArchivePath : E.DiskPath));
    zip_int64_t Index =
        zip_file_add(Z, E.ArchivePath.c_str(), Source, ZIP_FL_ENC_UTF_8);
    if (Index < 0) {
      zip_source_free(Source);
      return Fail("cannot add " + E.ArchivePath);
    }
    if (zip_file_set_external_attributes(Z, Index, 0, ZIP_OPSYS_UNIX,
                                         (S_IFREG | E.Mode) << 16) < 0)
      return Fail("cannot set the mode of " + E.ArchivePath);
  }
  if (zip_close(Z) < 0)
    return Fail("cannot write " + Temp.str().str());

  // libzip creates its file private to the owner; a bundle is for sharing.
  llvm::sys::fs::setPermissions(Temp, llvm::sys::fs::perms(0644));
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Output)) {
    llvm::sys::fs::remove(Temp);
    return llvm::createStringError(EC, "cannot move %s to %s: %s", Temp.c_str(),
                                   Output.str().c_str(), EC.message().c_str());
  }
  return llvm::Error::success();
}

int runAutograderBundleCommand(const BundleArgs &Args) {
  auto Fail = [](const llvm::Twine &Message) {
    llvm::errs() << "racelab autograder-bundle: " << Message << "\n";
    return 2;
  };
  if (Args.Output.empty())
    return Fail("say where to write the zip: -o autograder.zip");
  std::optional<Lab> Loaded = loadLabOrReport(Args.LabDir, "autograder-bundle");
  if (!Loaded)
    return 2;
  std::string SourceDir =
      Args.SourceDir.empty() ? std::string(RACELAB_SOURCE_DIR) : Args.SourceDir;
  llvm::Expected<std::vector<BundleEntry>> Entries =
      autograderBundleEntries(*Loaded, SourceDir);
  if (!Entries)
    return Fail(llvm::toString(Entries.takeError()));
  if (llvm::Error E = writeZip(*Entries, Args.Output))
    return Fail(llvm::toString(std::move(E)));
  llvm::outs() << "racelab autograder-bundle: wrote " << Args.Output << " ("
               << Entries->size() << " files; lab " << Loaded->Id
               << ", submission " << Loaded->SubmissionFile
               << "); upload it as the assignment's autograder on Gradescope\n";
  return 0;
}

} // namespace racelab
