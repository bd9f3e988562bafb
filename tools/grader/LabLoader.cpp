//===- LabLoader.cpp - Load and validate a lab folder ---------------------===//
//
// Loads the lesson a lab is built on, then reads lab.yaml through the same
// YamlReader, so a mistake in either file is reported at its line and
// column. Every key is checked; unknown keys are errors, not ignored, since
// a misspelt "runs" or "points" would silently change every student's grade.
//
//===----------------------------------------------------------------------===//
#include "Lab.h"
#include "YamlReader.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

#include <functional>

namespace racelab {

namespace {

constexpr IdName<Criterion> Criteria[] = {
    {Criterion::Builds, "builds"},
    {Criterion::Output, "output"},
    {Criterion::TsanClean, "tsan_clean"},
    {Criterion::NoHang, "no_hang"},
    {Criterion::Concurrency, "concurrency"},
    {Criterion::NoTampering, "no_tampering"},
    {Criterion::Racecheck, "racecheck"},
};

constexpr IdName<Visibility> Visibilities[] = {
    {Visibility::Visible, "visible"},
    {Visibility::AfterDueDate, "after_due_date"},
    {Visibility::AfterPublished, "after_published"},
    {Visibility::Hidden, "hidden"},
};

/// Reads lab.yaml into a Lab whose lesson is already loaded.
class LabYamlReader {
public:
  LabYamlReader(llvm::StringRef Path, std::vector<LessonDiagnostic> &Errors)
      : Y(Path, Errors) {}

  void read(llvm::StringRef Text, Lab &L);

private:
  void limits(llvm::yaml::Node *N, LabLimits &Limits);
  void rubric(llvm::yaml::Node *N, std::vector<RubricItem> &Items);
  std::optional<RubricItem> rubricItem(llvm::yaml::Node *N);

  YamlReader Y;
};

void LabYamlReader::read(llvm::StringRef Text, Lab &L) {
  size_t ErrorsBefore = Y.errorCount();
  llvm::yaml::MappingNode *Map =
      Y.parseMapping(Text, "it needs at least title, submission, threads and rubric");
  if (!Map)
    return;
  llvm::StringSet<> Seen;
  for (llvm::yaml::KeyValueNode &KV : *Map) {
    std::optional<std::string> KeyText = Y.key(KV);
    if (!KeyText)
      continue;
    llvm::StringRef Key = *KeyText;
    llvm::yaml::Node *Value = KV.getValue();
    if (!Seen.insert(Key).second) {
      Y.error(KV.getKey(), "duplicate key '" + Key + "'");
      continue;
    }
    if (Key == "title") {
      if (auto S = Y.scalar(Value, Key))
        L.Title = *S;
    } else if (Key == "submission") {
      if (auto S = Y.scalar(Value, Key)) {
        if (S->empty() || llvm::sys::path::has_parent_path(*S) || *S == "." ||
            *S == "..")
          Y.error(Value, "'submission' must be a plain file name such as bank.cpp");
        else
          L.SubmissionFile = *S;
      }
    } else if (Key == "runs") {
      if (auto N = Y.number(Value, Key, 1, 100, /*Integer=*/true))
        L.Runs = static_cast<unsigned>(*N);
    } else if (Key == "threads") {
      if (auto N = Y.number(Value, Key, 0, 256, /*Integer=*/true))
        L.Threads = static_cast<unsigned>(*N);
    } else if (Key == "args") {
      if (auto List = Y.stringList(Value, Key))
        L.Args = std::move(*List);
    } else if (Key == "flags") {
      if (auto List = Y.stringList(Value, Key))
        L.Flags = std::move(*List);
    } else if (Key == "expected_output") {
      if (auto S = Y.scalar(Value, Key))
        L.ExpectedOutput = *S;
    } else if (Key == "limits") {
      limits(Value, L.Limits);
    } else if (Key == "rubric") {
      rubric(Value, L.Rubric);
    } else {
      Y.error(KV.getKey(), "unknown key '" + Key +
                               "'; lab.yaml knows title, submission, runs, "
                               "threads, args, flags, expected_output, limits, "
                               "rubric");
    }
  }
  if (Y.errorCount() != ErrorsBefore && !Seen.count("title"))
    return;
  for (llvm::StringRef Required : {"title", "submission", "threads", "rubric"})
    if (!Seen.count(Required))
      Y.error(Map->getSourceRange().Start, "missing required key '" + Required + "'");
}

void LabYamlReader::limits(llvm::yaml::Node *N, LabLimits &Limits) {
  auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
  if (!Map) {
    Y.error(N, "'limits' must be a mapping, e.g. {run_seconds: 30, memory_mb: 4096}");
    return;
  }
  // Key, bounds, and where the value goes; the bounds keep a typo (a
  // memory limit of 4 MB, a run limit of a day) from reaching a grader.
  struct LimitKey {
    llvm::StringLiteral Name;
    double Min, Max;
    bool Integer;
    std::function<void(double)> Set;
  };
  const LimitKey Keys[] = {
      {"build_seconds", 1, 3600, false, [&](double V) { Limits.BuildSeconds = V; }},
      {"run_seconds", 0.1, 3600, false, [&](double V) { Limits.RunSeconds = V; }},
      {"memory_mb", 64, 1 << 20, true, [&](double V) { Limits.MemoryMb = unsigned(V); }},
      {"processes", 4, 4096, true, [&](double V) { Limits.Processes = unsigned(V); }},
      {"output_kb", 1, 1 << 20, true, [&](double V) { Limits.OutputKb = unsigned(V); }},
      {"file_mb", 1, 1 << 20, true, [&](double V) { Limits.FileMb = unsigned(V); }},
  };
  for (llvm::yaml::KeyValueNode &KV : *Map) {
    std::optional<std::string> Key = Y.key(KV);
    if (!Key)
      continue;
    const LimitKey *K = llvm::find_if(Keys, [&](const LimitKey &K) { return K.Name == *Key; });
    if (K == std::end(Keys)) {
      Y.error(KV.getKey(), "unknown limit '" + *Key +
                               "'; limits are build_seconds, run_seconds, "
                               "memory_mb, processes, output_kb, file_mb");
      continue;
    }
    if (auto V = Y.number(KV.getValue(), "limits." + *Key, K->Min, K->Max, K->Integer))
      K->Set(*V);
  }
}

void LabYamlReader::rubric(llvm::yaml::Node *N, std::vector<RubricItem> &Items) {
  auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
  if (!Seq) {
    Y.error(N, "'rubric' must be a list of criteria, e.g. "
               "- {check: builds, name: Builds, points: 10}");
    return;
  }
  // YAML nodes are read lazily from the stream: a sequence can be walked
  // only once, so its entries are counted on the way.
  unsigned Entries = 0;
  for (llvm::yaml::Node &Entry : *Seq) {
    ++Entries;
    std::optional<RubricItem> Item = rubricItem(&Entry);
    if (!Item)
      continue;
    if (llvm::any_of(Items, [&](const RubricItem &I) { return I.Check == Item->Check; })) {
      Y.error(&Entry, "criterion '" + criterionId(Item->Check) +
                          "' appears twice in the rubric");
      continue;
    }
    Items.push_back(std::move(*Item));
  }
  if (Entries == 0)
    Y.error(N, "'rubric' is empty; a lab needs at least one criterion");
}

std::optional<RubricItem> LabYamlReader::rubricItem(llvm::yaml::Node *N) {
  auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
  if (!Map) {
    Y.error(N, "a rubric entry must be a mapping: check, name, points, visibility");
    return std::nullopt;
  }
  RubricItem Item;
  bool Ok = true, HasCheck = false, HasPoints = false;
  for (llvm::yaml::KeyValueNode &KV : *Map) {
    std::optional<std::string> Key = Y.key(KV);
    if (!Key) {
      Ok = false;
      continue;
    }
    llvm::yaml::Node *Value = KV.getValue();
    if (*Key == "check") {
      HasCheck = true;
      std::optional<std::string> S = Y.scalar(Value, "check");
      std::optional<Criterion> C = S ? criterionFromId(*S) : std::nullopt;
      if (C)
        Item.Check = *C;
      else if (S)
        Y.error(Value, "unknown check '" + *S + "'; expected one of " + knownIds(Criteria));
      Ok &= C.has_value();
    } else if (*Key == "name") {
      if (auto S = Y.scalar(Value, "name"))
        Item.Name = *S;
      else
        Ok = false;
    } else if (*Key == "points") {
      HasPoints = true;
      if (auto P = Y.number(Value, "points", 0, 10000, /*Integer=*/false))
        Item.Points = *P;
      else
        Ok = false;
    } else if (*Key == "visibility") {
      std::optional<std::string> S = Y.scalar(Value, "visibility");
      std::optional<Visibility> V = S ? visibilityFromId(*S) : std::nullopt;
      if (V)
        Item.Visible = *V;
      else if (S)
        Y.error(Value, "unknown visibility '" + *S + "'; expected one of " +
                           knownIds(Visibilities));
      Ok &= V.has_value();
    } else {
      Y.error(KV.getKey(), "unknown key '" + *Key +
                               "' in a rubric entry; it knows check, name, "
                               "points, visibility");
      Ok = false;
    }
  }
  if (Ok && (!HasCheck || !HasPoints)) {
    Y.error(N, "a rubric entry needs 'check' and 'points'");
    Ok = false;
  }
  if (!Ok)
    return std::nullopt;
  if (Item.Name.empty())
    Item.Name = criterionId(Item.Check).str();
  return Item;
}

} // namespace

llvm::StringRef criterionId(Criterion C) { return idOfValue(Criteria, C, "unknown"); }

std::optional<Criterion> criterionFromId(llvm::StringRef Id) {
  return valueOfId(Criteria, Id);
}

llvm::StringRef visibilityId(Visibility V) { return idOfValue(Visibilities, V, "visible"); }

std::optional<Visibility> visibilityFromId(llvm::StringRef Id) {
  return valueOfId(Visibilities, Id);
}

double Lab::maxScore() const {
  double Sum = 0;
  for (const RubricItem &I : Rubric)
    Sum += I.Points;
  return Sum;
}

const RubricItem *Lab::item(Criterion C) const {
  for (const RubricItem &I : Rubric)
    if (I.Check == C)
      return &I;
  return nullptr;
}

LabLoadResult loadLab(llvm::StringRef Dir) {
  LabLoadResult Result;
  LessonLoadResult LessonResult = loadLesson(Dir);
  if (!LessonResult.Loaded) {
    Result.Errors = std::move(LessonResult.Errors);
    return Result;
  }
  Lab L;
  L.Base = std::move(*LessonResult.Loaded);
  L.Dir = Dir.str();
  L.Id = L.Base.Id;
  L.StarterSource = L.Base.BuggySource;
  L.ReferenceSource = L.Base.FixedSource;
  L.Args = L.Base.Args;
  L.Flags = L.Base.Flags;
  L.ExpectedOutput = L.Base.ExpectedOutput.value_or("");

  llvm::SmallString<256> YamlPath(Dir);
  llvm::sys::path::append(YamlPath, "lab.yaml");
  auto Buffer = llvm::MemoryBuffer::getFile(YamlPath);
  if (!Buffer) {
    Result.Errors.push_back({YamlPath.str().str(), 0, 0,
                             "cannot read lab.yaml: " + Buffer.getError().message() +
                                 " (a lab is a lesson folder with a lab.yaml)"});
    return Result;
  }
  LabYamlReader Reader(YamlPath, Result.Errors);
  Reader.read((*Buffer)->getBuffer(), L);
  if (Result.Errors.empty() && L.ExpectedOutput.empty())
    Result.Errors.push_back({YamlPath.str().str(), 0, 0,
                             "the lab needs an expected output: set "
                             "expected_output in lab.yaml or lesson.yaml"});
  if (!Result.Errors.empty())
    return Result;
  Result.Loaded = std::move(L);
  return Result;
}

std::optional<Lab> loadLabOrReport(llvm::StringRef Dir, llvm::StringRef Command) {
  LabLoadResult Result = loadLab(Dir);
  if (Result.Loaded)
    return std::move(Result.Loaded);
  llvm::WithColor::error(llvm::errs(), "racelab " + Command.str())
      << Dir << " is not a lab that can be used:\n"
      << formatDiagnostics(Result.Errors);
  return std::nullopt;
}

} // namespace racelab
