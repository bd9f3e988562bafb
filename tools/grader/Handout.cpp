//===- Handout.cpp - The package students start a lab from ----------------===//
//
// The starter loses its annotations (they point at the bug), and the
// Makefile carries the grader's build flags and TSan options literally, so
// `make check-races` needs nothing but a compiler: students see the same
// reports the grader will see, without installing RaceLab.
//
//===----------------------------------------------------------------------===//
#include "Handout.h"

#include "Annotation.h"
#include "PathUtil.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace racelab {
namespace {

/// A comment of a source, as the byte range [Begin, End): "//" up to (not
/// including) the end of its line, or "/*" through "*/".
struct CommentRange {
  size_t Begin;
  size_t End;
};

bool isIdentChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// The comments of Source. Literals are skipped the way the annotation
/// parser skips them, so "// expect-race" inside a string is left alone
/// there and here alike.
std::vector<CommentRange> findComments(llvm::StringRef S) {
  std::vector<CommentRange> Comments;
  const size_t N = S.size();
  size_t I = 0;
  while (I < N) {
    char C = S[I];
    if (C == '/' && I + 1 < N && S[I + 1] == '/') {
      size_t End = S.find('\n', I);
      if (End == llvm::StringRef::npos)
        End = N;
      // A CRLF line ends the comment before its '\r'.
      if (End > I && S[End - 1] == '\r')
        --End;
      Comments.push_back({I, End});
      I = End;
      continue;
    }
    if (C == '/' && I + 1 < N && S[I + 1] == '*') {
      size_t Close = S.find("*/", I + 2);
      size_t End = Close == llvm::StringRef::npos ? N : Close + 2;
      Comments.push_back({I, End});
      I = End;
      continue;
    }
    if (C == 'R' && I + 1 < N && S[I + 1] == '"' &&
        (I == 0 || !isIdentChar(S[I - 1]) ||
         llvm::StringRef("u8uUL").contains(S[I - 1]))) {
      size_t Open = S.find('(', I + 2);
      if (Open != llvm::StringRef::npos) {
        std::string Close = (")" + S.slice(I + 2, Open) + "\"").str();
        size_t End = S.find(Close, Open + 1);
        I = End == llvm::StringRef::npos ? N : End + Close.size();
        continue;
      }
    }
    if (C == '"' || C == '\'') {
      size_t J = I + 1;
      while (J < N && S[J] != C && S[J] != '\n') {
        if (S[J] == '\\' && J + 1 < N && S[J + 1] != '\n')
          ++J;
        ++J;
      }
      I = (J < N && S[J] == C) ? J + 1 : J;
      continue;
    }
    // A digit separator (1'000) does not open a character literal.
    if (isIdentChar(C)) {
      while (I < N && (isIdentChar(S[I]) ||
                       (S[I] == '\'' && I + 1 < N && llvm::isAlnum(S[I + 1]) &&
                        I > 0 && llvm::isDigit(S[I - 1]))))
        ++I;
      continue;
    }
    ++I;
  }
  return Comments;
}

bool isBlank(char C) { return C == ' ' || C == '\t'; }

/// Characters a shell word may hold unquoted.
bool isShellSafe(char C) {
  return llvm::isAlnum(C) || llvm::StringRef("_+-=,./:@%").contains(C);
}

/// Word as one shell word.
std::string shellQuote(llvm::StringRef Word) {
  if (!Word.empty() && llvm::all_of(Word, isShellSafe))
    return Word.str();
  std::string Quoted = "'";
  for (char C : Word) {
    if (C == '\'')
      Quoted += "'\\''";
    else
      Quoted += C;
  }
  return Quoted + "'";
}

/// Text as the value of a make variable: make would expand '$' and start a
/// comment at '#'.
std::string makeValue(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '$')
      Out += "$$";
    else if (C == '#')
      Out += "\\#";
    else
      Out += C;
  }
  return Out;
}

/// Text as a printf format inside single quotes in a recipe: it prints
/// Text exactly, whatever bytes it holds, and keeps the recipe one line.
std::string printfFormat(llvm::StringRef Text) {
  std::string Out;
  for (unsigned char C : Text) {
    if (C == '\n')
      Out += "\\n";
    else if (C == '\\')
      Out += "\\\\";
    else if (C == '%')
      Out += "%%";
    else if (C == '$')
      Out += "$$";
    else if (C == '\'' || C < 0x20 || C >= 0x7f) {
      // Octal, the one escape every printf(1) knows.
      Out += '\\';
      Out += static_cast<char>('0' + (C >> 6));
      Out += static_cast<char>('0' + ((C >> 3) & 7));
      Out += static_cast<char>('0' + (C & 7));
    }
    else
      Out += static_cast<char>(C);
  }
  return Out;
}

/// TSan's run-time options for the Makefile: the grader's, with exitcode=66
/// (the exit status the Makefile's messages rely on) and without log_path
/// (the Makefile sets its own).
std::string tsanRunOptions(const SanitizerConfig &Config) {
  std::vector<std::string> Parts;
  for (const std::string &Opt : Config.RuntimeOptions) {
    auto [Name, Value] = llvm::StringRef(Opt).split('=');
    if (Name == "exitcode" || Name == "log_path")
      continue;
    // TSan splits options at spaces and colons unless the value is quoted.
    if (Value.find_first_of(" :") != llvm::StringRef::npos)
      Parts.push_back((Name + "=\"" + Value + "\"").str());
    else
      Parts.push_back(Opt);
  }
  Parts.push_back("exitcode=66");
  std::string Joined = llvm::join(Parts, " ");
  // The value goes between single quotes in the recipe.
  std::string Quoted;
  for (char C : Joined)
    Quoted += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return makeValue(Quoted);
}

/// Words as shell words for a make variable, each with a leading space.
std::string quotedList(const std::vector<std::string> &Words) {
  std::vector<std::string> Quoted;
  for (const std::string &W : Words)
    Quoted.push_back(" " + makeValue(shellQuote(W)));
  return llvm::join(Quoted, "");
}

/// The program name: the submission file without its extension.
std::string programName(const Lab &L) {
  llvm::StringRef Stem = llvm::sys::path::stem(L.SubmissionFile);
  return Stem.empty() ? std::string("program") : Stem.str();
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

llvm::Error writeFile(const std::string &Path, llvm::StringRef Content) {
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Content;
    return llvm::Error::success();
  });
}

/// Whether Dir exists and holds anything.
llvm::Expected<bool> isNonEmptyDir(llvm::StringRef Dir) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Dir, Status)) {
    if (EC == std::errc::no_such_file_or_directory)
      return false;
    return llvm::createStringError(EC, "cannot examine %s: %s",
                                   Dir.str().c_str(), EC.message().c_str());
  }
  if (!llvm::sys::fs::is_directory(Status))
    return llvm::createStringError(std::errc::not_a_directory,
                                   "%s exists and is not a directory",
                                   Dir.str().c_str());
  std::error_code EC;
  llvm::sys::fs::directory_iterator It(Dir, EC);
  if (EC)
    return llvm::createStringError(EC, "cannot list %s: %s", Dir.str().c_str(),
                                   EC.message().c_str());
  return It != llvm::sys::fs::directory_iterator();
}

} // namespace

std::string stripAnnotations(llvm::StringRef Source) {
  // A comment goes when it holds an "expect-" word the way the annotation
  // parser reads one. Misspelt kinds count too: the parser rejects them,
  // but they still mark the bug.
  std::vector<bool> Removed(Source.size(), false);
  bool Any = false;
  for (const CommentRange &C : findComments(Source)) {
    llvm::StringRef Text = Source.slice(C.Begin, C.End);
    bool IsDirective = false;
    for (size_t Pos = Text.find("expect-"); Pos != llvm::StringRef::npos;
         Pos = Text.find("expect-", Pos + 1))
      if (Pos == 0 || (!isIdentChar(Text[Pos - 1]) && Text[Pos - 1] != '-'))
        IsDirective = true;
    if (!IsDirective)
      continue;
    std::fill(Removed.begin() + C.Begin, Removed.begin() + C.End, true);
    Any = true;
  }
  if (!Any)
    return Source.str();

  // Line by line: what is left of a line that lost a comment is trimmed at
  // the end when the comment reached it, and dropped when nothing is left.
  std::string Out;
  Out.reserve(Source.size());
  size_t Begin = 0;
  while (Begin < Source.size()) {
    size_t NewLine = Source.find('\n', Begin);
    size_t LineEnd = NewLine == llvm::StringRef::npos ? Source.size() : NewLine + 1;
    size_t TextEnd = NewLine == llvm::StringRef::npos ? Source.size() : NewLine;
    if (TextEnd > Begin && Source[TextEnd - 1] == '\r')
      --TextEnd;
    // The line break itself is inside a comment spanning lines.
    bool BreakRemoved = TextEnd < LineEnd && Removed[TextEnd];
    std::string Kept;
    bool Touched = BreakRemoved;
    for (size_t I = Begin; I < TextEnd; ++I) {
      if (Removed[I])
        Touched = true;
      else
        Kept += Source[I];
    }
    if (!Touched) {
      Out += Source.slice(Begin, LineEnd);
    } else if (!llvm::all_of(Kept, isBlank)) {
      bool ReachedEnd = BreakRemoved || (TextEnd > Begin && Removed[TextEnd - 1]);
      if (ReachedEnd)
        while (!Kept.empty() && isBlank(Kept.back()))
          Kept.pop_back();
      Out += Kept;
      Out += Source.slice(TextEnd, LineEnd); // "\r\n", "\n" or nothing.
    }
    // Otherwise only the comment was there: the line goes.
    Begin = LineEnd;
  }
  return Out;
}

std::string handoutMakefile(const Lab &L, const SanitizerConfig &Config) {
  std::string Program = programName(L);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  std::string Title = makeValue(L.Title);
  std::string Submission = makeValue(L.SubmissionFile);
  std::string RunLine = Program;
  for (const std::string &A : L.Args)
    RunLine += " " + shellQuote(A);

  OS << "# Makefile of the lab \"" << Title << "\", written by `racelab handout`.\n"
     << "# Hand in " << Submission << ".\n"
     << "#\n"
     << "#   make check-races  build " << Submission
     << " under ThreadSanitizer the way the grader\n"
     << "#                     does, run it " << L.Runs << " times as `"
     << makeValue(RunLine) << "`, and fail on\n"
     << "#                     a race report, a wrong output, a crash or a hang\n"
     << "#   make grade        grade " << Submission
     << " with racelab, when it is installed\n"
     << "#   make clean        remove the build folder\n"
     << "#\n"
     << "# Another compiler: make check-races CXX=clang++-18\n\n";

  OS << "SUBMISSION = " << Submission << "\n"
     << "PROGRAM = " << makeValue(Program) << "\n"
     << "BUILD = .racelab\n"
     << "RUNS = " << L.Runs << "\n"
     << "RUN_SECONDS = " << static_cast<unsigned>(L.Limits.RunSeconds + 0.999)
     << "\n"
     << "ARGS =" << quotedList(L.Args) << "\n"
     << "# The grader's ThreadSanitizer build flags (RaceLab's "
        "sanitizers/tsan.flags),\n"
     << "# then the lab's own.\n"
     << "TSAN_FLAGS =" << quotedList(Config.CompileFlags) << "\n"
     << "LAB_FLAGS =" << quotedList(L.Flags) << "\n"
     << "# The grader's ThreadSanitizer run-time options "
        "(sanitizers/tsan.options).\n"
     << "TSAN_RUN_OPTIONS = " << tsanRunOptions(Config) << "\n"
     << "# For `make grade`: the lab folder (the one holding lab.yaml) of lab "
     << makeValue(L.Id) << ".\n"
     << "LAB =\n\n"
     << "CXX := $(or $(shell command -v clang++-19 2>/dev/null),clang++)\n"
     << "SYMBOLIZER := $(or $(shell command -v llvm-symbolizer-19 "
        "2>/dev/null),$(shell command -v llvm-symbolizer 2>/dev/null))\n"
     << "TIMEOUT := $(shell command -v timeout 2>/dev/null)\n\n"
     << ".PHONY: check-races grade clean\n\n";

  OS << "$(BUILD)/$(PROGRAM): $(SUBMISSION) Makefile\n"
     << "\t@mkdir -p $(BUILD)\n"
     << "\t$(CXX) $(TSAN_FLAGS) $(LAB_FLAGS) $(SUBMISSION) -o $@\n\n";

  // One shell script per recipe so the loop's variables survive; it stops
  // at the first failing run, whose report is what the student needs.
  OS << "check-races: $(BUILD)/$(PROGRAM)\n"
     << "\t@printf '" << printfFormat(L.ExpectedOutput)
     << "' > $(BUILD)/expected-output\n"
     << "\t@failed=0; run=1; \\\n"
     << "\twhile [ $$run -le $(RUNS) ]; do \\\n"
     << "\t  rm -f $(BUILD)/tsan.*; \\\n"
     << "\t  TSAN_OPTIONS='$(TSAN_RUN_OPTIONS) log_path=$(BUILD)/tsan"
        "$(if $(SYMBOLIZER), external_symbolizer_path=$(SYMBOLIZER))' \\\n"
     << "\t    $(if $(TIMEOUT),$(TIMEOUT) -k 5 $(RUN_SECONDS)) "
        "./$(BUILD)/$(PROGRAM) $(ARGS) \\\n"
     << "\t    > $(BUILD)/stdout 2> $(BUILD)/stderr; \\\n"
     << "\t  status=$$?; \\\n"
     << "\t  if ls $(BUILD)/tsan.* > /dev/null 2>&1; then \\\n"
     << "\t    echo \"check-races: run $$run of $(RUNS): ThreadSanitizer "
        "reported a problem:\"; \\\n"
     << "\t    cat $(BUILD)/tsan.*; failed=1; \\\n"
     << "\t  elif [ -n \"$(TIMEOUT)\" ] && { [ $$status -eq 124 ] || "
        "[ $$status -eq 137 ]; }; then \\\n"
     << "\t    echo \"check-races: run $$run of $(RUNS): still running after "
        "$(RUN_SECONDS) s (a deadlock, or a thread waiting forever?)\"; "
        "failed=1; \\\n"
     << "\t  elif [ $$status -ne 0 ]; then \\\n"
     << "\t    echo \"check-races: run $$run of $(RUNS): exited with status "
        "$$status; its last error output:\"; \\\n"
     << "\t    tail -n 20 $(BUILD)/stderr; failed=1; \\\n"
     << "\t  elif ! cmp -s $(BUILD)/expected-output $(BUILD)/stdout; then \\\n"
     << "\t    echo \"check-races: run $$run of $(RUNS): wrong output\"; \\\n"
     << "\t    echo \"  expected:\"; sed 's/^/    /' $(BUILD)/expected-output; "
        "\\\n"
     << "\t    echo \"  got:\"; head -c 2000 $(BUILD)/stdout | sed 's/^/    /'; "
        "failed=1; \\\n"
     << "\t  fi; \\\n"
     << "\t  [ $$failed -eq 0 ] || break; \\\n"
     << "\t  run=$$((run + 1)); \\\n"
     << "\tdone; \\\n"
     << "\tif [ $$failed -ne 0 ]; then echo \"check-races: FAILED\"; exit 1; "
        "fi; \\\n"
     << "\techo \"check-races: passed: $(RUNS) runs, no ThreadSanitizer report, "
        "the expected output, exit status 0\"\n\n";

  OS << "grade:\n"
     << "\t@if ! command -v racelab > /dev/null 2>&1; then \\\n"
     << "\t  echo \"make grade: racelab is not installed (not on PATH).\"; \\\n"
     << "\t  echo \"  make check-races builds and runs $(SUBMISSION) the way the "
        "grader does.\"; \\\n"
     << "\t  echo \"  To grade it yourself, install RaceLab (see its README), "
        "then run\"; \\\n"
     << "\t  echo \"    make grade LAB=<the lab folder, holding lab.yaml>\"; \\\n"
     << "\t  exit 2; \\\n"
     << "\tfi; \\\n"
     << "\tif [ -z '$(LAB)' ]; then \\\n"
     << "\t  echo \"make grade: name the lab to grade against: make grade "
        "LAB=<the lab folder, holding lab.yaml>\"; \\\n"
     << "\t  exit 2; \\\n"
     << "\tfi; \\\n"
     << "\tracelab grade '$(LAB)' --submission $(SUBMISSION) --format text\n\n";

  OS << "clean:\n"
     << "\trm -rf $(BUILD)\n";
  return Out;
}

llvm::Error writeHandout(const Lab &L, const SanitizerConfig &Config,
                         llvm::StringRef OutputDir, bool Force) {
  llvm::Expected<bool> NonEmpty = isNonEmptyDir(OutputDir);
  if (!NonEmpty)
    return NonEmpty.takeError();
  if (*NonEmpty && !Force)
    return llvm::createStringError(
        std::errc::file_exists,
        "%s is not empty; choose a new directory, or pass --force to write "
        "the handout's files into it",
        OutputDir.str().c_str());

  llvm::Expected<std::string> Starter = readFile(L.StarterSource);
  if (!Starter)
    return Starter.takeError();
  llvm::Expected<std::string> Readme = readFile(L.Base.Readme);
  if (!Readme)
    return Readme.takeError();
  std::string Stripped = stripAnnotations(*Starter);
  // Belt and braces: a handout that still marks the bug gives the lab away.
  AnnotationParseResult Left = parseAnnotations(Stripped, L.StarterSource);
  if (!Left.Annotations.empty() || !Left.Errors.empty())
    return llvm::createStringError(
        std::errc::invalid_argument,
        "%s: an annotation is left after stripping; the handout was not written",
        L.StarterSource.c_str());

  // Handouts are shared (copied into a template repository, published):
  // readable by all, as the files in it.
  if (std::error_code EC = llvm::sys::fs::create_directories(
          OutputDir, /*IgnoreExisting=*/true,
          llvm::sys::fs::perms(0755)))
    return llvm::createStringError(EC, "cannot create %s: %s",
                                   OutputDir.str().c_str(), EC.message().c_str());
  const std::pair<std::string, std::string> Files[] = {
      {L.SubmissionFile, Stripped},
      {"README.md", *Readme},
      {"Makefile", handoutMakefile(L, Config)},
  };
  for (const auto &[Name, Content] : Files)
    if (llvm::Error E = writeFile(joinPath({OutputDir, Name}), Content))
      return E;
  return llvm::Error::success();
}

int runHandoutCommand(const HandoutArgs &Args) {
  auto Fail = [](const llvm::Twine &Message) {
    llvm::errs() << "racelab handout: " << Message << "\n";
    return 2;
  };
  if (Args.OutputDir.empty())
    return Fail("say where to write the handout: -o DIR");

  std::optional<Lab> Loaded = loadLabOrReport(Args.LabDir, "handout");
  if (!Loaded)
    return 2;

  // The flags come from the same files the grader reads, so a change to
  // sanitizers/ reaches the next handout.
  llvm::Expected<Toolchain> Tools =
      Toolchain::discover("racelab", /*CxxOverride=*/"", /*UseCcache=*/false);
  if (!Tools)
    return Fail(llvm::toString(Tools.takeError()));
  llvm::Expected<SanitizerConfig> Config =
      SanitizerConfig::load(Tools->sanitizersDir());
  if (!Config)
    return Fail(llvm::toString(Config.takeError()));

  if (llvm::Error E =
          writeHandout(*Loaded, *Config, Args.OutputDir, Args.Force))
    return Fail(llvm::toString(std::move(E)));
  llvm::outs() << "racelab handout: wrote " << Args.OutputDir << "/{"
               << Loaded->SubmissionFile
               << ",README.md,Makefile}; students run `make check-races`\n";
  return 0;
}

} // namespace racelab
