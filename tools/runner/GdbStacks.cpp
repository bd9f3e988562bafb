//===- GdbStacks.cpp - Ask gdb for stacks and read what it prints ---------===//
//
// gdb's CLI output is made for people, so the parser is defensive: markers
// echoed around the backtraces delimit them, a frame line is taken apart
// from its end (" at FILE:LINE" or " from LIB", then the argument list in
// the last balanced parentheses) because function names themselves contain
// spaces and parentheses, and anything it does not recognise is skipped.
//
//===----------------------------------------------------------------------===//
#include "GdbStacks.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

namespace racelab {
namespace {

constexpr llvm::StringLiteral StacksBegin = "@@racelab-stacks@@";
constexpr llvm::StringLiteral StacksEnd = "@@racelab-stacks-end@@";
/// Frames printed per thread: the blocking call and the user's frame are at
/// the inner end; a runaway recursion must not make the capture slow.
constexpr unsigned FrameLimit = 100;

std::optional<uint64_t> hexNumber(llvm::StringRef Text) {
  uint64_t Value = 0;
  if (!Text.consume_front("0x") || Text.getAsInteger(16, Value))
    return std::nullopt;
  return Value;
}

/// Splits "a=1, b=f(x, y), c=<A>" at the commas outside any brackets.
std::vector<llvm::StringRef> splitArguments(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Parts;
  int Depth = 0;
  bool InQuote = false;
  size_t Start = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InQuote) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InQuote = false;
      continue;
    }
    if (C == '"')
      InQuote = true;
    else if (C == '(' || C == '<' || C == '{' || C == '[')
      ++Depth;
    else if ((C == ')' || C == '>' || C == '}' || C == ']') && Depth > 0)
      --Depth;
    else if (C == ',' && Depth == 0) {
      Parts.push_back(Text.slice(Start, I).trim());
      Start = I + 1;
    }
  }
  if (!Text.slice(Start, Text.size()).trim().empty())
    Parts.push_back(Text.slice(Start, Text.size()).trim());
  return Parts;
}

/// The position of the '(' matching the ')' that ends Text, or npos.
size_t openingParen(llvm::StringRef Text) {
  if (!Text.ends_with(")"))
    return llvm::StringRef::npos;
  int Depth = 0;
  bool InQuote = false;
  for (size_t I = Text.size(); I-- > 0;) {
    char C = Text[I];
    if (C == '"' && (I == 0 || Text[I - 1] != '\\'))
      InQuote = !InQuote;
    if (InQuote)
      continue;
    if (C == ')')
      ++Depth;
    else if (C == '(' && --Depth == 0)
      return I;
  }
  return llvm::StringRef::npos;
}

/// "Thread 3 (Thread 0x7fec793fe6c0 (LWP 4117) "name"):" -> a thread.
std::optional<GdbThread> parseThreadHeader(llvm::StringRef Line) {
  static const llvm::Regex Header("^Thread ([0-9]+) \\((.*)\\):$");
  llvm::SmallVector<llvm::StringRef, 3> M;
  if (!Header.match(Line, &M))
    return std::nullopt;
  GdbThread T;
  if (M[1].getAsInteger(10, T.Number))
    return std::nullopt;
  llvm::StringRef Inside = M[2];
  static const llvm::Regex Lwp("(LWP|process) ([0-9]+)");
  static const llvm::Regex Handle("^Thread (0x[0-9a-f]+)");
  static const llvm::Regex Name("\"(.*)\"$");
  llvm::SmallVector<llvm::StringRef, 3> Part;
  if (Lwp.match(Inside, &Part))
    (void)Part[2].getAsInteger(10, T.Lwp);
  if (Handle.match(Inside, &Part))
    T.Handle = hexNumber(Part[1]).value_or(0);
  if (Name.match(Inside, &Part))
    T.Name = Part[1].str();
  return T;
}

bool isAttachError(llvm::StringRef Line) {
  return Line.starts_with("ptrace: ") || Line.starts_with("Could not attach") ||
         Line.starts_with("Unable to attach") ||
         Line.starts_with("Don't know how to attach") ||
         (Line.starts_with("warning: process ") && Line.contains("zombie"));
}

} // namespace

const GdbArg *GdbFrame::arg(llvm::StringRef Name) const {
  for (const GdbArg &A : Args)
    if (A.Name == Name)
      return &A;
  return nullptr;
}

const GdbThread *GdbTranscript::findByHandle(uint64_t Handle) const {
  for (const GdbThread &T : Threads)
    if (Handle && T.Handle == Handle)
      return &T;
  return nullptr;
}

std::vector<std::string> gdbStackArguments(pid_t Pid) {
  // -nx: no .gdbinit of the user's. No debuginfod (it would go to the
  // network) and no Python scripts (slow; scalar arguments need none), set
  // before the attach loads any symbols. Then no pagination or wrapping,
  // absolute file names so frames can be matched to the program's source,
  // and scalar arguments only: the lock pointers are what the analysis
  // reads, and aggregates would be slow and long. gdb detaches on quit
  // anyway; saying so keeps the program stopped no longer than needed.
  return {"-batch",
          "-nx",
          "-q",
          "-iex",
          "set debuginfod enabled off",
          "-iex",
          "set auto-load python-scripts off",
          "-p",
          std::to_string(Pid),
          "-ex",
          "set pagination off",
          "-ex",
          "set width 0",
          "-ex",
          "set height 0",
          "-ex",
          "set filename-display absolute",
          "-ex",
          "set print frame-arguments scalars",
          "-ex",
          "echo \\n" + StacksBegin.str() + "\\n",
          "-ex",
          "thread apply all bt " + std::to_string(FrameLimit),
          "-ex",
          "echo \\n" + StacksEnd.str() + "\\n",
          "-ex",
          "detach"};
}

std::optional<uint64_t> gdbValueAddress(llvm::StringRef Value) {
  Value = Value.trim();
  // "__mutex@entry=0x..." is the value at entry; it equals the other here.
  if (size_t Eq = Value.find("@entry="); Eq != llvm::StringRef::npos)
    Value = Value.drop_front(Eq + 7);
  Value.consume_front("@"); // A reference: "@0x7204...: ...".
  llvm::StringRef Hex =
      Value.take_while([](char C) { return llvm::isHexDigit(C) || C == 'x'; });
  if (!Hex.starts_with("0x"))
    return std::nullopt;
  return hexNumber(Hex);
}

std::string gdbValueSymbol(llvm::StringRef Value) {
  size_t Open = Value.find(" <");
  if (Open == llvm::StringRef::npos || !Value.ends_with(">"))
    return {};
  return Value.slice(Open + 2, Value.size() - 1).str();
}

std::string gdbBaseName(llvm::StringRef Function) {
  std::string Name;
  int Angle = 0, Brace = 0;
  llvm::StringRef F = Function;
  for (size_t I = 0; I < F.size(); ++I) {
    char C = F[I];
    constexpr llvm::StringLiteral Anonymous = "(anonymous namespace)";
    if (F.substr(I).starts_with(Anonymous)) {
      if (Angle == 0 && Brace == 0)
        Name += Anonymous.str();
      I += Anonymous.size() - 1;
      continue;
    }
    if (F.substr(I).starts_with("operator") &&
        (I == 0 || !(llvm::isAlnum(F[I - 1]) || F[I - 1] == '_'))) {
      // "operator()", "operator<": the brackets are part of the name.
      size_t End = I + 8;
      if (F.substr(End).starts_with("()"))
        End += 2;
      else
        while (End < F.size() && llvm::StringRef("+-*/%^&|~!=<>,[]").contains(F[End]))
          ++End;
      if (Angle == 0 && Brace == 0)
        Name += F.slice(I, End).str();
      I = End - 1;
      continue;
    }
    if (C == '<') {
      ++Angle;
    } else if (C == '>' && Angle > 0) {
      --Angle;
    } else if (C == '{') {
      ++Brace;
    } else if (C == '}' && Brace > 0) {
      --Brace;
    } else if (Angle == 0 && Brace == 0) {
      if (C == '(')
        break;
      Name += C;
    }
  }
  return llvm::StringRef(Name).trim().str();
}

std::optional<GdbFrame> parseGdbFrameLine(llvm::StringRef Line) {
  Line = Line.rtrim();
  if (!Line.consume_front("#"))
    return std::nullopt;
  GdbFrame F;
  llvm::StringRef Digits = Line.take_while(llvm::isDigit);
  if (Digits.empty() || Digits.getAsInteger(10, F.Index))
    return std::nullopt;
  llvm::StringRef Rest = Line.drop_front(Digits.size()).ltrim();

  // "0x00005651de273cfd in " before the function of a non-inlined frame.
  if (Rest.starts_with("0x")) {
    size_t In = Rest.find(" in ");
    if (In == llvm::StringRef::npos)
      return std::nullopt;
    F.Pc = hexNumber(Rest.take_front(In)).value_or(0);
    Rest = Rest.drop_front(In + 4);
  }

  // The location at the end: " at FILE:LINE" or " from LIBRARY".
  size_t At = Rest.rfind(" at ");
  if (At != llvm::StringRef::npos) {
    llvm::StringRef Where = Rest.drop_front(At + 4);
    auto [File, LineText] = Where.rsplit(':');
    unsigned LineNo = 0;
    if (!File.empty() && !LineText.getAsInteger(10, LineNo) && !File.contains(')')) {
      F.File = File.str();
      F.Line = LineNo;
      Rest = Rest.take_front(At);
    }
  }
  if (F.File.empty()) {
    size_t From = Rest.rfind(" from ");
    if (From != llvm::StringRef::npos && !Rest.drop_front(From + 6).contains(' ')) {
      F.Library = Rest.drop_front(From + 6).str();
      Rest = Rest.take_front(From);
    }
  }

  // "FUNCTION (ARGUMENTS)"; FUNCTION itself may hold parentheses.
  Rest = Rest.rtrim();
  size_t Open = openingParen(Rest);
  if (Open == llvm::StringRef::npos) {
    F.Function = Rest.str();
    return F;
  }
  F.Function = Rest.take_front(Open).rtrim().str();
  llvm::StringRef ArgText = Rest.slice(Open + 1, Rest.size() - 1);
  for (llvm::StringRef Part : splitArguments(ArgText)) {
    auto [Name, Value] = Part.split('=');
    GdbArg A;
    A.Name = Name.trim().str();
    A.Value = Value.trim().str();
    // "__mutex=__mutex@entry=0x...": the value, without the entry form.
    std::string Entry = A.Name + "@entry=";
    if (llvm::StringRef(A.Value).starts_with(Entry))
      A.Value = A.Value.substr(Entry.size());
    F.Args.push_back(std::move(A));
  }
  return F;
}

GdbTranscript parseGdbTranscript(llvm::StringRef Text) {
  GdbTranscript T;
  enum class Part { Before, Stacks, After } Where = Part::Before;
  llvm::SmallVector<llvm::StringRef, 256> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Trimmed = Line.trim();
    if (Trimmed == StacksBegin) {
      Where = Part::Stacks;
      continue;
    }
    if (Trimmed == StacksEnd) {
      T.StacksComplete = Where == Part::Stacks;
      Where = Part::After;
      continue;
    }
    if (Where != Part::Stacks) {
      // stderr follows stdout, so gdb's complaints come after the markers.
      if (T.AttachError.empty() && isAttachError(Trimmed))
        T.AttachError = Trimmed.str();
      continue;
    }
    if (auto Header = parseThreadHeader(Trimmed)) {
      T.Threads.push_back(std::move(*Header));
    } else if (Trimmed.starts_with("#") && !T.Threads.empty()) {
      if (auto Frame = parseGdbFrameLine(Trimmed))
        T.Threads.back().Frames.push_back(std::move(*Frame));
    } else if (Trimmed.starts_with("(More stack frames follow") && !T.Threads.empty()) {
      T.Threads.back().MoreFrames = true;
    }
  }
  return T;
}

} // namespace racelab
