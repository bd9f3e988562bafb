//===- TsanReportParser.cpp - Parse ThreadSanitizer logs ------------------===//
//
// A line-oriented state machine over the formats printed by PrintReport() in
// compiler-rt/lib/tsan/rtl/tsan_report.cpp (clang 19). Each section header
// ("Write of size ...", "Mutex M0 ... created at:", "Thread T1 ...") selects
// the stack that the following "#N" frame lines belong to.
//
//===----------------------------------------------------------------------===//
#include "TsanReportParser.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

namespace racelab {

namespace {

/// Removes ANSI colour sequences (TSan colours its output on a terminal).
std::string stripColours(llvm::StringRef Line) {
  if (!Line.contains('\x1b'))
    return Line.str();
  std::string Out;
  for (size_t I = 0; I < Line.size(); ++I) {
    if (Line[I] == '\x1b' && I + 1 < Line.size() && Line[I + 1] == '[') {
      size_t End = Line.find('m', I);
      if (End != llvm::StringRef::npos) {
        I = End;
        continue;
      }
    }
    Out.push_back(Line[I]);
  }
  return Out;
}

/// "main thread" -> 0, "thread T3" -> 3.
TsanThreadRef parseThreadName(llvm::StringRef Name) {
  TsanThreadRef Ref;
  Name = Name.trim();
  if (Name == "main thread") {
    Ref.Id = 0;
    return Ref;
  }
  if (Name.consume_front("thread T")) {
    unsigned Id;
    if (!Name.getAsInteger(10, Id))
      Ref.Id = static_cast<int>(Id);
  }
  return Ref;
}

/// "write M0, read M3" -> held mutexes.
std::vector<TsanHeldMutex> parseMutexSet(llvm::StringRef Text) {
  std::vector<TsanHeldMutex> Result;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Text.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    TsanHeldMutex Held;
    if (Part.consume_front("write "))
      Held.Exclusive = true;
    else if (Part.consume_front("read "))
      Held.Exclusive = false;
    else
      continue;
    Part = Part.trim();
    if (Part.consume_front("M") && !Part.getAsInteger(10, Held.Id))
      Result.push_back(Held);
  }
  return Result;
}

/// Splits "file:line:col", "file:line" or "file" (or "<null>").
void parseSourceLocation(llvm::StringRef Loc, TsanFrame &Frame) {
  if (Loc == "<null>" || Loc.empty())
    return;
  // Visual Studio style "file(line,col)" is off by default; we only read the
  // default style.
  auto [Rest, Last] = Loc.rsplit(':');
  unsigned LastNum;
  if (Rest.empty() || Last.getAsInteger(10, LastNum)) {
    Frame.File = Loc.str();
    return;
  }
  auto [File, Middle] = Rest.rsplit(':');
  unsigned MiddleNum;
  if (!File.empty() && !Middle.getAsInteger(10, MiddleNum)) {
    Frame.File = File.str();
    Frame.Line = MiddleNum;
    Frame.Column = LastNum;
    return;
  }
  Frame.File = Rest.str();
  Frame.Line = LastNum;
}

enum class Target {
  None,
  HeaderStack,   ///< Report.Stacks.back()
  Access,        ///< Report.Accesses.back().Stack
  EdgeAcquired,  ///< Report.LockEdges.back().AcquiredAt
  EdgeHeld,      ///< Report.LockEdges.back().HeldAcquiredAt
  Sleep,         ///< *Report.Sleep
  Location,      ///< Report.Locations.back().Stack
  Mutex,         ///< Report.Mutexes.back().Creation
  Thread,        ///< Report.Threads.back().Creation
};

class Parser {
public:
  TsanLog parse(llvm::StringRef Text);

private:
  void handleReportLine(llvm::StringRef Line, unsigned LineNo);
  void handleOutsideLine(llvm::StringRef Line, unsigned LineNo);
  bool startsReport(llvm::StringRef Line, unsigned LineNo);
  void finishReport(bool Truncated);
  TsanStack *currentStack();
  bool parseSectionHeader(llvm::StringRef Line);

  TsanLog Log;
  std::optional<TsanReport> Current;
  Target Into = Target::None;
  /// A report is complete once its SUMMARY line (or closing separator after
  /// content) has been seen.
  bool SawSummary = false;

  llvm::Regex AccessRe{"^(Previous )?(atomic |Atomic )?(write|read|Write|Read)"
                       " of size ([0-9]+) at (0x[0-9a-fA-F]+) by "
                       "(main thread|thread T[0-9]+)( \\(mutexes: ([^)]*)\\))?:$"};
  llvm::Regex ExternalAccessRe{
      "^(Previous )?(Modifying|Read-only|modifying|read-only) access of (.*) "
      "at (0x[0-9a-fA-F]+) by (main thread|thread T[0-9]+)"
      "( \\(mutexes: ([^)]*)\\))?:$"};
  llvm::Regex ThreadRe{"^Thread T([0-9]+)( '(.*)')? \\(tid=([0-9]+), "
                       "(running|finished)\\)( created by (main thread|thread "
                       "T[0-9]+))?"};
  llvm::Regex MutexRe{"^Mutex M([0-9]+) \\((0x[0-9a-fA-F]+)\\) created at:?$"};
  llvm::Regex EdgeRe{"^Mutex M([0-9]+) acquired here while holding mutex "
                     "M([0-9]+) in (main thread|thread T[0-9]+):$"};
  llvm::Regex EdgeHeldRe{
      "^Mutex M([0-9]+) previously acquired by the same thread here:$"};
  llvm::Regex GlobalRe{"^Location is global '(.*)'( of size ([0-9]+))? at "};
  llvm::Regex HeapRe{"^Location is (.*) of size ([0-9]+) at (0x[0-9a-fA-F]+) "
                     "allocated by (main thread|thread T[0-9]+)"};
  llvm::Regex OwnerRe{"^Location is (stack|TLS) of (main thread|thread "
                      "T[0-9]+)\\.$"};
  llvm::Regex FdRe{"^Location is file descriptor ([0-9]+) (created|destroyed) "
                   "by (main thread|thread T[0-9]+)"};
  llvm::Regex HeaderRe{"WARNING: ThreadSanitizer: (.*) \\(pid=([0-9]+)\\)$"};
  llvm::Regex ReportedRe{"ThreadSanitizer: reported ([0-9]+) warnings"};
};

TsanLog Parser::parse(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  unsigned LineNo = 0;
  for (llvm::StringRef Raw : Lines) {
    ++LineNo;
    std::string Clean = stripColours(Raw.rtrim("\r"));
    llvm::StringRef Line(Clean);
    if (startsReport(Line, LineNo))
      continue;
    if (Current)
      handleReportLine(Line, LineNo);
    else
      handleOutsideLine(Line, LineNo);
  }
  if (Current)
    finishReport(/*Truncated=*/true);
  return std::move(Log);
}

bool Parser::startsReport(llvm::StringRef Line, unsigned LineNo) {
  llvm::SmallVector<llvm::StringRef, 3> M;
  if (!Line.contains("WARNING: ThreadSanitizer: ") || !HeaderRe.match(Line, &M))
    return false;
  if (Current)
    finishReport(/*Truncated=*/true);
  Current.emplace();
  Current->KindText = M[1].str();
  Current->Kind = tsanReportKindFromHeader(M[1]);
  M[2].getAsInteger(10, Current->Pid);
  Current->FirstLine = LineNo;
  Into = Target::HeaderStack;
  SawSummary = false;
  return true;
}

void Parser::finishReport(bool Truncated) {
  Current->Truncated = Truncated;
  // An empty header stack opened by the header line is not a stack.
  if (!Current->Stacks.empty() && Current->Stacks.back().Frames.empty() &&
      !Current->Stacks.back().RestoreFailed)
    Current->Stacks.pop_back();
  Log.Reports.push_back(std::move(*Current));
  Current.reset();
  Into = Target::None;
}

TsanStack *Parser::currentStack() {
  TsanReport &R = *Current;
  switch (Into) {
  case Target::None:
    return nullptr;
  case Target::HeaderStack:
    if (R.Stacks.empty())
      R.Stacks.emplace_back();
    return &R.Stacks.back();
  case Target::Access:
    return &R.Accesses.back().Stack;
  case Target::EdgeAcquired:
    return &R.LockEdges.back().AcquiredAt;
  case Target::EdgeHeld:
    return &R.LockEdges.back().HeldAcquiredAt;
  case Target::Sleep:
    return &*R.Sleep;
  case Target::Location:
    return &R.Locations.back().Stack;
  case Target::Mutex:
    return &R.Mutexes.back().Creation;
  case Target::Thread:
    return &R.Threads.back().Creation;
  }
  return nullptr;
}

void Parser::handleReportLine(llvm::StringRef Line, unsigned LineNo) {
  if (Line.starts_with("==================")) {
    // The separator both opens and closes a report; it closes this one once
    // anything has been printed after the header.
    finishReport(/*Truncated=*/!SawSummary);
    return;
  }
  llvm::StringRef Trimmed = Line.trim();
  if (Trimmed.empty()) {
    Into = Target::None;
    return;
  }
  TsanFrame Frame;
  if (parseTsanFrame(Line, Frame)) {
    if (TsanStack *Stack = currentStack())
      Stack->Frames.push_back(std::move(Frame));
    return;
  }
  if (Trimmed == "[failed to restore the stack]") {
    if (TsanStack *Stack = currentStack())
      Stack->RestoreFailed = true;
    return;
  }
  if (Trimmed.consume_front("SUMMARY: ThreadSanitizer: ")) {
    Current->Summary = Trimmed.str();
    SawSummary = true;
    Into = Target::None;
    return;
  }
  if (parseSectionHeader(Trimmed))
    return;
  // Anything else inside a report is either a hint TSan prints or output of
  // the program interleaved with the report; neither changes the record.
  (void)LineNo;
}

bool Parser::parseSectionHeader(llvm::StringRef Line) {
  TsanReport &R = *Current;
  llvm::SmallVector<llvm::StringRef, 10> M;

  if (AccessRe.match(Line, &M)) {
    TsanAccess A;
    A.IsPrevious = !M[1].empty();
    A.IsAtomic = !M[2].empty();
    A.IsWrite = M[3].equals_insensitive("write");
    M[4].getAsInteger(10, A.Size);
    A.Address = M[5].str();
    A.Thread = parseThreadName(M[6]);
    if (M.size() > 8)
      A.Mutexes = parseMutexSet(M[8]);
    R.Accesses.push_back(std::move(A));
    Into = Target::Access;
    return true;
  }
  if (ExternalAccessRe.match(Line, &M)) {
    TsanAccess A;
    A.IsPrevious = !M[1].empty();
    A.IsWrite = M[2].equals_insensitive("modifying");
    A.ExternalObject = M[3].str();
    A.Address = M[4].str();
    A.Thread = parseThreadName(M[5]);
    if (M.size() > 7)
      A.Mutexes = parseMutexSet(M[7]);
    R.Accesses.push_back(std::move(A));
    Into = Target::Access;
    return true;
  }
  if (Line == "and:") {
    R.Stacks.emplace_back();
    Into = Target::HeaderStack;
    return true;
  }
  if (Line.starts_with("Signal ") && Line.ends_with(" handler invoked at:")) {
    llvm::StringRef Num = Line.drop_front(7).take_until(
        [](char C) { return C == ' '; });
    Num.getAsInteger(10, R.Signal);
    R.Stacks.emplace_back();
    Into = Target::HeaderStack;
    return true;
  }
  if (Line.consume_front("Cycle in lock order graph: ")) {
    llvm::SmallVector<llvm::StringRef, 8> Parts;
    Line.split(Parts, "=>");
    // The last element repeats the first to close the cycle.
    for (size_t I = 0; I + 1 < Parts.size(); ++I) {
      llvm::StringRef P = Parts[I].trim();
      unsigned Id;
      if (P.consume_front("M") &&
          !P.take_until([](char C) { return C == ' '; }).getAsInteger(10, Id))
        R.Cycle.push_back(Id);
    }
    Into = Target::None;
    return true;
  }
  if (EdgeRe.match(Line, &M)) {
    TsanLockEdge E;
    M[1].getAsInteger(10, E.Acquired);
    M[2].getAsInteger(10, E.Held);
    E.Thread = parseThreadName(M[3]);
    R.LockEdges.push_back(std::move(E));
    Into = Target::EdgeAcquired;
    return true;
  }
  if (EdgeHeldRe.match(Line, &M)) {
    if (R.LockEdges.empty())
      return false;
    Into = Target::EdgeHeld;
    return true;
  }
  if (Line == "As if synchronized via sleep:") {
    R.Sleep.emplace();
    Into = Target::Sleep;
    return true;
  }
  if (Line.starts_with("Location is ")) {
    TsanLocation L;
    L.Text = Line.rtrim(":").str();
    Into = Target::None;
    if (GlobalRe.match(Line, &M)) {
      L.Kind = TsanLocation::LocationKind::Global;
      L.GlobalName = M[1].str();
      if (!M[3].empty())
        M[3].getAsInteger(10, L.Size);
    } else if (FdRe.match(Line, &M)) {
      L.Kind = TsanLocation::LocationKind::FileDescriptor;
      L.Thread = parseThreadName(M[3]);
      Into = Target::Location;
    } else if (HeapRe.match(Line, &M)) {
      L.Kind = TsanLocation::LocationKind::Heap;
      M[2].getAsInteger(10, L.Size);
      L.Thread = parseThreadName(M[4]);
      Into = Target::Location;
    } else if (OwnerRe.match(Line, &M)) {
      L.Kind = M[1] == "stack" ? TsanLocation::LocationKind::Stack
                               : TsanLocation::LocationKind::Tls;
      L.Thread = parseThreadName(M[2]);
    }
    R.Locations.push_back(std::move(L));
    return true;
  }
  if (MutexRe.match(Line, &M)) {
    TsanMutex Mx;
    M[1].getAsInteger(10, Mx.Id);
    Mx.Address = M[2].str();
    R.Mutexes.push_back(std::move(Mx));
    Into = Target::Mutex;
    return true;
  }
  if (ThreadRe.match(Line, &M)) {
    TsanThread T;
    M[1].getAsInteger(10, T.Id);
    T.Name = M[3].str();
    M[4].getAsInteger(10, T.OsTid);
    T.Running = M[5] == "running";
    if (M.size() > 7 && !M[7].empty())
      T.Parent = parseThreadName(M[7]);
    R.Threads.push_back(std::move(T));
    Into = Target::Thread;
    return true;
  }
  if (Line.consume_front("And ") && Line.ends_with("more similar thread leaks.")) {
    Line.take_until([](char C) { return C == ' '; })
        .getAsInteger(10, R.SimilarCount);
    Into = Target::None;
    return true;
  }
  return false;
}

void Parser::handleOutsideLine(llvm::StringRef Line, unsigned LineNo) {
  llvm::SmallVector<llvm::StringRef, 2> M;
  if (ReportedRe.match(Line, &M)) {
    unsigned N;
    if (!M[1].getAsInteger(10, N))
      Log.ReportedCount = N;
    return;
  }
  llvm::StringRef Body = Line.trim();
  // "==1234==ERROR: ThreadSanitizer: SEGV ..." carries a pid prefix.
  if (Body.starts_with("==")) {
    size_t End = Body.find("==", 2);
    if (End != llvm::StringRef::npos)
      Body = Body.drop_front(End + 2);
  }
  if (Body.starts_with("SUMMARY: ") || Body == "ThreadSanitizer:DEADLYSIGNAL" ||
      Body.starts_with("ThreadSanitizer can not provide additional info"))
    return;
  bool MentionsTsan = Body.contains("ThreadSanitizer");
  bool IsFatal =
      MentionsTsan &&
      (Body.starts_with("ERROR:") || Body.starts_with("FATAL:") ||
       Body.contains("CHECK failed") || Body.contains("limit exhausted") ||
       Body.contains("out of memory") || Body.contains("failed to allocate") ||
       Body.starts_with("ThreadSanitizer: "));
  if (IsFatal)
    Log.FatalErrors.push_back({Body.str(), LineNo});
}

} // namespace

bool parseTsanFrame(llvm::StringRef Line, TsanFrame &Frame) {
  llvm::StringRef S = Line.trim();
  if (!S.consume_front("#"))
    return false;
  llvm::StringRef Num = S.take_while(llvm::isDigit);
  if (Num.empty() || Num.getAsInteger(10, Frame.Index))
    return false;
  S = S.drop_front(Num.size());
  if (!S.consume_front(" "))
    return false;
  S = S.trim();

  // "(BuildId: ...)" is appended for modules that carry one.
  if (S.ends_with(")")) {
    size_t Open = S.rfind(" (BuildId: ");
    if (Open != llvm::StringRef::npos)
      S = S.take_front(Open).rtrim();
  }
  // "(module+0xoffset)"; module names can contain '+' (libstdc++), so split
  // at the last "+0x".
  if (S.ends_with(")")) {
    size_t Open = S.rfind(" (");
    if (Open != llvm::StringRef::npos) {
      llvm::StringRef Mod = S.slice(Open + 2, S.size() - 1);
      size_t Plus = Mod.rfind("+0x");
      if (Plus != llvm::StringRef::npos) {
        Frame.Module = Mod.take_front(Plus).str();
        Mod.drop_front(Plus + 3).getAsInteger(16, Frame.ModuleOffset);
        S = S.take_front(Open).rtrim();
      }
    }
  }
  // What is left is "<function> <location>"; the location has no spaces
  // while demangled function names do, so split at the last space.
  auto [Function, Location] = S.rsplit(' ');
  if (Location.empty()) {
    // Only one token: an unsymbolized "0x..." pc or a bare function name.
    if (!S.starts_with("0x") && S != "<null>")
      Frame.Function = S.str();
    return true;
  }
  if (Function != "<null>")
    Frame.Function = Function.str();
  parseSourceLocation(Location, Frame);
  return true;
}

TsanLog parseTsanLog(llvm::StringRef Text) { return Parser().parse(Text); }

} // namespace racelab
