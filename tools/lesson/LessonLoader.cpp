//===- LessonLoader.cpp - Load and validate a lesson folder ---------------===//
//
// Walks lesson.yaml with LLVM's YAML parser node by node (rather than through
// yaml::IO mapping traits) so that every error points at the exact key or
// value it is about, then checks the files and annotations it names.
//
//===----------------------------------------------------------------------===//
#include "Lesson.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
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

struct BugClassInfo {
  BugClass Class;
  llvm::StringLiteral Id;
};
constexpr BugClassInfo BugClasses[] = {
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
      : Path(Path), Errors(Errors) {}

  void read(llvm::StringRef Text, Lesson &L);

private:
  void error(llvm::SMLoc Loc, const llvm::Twine &Message) {
    LessonDiagnostic D;
    D.File = Path.str();
    if (Loc.isValid()) {
      auto [Line, Col] = SM.getLineAndColumn(Loc);
      D.Line = Line;
      D.Column = Col;
    }
    D.Message = Message.str();
    Errors.push_back(std::move(D));
  }
  void error(llvm::yaml::Node *N, const llvm::Twine &Message) {
    error(N ? N->getSourceRange().Start : llvm::SMLoc(), Message);
  }

  std::optional<std::string> scalar(llvm::yaml::Node *N, llvm::StringRef Key);
  std::optional<std::vector<std::string>> stringList(llvm::yaml::Node *N,
                                                     llvm::StringRef Key);
  std::optional<double> number(llvm::yaml::Node *N, llvm::StringRef Key,
                               double Min, double Max, bool Integer);
  std::optional<bool> boolean(llvm::yaml::Node *N, llvm::StringRef Key);
  std::optional<Measurement> measurement(llvm::yaml::Node *N);

  llvm::StringRef Path;
  std::vector<LessonDiagnostic> &Errors;
  llvm::SourceMgr SM;
};

std::optional<std::string> LessonYamlReader::scalar(llvm::yaml::Node *N,
                                                    llvm::StringRef Key) {
  llvm::SmallString<64> Storage;
  if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N))
    return S->getValue(Storage).str();
  if (auto *B = llvm::dyn_cast_or_null<llvm::yaml::BlockScalarNode>(N))
    return B->getValue().str();
  error(N, "'" + Key + "' must be a string");
  return std::nullopt;
}

std::optional<std::vector<std::string>>
LessonYamlReader::stringList(llvm::yaml::Node *N, llvm::StringRef Key) {
  auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
  if (!Seq) {
    error(N, "'" + Key + "' must be a list of strings, e.g. [\"--threads\", \"4\"]");
    return std::nullopt;
  }
  std::vector<std::string> Result;
  bool Ok = true;
  for (llvm::yaml::Node &Item : *Seq) {
    auto *S = llvm::dyn_cast<llvm::yaml::ScalarNode>(&Item);
    if (!S) {
      error(&Item, "every item of '" + Key + "' must be a string");
      Ok = false;
      continue;
    }
    llvm::SmallString<64> Storage;
    Result.push_back(S->getValue(Storage).str());
  }
  if (!Ok)
    return std::nullopt;
  return Result;
}

std::optional<double> LessonYamlReader::number(llvm::yaml::Node *N,
                                               llvm::StringRef Key, double Min,
                                               double Max, bool Integer) {
  auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N);
  llvm::SmallString<32> Storage;
  llvm::StringRef Text = S ? S->getValue(Storage) : llvm::StringRef();
  double Value = 0;
  bool Bad = !S || Text.getAsDouble(Value);
  if (!Bad && Integer) {
    unsigned long long Whole;
    Bad = Text.getAsInteger(10, Whole);
  }
  if (Bad || Value < Min || Value > Max) {
    error(N, "'" + Key + "' must be " + (Integer ? "a whole number" : "a number") +
                 " from " + llvm::Twine(static_cast<long long>(Min)) + " to " +
                 llvm::Twine(static_cast<long long>(Max)) +
                 (S ? ", not '" + Text + "'" : llvm::Twine()));
    return std::nullopt;
  }
  return Value;
}

std::optional<bool> LessonYamlReader::boolean(llvm::yaml::Node *N,
                                              llvm::StringRef Key) {
  // Only the two YAML 1.2 spellings: "yes", "on" or "1" are YAML 1.1
  // booleans to some readers and strings to others.
  auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N);
  llvm::SmallString<16> Storage;
  llvm::StringRef Text = S ? S->getValue(Storage) : llvm::StringRef();
  if (Text == "true")
    return true;
  if (Text == "false")
    return false;
  error(N, "'" + Key + "' must be true or false" +
               (S ? ", not '" + Text + "'" : llvm::Twine()));
  return std::nullopt;
}

std::optional<Measurement> LessonYamlReader::measurement(llvm::yaml::Node *N) {
  auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
  if (!Map) {
    error(N, "'measure' must be a mapping: threads, and optionally args and "
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
      if (auto List = stringList(Value, "measure.args"))
        M.Args = std::move(*List);
      else
        Ok = false;
    } else if (Key == "threads") {
      HasThreads = true;
      auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(Value);
      if (!Seq) {
        error(Value, "'measure.threads' must be a list of thread counts, e.g. [1, 2, 4]");
        Ok = false;
        continue;
      }
      for (llvm::yaml::Node &Item : *Seq) {
        if (auto T = number(&Item, "measure.threads", 1, 1024, /*Integer=*/true))
          M.Threads.push_back(static_cast<unsigned>(*T));
        else
          Ok = false;
      }
    } else if (Key == "expect_faster") {
      if (auto R = number(Value, "measure.expect_faster", 1, 1000, /*Integer=*/false))
        M.ExpectFaster = *R;
      else
        Ok = false;
    } else {
      error(KV.getKey(), "unknown key '" + Key +
                             "' in 'measure'; it knows threads, args, expect_faster");
      Ok = false;
    }
  }
  if (Ok && (!HasThreads || M.Threads.empty())) {
    error(N, "'measure' needs threads, a list of thread counts to time");
    Ok = false;
  }
  if (!Ok)
    return std::nullopt;
  return M;
}

void LessonYamlReader::read(llvm::StringRef Text, Lesson &L) {
  // The YAML parser reports syntax errors through the SourceMgr; collect
  // them as our own diagnostics instead of printing.
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        auto *Self = static_cast<LessonYamlReader *>(Ctx);
        LessonDiagnostic Diag;
        Diag.File = Self->Path.str();
        Diag.Line = static_cast<unsigned>(D.getLineNo());
        Diag.Column = static_cast<unsigned>(D.getColumnNo() + 1);
        Diag.Message = D.getMessage().str();
        Self->Errors.push_back(std::move(Diag));
      },
      this);
  size_t ErrorsBefore = Errors.size();
  llvm::yaml::Stream Stream(llvm::MemoryBufferRef(Text, Path), SM);
  llvm::yaml::document_iterator Doc = Stream.begin();
  if (Doc == Stream.end() || !Doc->getRoot() ||
      llvm::isa<llvm::yaml::NullNode>(Doc->getRoot())) {
    error(llvm::SMLoc(), "empty lesson.yaml; it needs at least title, topic, "
                         "bug_class and tsan_report");
    return;
  }
  auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Doc->getRoot());
  if (!Map) {
    if (Errors.size() == ErrorsBefore)
      error(Doc->getRoot(), "lesson.yaml must be a mapping of keys to values");
    return;
  }

  llvm::StringSet<> Seen;
  llvm::SMLoc MapStart = Map->getSourceRange().Start;
  for (llvm::yaml::KeyValueNode &KV : *Map) {
    auto *KeyNode = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(KV.getKey());
    if (!KeyNode) {
      error(KV.getKey(), "keys of lesson.yaml must be plain words");
      continue;
    }
    llvm::SmallString<32> KeyStorage;
    llvm::StringRef Key = KeyNode->getValue(KeyStorage);
    llvm::yaml::Node *Value = KV.getValue();
    if (!Seen.insert(Key).second) {
      error(KeyNode, "duplicate key '" + Key + "'");
      continue;
    }
    if (Key == "title") {
      if (auto S = scalar(Value, Key))
        L.Title = *S;
    } else if (Key == "topic") {
      if (auto S = scalar(Value, Key))
        L.Topic = *S;
    } else if (Key == "summary") {
      if (auto S = scalar(Value, Key))
        L.Summary = *S;
    } else if (Key == "bug_class") {
      if (auto S = scalar(Value, Key)) {
        if (auto C = bugClassFromId(*S)) {
          L.Class = *C;
        } else {
          std::string Known;
          for (const BugClassInfo &I : BugClasses)
            Known += (Known.empty() ? "" : ", ") + I.Id.str();
          error(Value, "unknown bug_class '" + *S + "'; expected one of " + Known);
        }
      }
    } else if (Key == "tsan_report") {
      if (auto S = scalar(Value, Key)) {
        if (*S == "none") {
          L.ExpectedReport.reset();
        } else if (auto K = tsanReportKindFromId(*S)) {
          L.ExpectedReport = *K;
        } else {
          std::string Known = "none";
          for (TsanReportKind K : allTsanReportKinds())
            Known += ", " + tsanReportKindId(K).str();
          error(Value, "unknown tsan_report '" + *S + "'; expected one of " + Known);
        }
      }
    } else if (Key == "runs") {
      if (auto N = number(Value, Key, 1, MaxRuns, /*Integer=*/true))
        L.Runs = static_cast<unsigned>(*N);
    } else if (Key == "timeout_seconds") {
      if (auto N = number(Value, Key, 0.1, MaxTimeoutSeconds, false))
        L.TimeoutSeconds = *N;
    } else if (Key == "may_hang") {
      if (auto B = boolean(Value, Key))
        L.MayHang = *B;
    } else if (Key == "measure") {
      L.Measure = measurement(Value);
    } else if (Key == "racecheck") {
      if (auto S = scalar(Value, Key)) {
        if (*S == "finds" || *S == "misses")
          L.RacecheckMisses = *S == "misses";
        else
          error(Value, "racecheck must be 'finds' or 'misses', not '" + *S + "'");
      }
    } else if (Key == "args") {
      if (auto List = stringList(Value, Key))
        L.Args = std::move(*List);
    } else if (Key == "flags") {
      if (auto List = stringList(Value, Key))
        L.Flags = std::move(*List);
    } else if (Key == "expected_output") {
      if (auto S = scalar(Value, Key))
        L.ExpectedOutput = *S;
    } else if (Key == "buggy" || Key == "fixed") {
      if (auto S = scalar(Value, Key)) {
        if (S->empty() || llvm::sys::path::has_parent_path(*S))
          error(Value, "'" + Key + "' must name a file in the lesson folder");
        else
          (Key == "buggy" ? L.BuggySource : L.FixedSource) = *S;
      }
    } else {
      error(KeyNode, "unknown key '" + Key +
                         "'; lesson.yaml knows title, topic, summary, "
                         "bug_class, tsan_report, runs, timeout_seconds, "
                         "may_hang, racecheck, args, flags, expected_output, "
                         "measure, buggy, fixed");
    }
  }
  // Syntax errors inside the mapping leave later keys unread; reporting them
  // as missing too would only add noise.
  if (Errors.size() != ErrorsBefore && !Seen.count("title"))
    return;
  for (llvm::StringRef Required : {"title", "topic", "bug_class", "tsan_report"})
    if (!Seen.count(Required))
      error(MapStart, "missing required key '" + Required + "'");
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

llvm::StringRef bugClassId(BugClass Class) {
  for (const BugClassInfo &I : BugClasses)
    if (I.Class == Class)
      return I.Id;
  return "unknown";
}

std::optional<BugClass> bugClassFromId(llvm::StringRef Id) {
  for (const BugClassInfo &I : BugClasses)
    if (I.Id == Id)
      return I.Class;
  return std::nullopt;
}

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
