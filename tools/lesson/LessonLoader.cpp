//===- LessonLoader.cpp - Load and validate a lesson folder ---------------===//
//
// Reads lesson.yaml through YamlReader, so that every error points at the
// exact key or value it is about, then checks the files and annotations it
// names.
//
//===----------------------------------------------------------------------===//
#include "Lesson.h"
#include "YamlReader.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLParser.h"

namespace racelab {

std::string LessonDiagnostic::str() const {
  std::string S = File;
  if (Line) {
    S += ":" + std::to_string(Line);
    if (Column)
      S += ":" + std::to_string(Column);
  }
  return S + ": error: " + Message;
}

std::string formatDiagnostics(const std::vector<LessonDiagnostic> &Diags) {
  std::string S;
  for (const LessonDiagnostic &D : Diags)
    S += D.str() + "\n";
  return S;
}

namespace {

constexpr IdName<BugClass> BugClasses[] = {
    {BugClass::DataRace, "data-race"},
    {BugClass::AtomicityViolation, "atomicity-violation"},
    {BugClass::OrderViolation, "order-violation"},
    {BugClass::Deadlock, "deadlock"},
    {BugClass::LockOrder, "lock-order"},
    {BugClass::Lifetime, "lifetime"},
    {BugClass::Performance, "performance"},
};

constexpr unsigned MaxRuns = 1000;
constexpr double MaxTimeoutSeconds = 600;

/// Reads lesson.yaml into a Lesson, collecting errors with positions.
class LessonYamlReader {
public:
  LessonYamlReader(llvm::StringRef Path, std::vector<LessonDiagnostic> &Errors)
      : Y(Path, Errors) {}

  void read(llvm::StringRef Text, Lesson &L);

private:
  std::optional<Measurement> measurement(llvm::yaml::Node *N);

  YamlReader Y;
};

std::optional<Measurement> LessonYamlReader::measurement(llvm::yaml::Node *N) {
  auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
  if (!Map) {
    Y.error(N, "'measure' must be a mapping: threads, and optionally args and "
             "expect_faster");
    return std::nullopt;
  }
  Measurement M;
  bool Ok = true, HasThreads = false;
  for (llvm::yaml::KeyValueNode &KV : *Map) {
    auto *KeyNode = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(KV.getKey());
    llvm::SmallString<32> Storage;
    llvm::StringRef Key = KeyNode ? KeyNode->getValue(Storage) : "";
    llvm::yaml::Node *Value = KV.getValue();
    if (Key == "args") {
      if (auto List = Y.stringList(Value, "measure.args"))
        M.Args = std::move(*List);
      else
        Ok = false;
    } else if (Key == "threads") {
      HasThreads = true;
      auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(Value);
      if (!Seq) {
        Y.error(Value, "'measure.threads' must be a list of thread counts, e.g. [1, 2, 4]");
        Ok = false;
        continue;
      }
      for (llvm::yaml::Node &Item : *Seq) {
        if (auto T = Y.number(&Item, "measure.threads", 1, 1024, /*Integer=*/true))
          M.Threads.push_back(static_cast<unsigned>(*T));
        else
          Ok = false;
      }
    } else if (Key == "expect_faster") {
      if (auto R = Y.number(Value, "measure.expect_faster", 1, 1000, /*Integer=*/false))
        M.ExpectFaster = *R;
      else
        Ok = false;
    } else {
      Y.error(KV.getKey(), "unknown key '" + Key +
                             "' in 'measure'; it knows threads, args, expect_faster");
      Ok = false;
    }
  }
  if (Ok && (!HasThreads || M.Threads.empty())) {
    Y.error(N, "'measure' needs threads, a list of thread counts to time");
    Ok = false;
  }
  if (!Ok)
    return std::nullopt;
  return M;
}

void LessonYamlReader::read(llvm::StringRef Text, Lesson &L) {
  size_t ErrorsBefore = Y.errorCount();
  llvm::yaml::MappingNode *Map = Y.parseMapping(
      Text, "it needs at least title, topic, bug_class and tsan_report");
  if (!Map)
    return;

  llvm::StringSet<> Seen;
  llvm::SMLoc MapStart = Map->getSourceRange().Start;
  for (llvm::yaml::KeyValueNode &KV : *Map) {
    std::optional<std::string> KeyText = Y.key(KV);
    if (!KeyText)
      continue;
    llvm::StringRef Key = *KeyText;
    auto *KeyNode = KV.getKey();
    llvm::yaml::Node *Value = KV.getValue();
    if (!Seen.insert(Key).second) {
      Y.error(KeyNode, "duplicate key '" + Key + "'");
      continue;
    }
    if (Key == "title") {
      if (auto S = Y.scalar(Value, Key))
        L.Title = *S;
    } else if (Key == "topic") {
      if (auto S = Y.scalar(Value, Key))
        L.Topic = *S;
    } else if (Key == "summary") {
      if (auto S = Y.scalar(Value, Key))
        L.Summary = *S;
    } else if (Key == "bug_class") {
      if (auto S = Y.scalar(Value, Key)) {
        if (auto C = bugClassFromId(*S)) {
          L.Class = *C;
        } else {
          Y.error(Value, "unknown bug_class '" + *S + "'; expected one of " +
                             knownIds(BugClasses));
        }
      }
    } else if (Key == "tsan_report") {
      if (auto S = Y.scalar(Value, Key)) {
        if (*S == "none") {
          L.ExpectedReport.reset();
        } else if (auto K = tsanReportKindFromId(*S)) {
          L.ExpectedReport = *K;
        } else {
          std::string Known = "none";
          for (TsanReportKind K : allTsanReportKinds())
            Known += ", " + tsanReportKindId(K).str();
          Y.error(Value, "unknown tsan_report '" + *S + "'; expected one of " + Known);
        }
      }
    } else if (Key == "runs") {
      if (auto N = Y.number(Value, Key, 1, MaxRuns, /*Integer=*/true))
        L.Runs = static_cast<unsigned>(*N);
    } else if (Key == "timeout_seconds") {
      if (auto N = Y.number(Value, Key, 0.1, MaxTimeoutSeconds, false))
        L.TimeoutSeconds = *N;
    } else if (Key == "may_hang") {
      if (auto B = Y.boolean(Value, Key))
        L.MayHang = *B;
    } else if (Key == "measure") {
      L.Measure = measurement(Value);
    } else if (Key == "racecheck") {
      if (auto S = Y.scalar(Value, Key)) {
        if (*S == "finds" || *S == "misses")
          L.RacecheckMisses = *S == "misses";
        else
          Y.error(Value, "racecheck must be 'finds' or 'misses', not '" + *S + "'");
      }
    } else if (Key == "args") {
      if (auto List = Y.stringList(Value, Key))
        L.Args = std::move(*List);
    } else if (Key == "flags") {
      if (auto List = Y.stringList(Value, Key))
        L.Flags = std::move(*List);
    } else if (Key == "expected_output") {
      if (auto S = Y.scalar(Value, Key))
        L.ExpectedOutput = *S;
    } else if (Key == "buggy" || Key == "fixed") {
      if (auto S = Y.scalar(Value, Key)) {
        if (S->empty() || llvm::sys::path::has_parent_path(*S))
          Y.error(Value, "'" + Key + "' must name a file in the lesson folder");
        else
          (Key == "buggy" ? L.BuggySource : L.FixedSource) = *S;
      }
    } else {
      Y.error(KeyNode, "unknown key '" + Key +
                         "'; lesson.yaml knows title, topic, summary, "
                         "bug_class, tsan_report, runs, timeout_seconds, "
                         "may_hang, racecheck, args, flags, expected_output, "
                         "measure, buggy, fixed");
    }
  }
  // Syntax errors inside the mapping leave later keys unread; reporting them
  // as missing too would only add noise.
  if (Y.errorCount() != ErrorsBefore && !Seen.count("title"))
    return;
  for (llvm::StringRef Required : {"title", "topic", "bug_class", "tsan_report"})
    if (!Seen.count(Required))
      Y.error(MapStart, "missing required key '" + Required + "'");
}

/// Resolves the source of a variant: an explicit name from lesson.yaml, or
/// <stem>.cpp, or <stem>.c for C lessons.
std::string findSource(llvm::StringRef Dir, llvm::StringRef Explicit,
                       llvm::StringRef Stem) {
  llvm::SmallString<256> Path(Dir);
  if (!Explicit.empty()) {
    llvm::sys::path::append(Path, Explicit);
    return Path.str().str();
  }
  llvm::SmallString<256> Cpp(Dir), C(Dir);
  llvm::sys::path::append(Cpp, Stem + ".cpp");
  llvm::sys::path::append(C, Stem + ".c");
  if (!llvm::sys::fs::exists(Cpp) && llvm::sys::fs::exists(C))
    return C.str().str();
  return Cpp.str().str();
}

} // namespace

llvm::StringRef bugClassId(BugClass Class) { return idOfValue(BugClasses, Class, "unknown"); }

std::optional<BugClass> bugClassFromId(llvm::StringRef Id) { return valueOfId(BugClasses, Id); }

llvm::StringRef variantName(Variant V) {
  return V == Variant::Buggy ? "buggy" : "fixed";
}

llvm::ArrayRef<AnnotationKind> annotationKindsForReport(TsanReportKind Kind) {
  static const AnnotationKind Race[] = {AnnotationKind::Race};
  static const AnnotationKind LockOrder[] = {AnnotationKind::LockOrder};
  static const AnnotationKind Freed[] = {AnnotationKind::UseAfterFree,
                                         AnnotationKind::DanglingCapture};
  static const AnnotationKind Leak[] = {AnnotationKind::ThreadLeak};
  static const AnnotationKind DoubleLock[] = {AnnotationKind::DoubleLock};
  switch (Kind) {
  case TsanReportKind::DataRace:
  case TsanReportKind::VptrRace:
  case TsanReportKind::ExternalRace:
    return Race;
  case TsanReportKind::LockOrderInversion:
    return LockOrder;
  case TsanReportKind::HeapUseAfterFree:
  case TsanReportKind::VptrUseAfterFree:
    return Freed;
  case TsanReportKind::ThreadLeak:
    return Leak;
  case TsanReportKind::MutexDoubleLock:
    return DoubleLock;
  default:
    return {};
  }
}

std::vector<std::string> expandLessonPaths(llvm::ArrayRef<std::string> Paths) {
  std::vector<std::string> Result;
  for (const std::string &Path : Paths) {
    llvm::SmallString<256> Yaml(Path);
    llvm::sys::path::append(Yaml, "lesson.yaml");
    if (llvm::sys::fs::exists(Yaml) || !llvm::sys::fs::is_directory(Path)) {
      Result.push_back(Path);
      continue;
    }
    std::vector<std::string> Found;
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(Path, EC), End;
         It != End && !EC; It.increment(EC)) {
      if (llvm::sys::path::filename(It->path()) == "lesson.yaml")
        Found.push_back(llvm::sys::path::parent_path(It->path()).str());
    }
    llvm::sort(Found);
    if (Found.empty())
      Result.push_back(Path);
    else
      llvm::append_range(Result, Found);
  }
  return Result;
}

LessonLoadResult loadLesson(llvm::StringRef Dir) {
  LessonLoadResult Result;
  std::vector<LessonDiagnostic> &Errors = Result.Errors;
  Lesson L;
  L.Dir = Dir.str();
  llvm::StringRef Trimmed = Dir.rtrim("/");
  L.Name = llvm::sys::path::filename(Trimmed).str();
  std::string ParentName =
      llvm::sys::path::filename(llvm::sys::path::parent_path(Trimmed)).str();

  if (!llvm::sys::fs::is_directory(Dir)) {
    Errors.push_back({Dir.str(), 0, 0, "not a lesson folder (no such directory)"});
    return Result;
  }
  llvm::SmallString<256> YamlPath(Dir);
  llvm::sys::path::append(YamlPath, "lesson.yaml");
  auto Buffer = llvm::MemoryBuffer::getFile(YamlPath);
  if (!Buffer) {
    Errors.push_back({YamlPath.str().str(), 0, 0,
                      "cannot read lesson.yaml: " + Buffer.getError().message()});
    return Result;
  }
  LessonYamlReader(YamlPath, Errors).read((*Buffer)->getBuffer(), L);

  if (!L.Topic.empty() && !ParentName.empty() && L.Topic != ParentName)
    Errors.push_back({YamlPath.str().str(), 0, 0,
                      "topic '" + L.Topic + "' does not match the folder the "
                      "lesson lives in ('" + ParentName + "')"});
  L.Id = (L.Topic.empty() ? ParentName : L.Topic) + "/" + L.Name;

  L.BuggySource = findSource(Dir, L.BuggySource, "buggy");
  L.FixedSource = findSource(Dir, L.FixedSource, "fixed");
  llvm::SmallString<256> Readme(Dir);
  llvm::sys::path::append(Readme, "README.md");
  L.Readme = Readme.str().str();
  for (const std::string *File : {&L.BuggySource, &L.FixedSource, &L.Readme})
    if (!llvm::sys::fs::exists(*File))
      Errors.push_back({*File, 0, 0, "missing: every lesson has buggy and "
                                     "fixed sources and a README.md"});

  // A performance lesson compares a correct but slow program with a fast
  // one: both must print the same, right answer, and neither may race.
  if (L.Class == BugClass::Performance && Errors.empty()) {
    if (L.ExpectedReport)
      Errors.push_back({YamlPath.str().str(), 0, 0,
                        "a performance lesson's slow program is correct: tsan_report "
                        "must be none"});
    if (!L.ExpectedOutput)
      Errors.push_back({YamlPath.str().str(), 0, 0,
                        "a performance lesson needs expected_output, which both of "
                        "its programs must print"});
  }
  if (!L.ExpectedReport && !L.ExpectedOutput && Errors.empty())
    Errors.push_back({YamlPath.str().str(), 0, 0,
                      "tsan_report is 'none', so the buggy variant is told "
                      "apart by its output: add expected_output"});

  // Annotations: the buggy source carries them, the fixed one must not (a
  // leftover directive in a fix would mean the fix still has the bug).
  for (Variant V : {Variant::Buggy, Variant::Fixed}) {
    const std::string &Path = L.source(V);
    auto Source = llvm::MemoryBuffer::getFile(Path);
    if (!Source)
      continue; // Already reported as missing.
    AnnotationParseResult Parsed = parseAnnotations((*Source)->getBuffer(), Path);
    llvm::append_range(Errors, Parsed.Errors);
    if (V == Variant::Buggy) {
      L.Annotations = std::move(Parsed.Annotations);
    } else if (!Parsed.Annotations.empty()) {
      const Annotation &A = Parsed.Annotations.front();
      Errors.push_back({Path, A.SourceLine, A.Column,
                        "expect-" + annotationKindName(A.Kind).str() +
                            " in the fixed variant; annotations belong in the "
                            "buggy source"});
    }
  }

  if (L.ExpectedReport && Errors.empty()) {
    llvm::ArrayRef<AnnotationKind> Wanted =
        annotationKindsForReport(*L.ExpectedReport);
    bool Has = Wanted.empty() || llvm::any_of(L.Annotations, [&](const Annotation &A) {
                 return llvm::is_contained(Wanted, A.Kind);
               });
    if (!Has)
      Errors.push_back({L.BuggySource, 0, 0,
                        "lesson.yaml expects a '" +
                            tsanReportKindId(*L.ExpectedReport).str() +
                            "' report but no line is annotated with expect-" +
                            annotationKindName(Wanted.front()).str()});
  }

  if (L.Measure && L.Class != BugClass::Performance && Errors.empty())
    Errors.push_back({YamlPath.str().str(), 0, 0,
                      "'measure' is for performance lessons (bug_class: performance)"});
  if (L.Class == BugClass::Performance && Errors.empty() && !L.Annotations.empty())
    Errors.push_back({L.BuggySource, 0, 0, "a performance lesson has no bug to annotate"});

  // A hang is judged by where its threads block; with no line to check,
  // any hang at all would pass.
  if (L.MayHang && Errors.empty() &&
      llvm::none_of(L.Annotations, [](const Annotation &A) {
        return A.Kind == AnnotationKind::Deadlock;
      }))
    Errors.push_back({L.BuggySource, 0, 0,
                      "lesson.yaml says may_hang: true but no line is annotated "
                      "with expect-deadlock (where a thread blocks for good)"});

  if (Errors.empty())
    Result.Loaded = std::move(L);
  return Result;
}

} // namespace racelab
