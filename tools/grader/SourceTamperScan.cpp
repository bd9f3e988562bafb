//===- SourceTamperScan.cpp - Tampering in the preprocessed source --------===//
//
// scanPreprocessedSource: a small lexer over clang's -E output follows the
// line markers, keeps the tokens of the submission's own lines (with their
// real line numbers) and decodes its string literals; a checker then looks
// the identifiers and the joined literals up in the rule tables
// (TamperRules.h). Line markers that rename the submission's lines are
// findings of their own.
//
//===----------------------------------------------------------------------===//
#include "TamperRules.h"
#include "TamperScan.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cstring>
#include <optional>

using namespace llvm;
using namespace racelab::tamper;

namespace racelab {
namespace {

struct Token {
  enum KindTy { Identifier, String, Punct } Kind;
  std::string Text; ///< Spelling; decoded contents for strings.
  unsigned Line;
};

bool isIdentStart(char C) { return isAlpha(C) || C == '_' || C == '$'; }
bool isIdentChar(char C) { return isAlnum(C) || C == '_' || C == '$'; }

/// Where the lexer is: the file and line the markers say, and whether that
/// is the submission.
struct Location {
  std::string File;
  unsigned Line = 1;
  bool InSubmission = false;
};

class PreprocessedLexer {
public:
  PreprocessedLexer(StringRef Text, StringRef Submission)
      : Text(Text), Submission(Submission) {}

  /// Tokens of the submission's lines, plus findings about line markers that
  /// rename its lines.
  void run(std::vector<Token> &Tokens, std::vector<RankedFinding> &Found);

private:
  bool isSubmission(StringRef File) const;
  bool lexLineMarker(std::vector<RankedFinding> &Found);
  void lexString(size_t Start, bool Raw, std::vector<Token> &Tokens);
  void lexCharLiteral();
  void lexNumber();
  bool skipComment();
  void newline() { ++Loc.Line; }
  void emit(std::vector<Token> &Tokens, Token::KindTy Kind, std::string Text,
            unsigned Line) {
    if (Loc.InSubmission)
      Tokens.push_back({Kind, std::move(Text), Line});
  }

  StringRef Text;
  StringRef Submission;
  size_t Pos = 0;
  Location Loc;
};

bool PreprocessedLexer::isSubmission(StringRef File) const {
  if (File == Submission)
    return true;
  // The grader may name the file by path while clang names it as given on
  // the command line (or the other way round).
  return sys::path::filename(File) == sys::path::filename(Submission) &&
         (File.ends_with("/" + Submission.str()) ||
          Submission.ends_with("/" + File.str()));
}

/// Parses `# <line> "<file>" <flags>` at Pos. A marker that switches to
/// another file without entering or leaving one is a #line directive (or a
/// hand-written marker) in the submission: it would make its lines look
/// like a system header's, so it is a finding, and the lines stay the
/// submission's.
bool PreprocessedLexer::lexLineMarker(std::vector<RankedFinding> &Found) {
  StringRef Rest = Text.substr(Pos);
  StringRef Line = Rest.take_until([](char C) { return C == '\n'; });
  StringRef Body = Line.drop_front(1).ltrim(" \t");
  if (Body.consume_front("line"))
    Body = Body.ltrim(" \t");
  unsigned Number = 0;
  if (Body.consumeInteger(10, Number))
    return false;
  Body = Body.ltrim(" \t");
  std::string File = Loc.File;
  if (Body.consume_front("\"")) {
    File.clear();
    size_t I = 0;
    for (; I < Body.size() && Body[I] != '"'; ++I) {
      if (Body[I] == '\\' && I + 1 < Body.size())
        ++I;
      File += Body[I];
    }
    Body = Body.drop_front(std::min(I + 1, Body.size()));
  }
  SmallVector<StringRef, 4> Flags;
  Body.split(Flags, ' ', -1, /*KeepEmpty=*/false);
  bool Enters = llvm::is_contained(Flags, "1");
  bool Leaves = llvm::is_contained(Flags, "2");
  unsigned MarkerLine = Loc.Line;
  bool WasSubmission = Loc.InSubmission;
  bool Renamed = !Enters && !Leaves && File != Loc.File && !Loc.File.empty();
  if (Renamed && WasSubmission)
    Found.push_back(
        {MarkerLine,
         {"uses a #line directive or line marker, which makes the "
          "following lines look like another file's",
          (sys::path::filename(Loc.File) + ":" + Twine(MarkerLine)).str()}});
  // A renamed submission line keeps its real number: the marker stands in
  // for the directive's own line.
  bool Ignored = Renamed && WasSubmission;
  Loc.InSubmission = Ignored || isSubmission(File);
  Loc.File = Ignored ? Loc.File : File;
  Loc.Line = Ignored ? MarkerLine + 1 : Number;
  Pos += Line.size() + (Line.size() < Rest.size() ? 1 : 0);
  return true;
}

/// Decodes the escapes a cheat could hide a name behind ("\x54SAN...").
std::string decodeEscapes(StringRef Body) {
  std::string Out;
  for (size_t I = 0; I < Body.size(); ++I) {
    if (Body[I] != '\\' || I + 1 == Body.size()) {
      Out += Body[I];
      continue;
    }
    char C = Body[++I];
    unsigned Value = 0;
    if (C == 'x') {
      while (I + 1 < Body.size() && isHexDigit(Body[I + 1]))
        Value = Value * 16 + hexDigitValue(Body[++I]);
      Out += static_cast<char>(Value);
    } else if (C >= '0' && C <= '7') {
      Value = C - '0';
      for (int N = 0; N < 2 && I + 1 < Body.size() && Body[I + 1] >= '0' &&
                      Body[I + 1] <= '7';
           ++N)
        Value = Value * 8 + (Body[++I] - '0');
      Out += static_cast<char>(Value);
    } else {
      Out += C == 'n' ? '\n' : C == 't' ? '\t' : C;
    }
  }
  return Out;
}

/// Start is the opening quote; Raw says the prefix ended in R.
void PreprocessedLexer::lexString(size_t Start, bool Raw,
                                  std::vector<Token> &Tokens) {
  unsigned Line = Loc.Line;
  size_t I = Start + 1;
  std::string Body;
  if (Raw) {
    size_t Paren = Text.find('(', I);
    std::string Close =
        (")" + Text.slice(I, Paren == StringRef::npos ? Text.size() : Paren) +
         "\"")
            .str();
    size_t End =
        Paren == StringRef::npos ? Text.size() : Text.find(Close, Paren);
    End = End == StringRef::npos ? Text.size() : End;
    Body = Text.slice(std::min(Paren + 1, End), End).str();
    Loc.Line += llvm::count(Body, '\n');
    Pos = std::min(Text.size(), End + Close.size());
  } else {
    while (I < Text.size() && Text[I] != '"' && Text[I] != '\n')
      I += Text[I] == '\\' ? 2 : 1;
    I = std::min(I, Text.size());
    Body = decodeEscapes(Text.slice(Start + 1, I));
    Pos = std::min(Text.size(), I + 1);
  }
  emit(Tokens, Token::String, std::move(Body), Line);
}

void PreprocessedLexer::lexCharLiteral() {
  size_t I = Pos + 1;
  while (I < Text.size() && Text[I] != '\'' && Text[I] != '\n')
    I += Text[I] == '\\' ? 2 : 1;
  Pos = std::min(Text.size(), I + 1);
}

/// A pp-number (1'000, 0x1p-3, 1e+5): skipped whole so its letters are not
/// taken for identifiers.
void PreprocessedLexer::lexNumber() {
  ++Pos;
  while (Pos < Text.size()) {
    char C = Text[Pos];
    bool Sign = (C == '+' || C == '-') && strchr("eEpP", Text[Pos - 1]);
    bool Quote = C == '\'' && Pos + 1 < Text.size() && isAlnum(Text[Pos + 1]);
    if (!isIdentChar(C) && C != '.' && !Sign && !Quote)
      break;
    ++Pos;
  }
}

/// clang -E drops comments unless given -C; skip them in case it was.
bool PreprocessedLexer::skipComment() {
  StringRef Rest = Text.substr(Pos);
  if (Rest.starts_with("//")) {
    Pos += Rest.find('\n') == StringRef::npos ? Rest.size() : Rest.find('\n');
    return true;
  }
  if (!Rest.starts_with("/*"))
    return false;
  size_t End = Rest.find("*/", 2);
  StringRef Comment =
      Rest.take_front(End == StringRef::npos ? Rest.size() : End + 2);
  Loc.Line += llvm::count(Comment, '\n');
  Pos += Comment.size();
  return true;
}

void PreprocessedLexer::run(std::vector<Token> &Tokens,
                            std::vector<RankedFinding> &Found) {
  bool AtLineStart = true;
  while (Pos < Text.size()) {
    char C = Text[Pos];
    if (C == '\n') {
      newline();
      ++Pos;
      AtLineStart = true;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v') {
      ++Pos;
      continue;
    }
    if (AtLineStart && C == '#' && lexLineMarker(Found))
      continue;
    AtLineStart = false;
    if (skipComment())
      continue;
    if (isIdentStart(C)) {
      size_t Start = Pos;
      while (Pos < Text.size() && isIdentChar(Text[Pos]))
        ++Pos;
      StringRef Ident = Text.slice(Start, Pos);
      bool Prefix = is_contained(
          {"R", "u8R", "uR", "UR", "LR", "u8", "u", "U", "L"}, Ident);
      if (Prefix && Pos < Text.size() && Text[Pos] == '"')
        lexString(Pos, Ident.ends_with("R"), Tokens);
      else if (Prefix && Pos < Text.size() && Text[Pos] == '\'')
        lexCharLiteral();
      else
        emit(Tokens, Token::Identifier, Ident.str(), Loc.Line);
      continue;
    }
    if (isDigit(C) ||
        (C == '.' && Pos + 1 < Text.size() && isDigit(Text[Pos + 1]))) {
      lexNumber();
      continue;
    }
    if (C == '"') {
      lexString(Pos, /*Raw=*/false, Tokens);
      continue;
    }
    if (C == '\'') {
      lexCharLiteral();
      continue;
    }
    StringRef Rest = Text.substr(Pos);
    size_t Len = Rest.starts_with("::") || Rest.starts_with("->") ? 2 : 1;
    emit(Tokens, Token::Punct, Rest.take_front(Len).str(), Loc.Line);
    Pos += Len;
  }
}

/// Keywords after which a name is used in an expression, not declared.
bool isExpressionKeyword(StringRef Word) {
  return is_contained({"return", "throw", "co_return", "co_await", "co_yield",
                       "else", "do", "case", "sizeof", "decltype", "noexcept"},
                      Word);
}

/// A C library name counts when it is called or its address taken (system(,
/// std::system(, &system), not when it names a member or a variable
/// (Bank system(3); acct.system()).
bool isLibraryUse(ArrayRef<Token> Tokens, size_t I) {
  const Token *Prev = I > 0 ? &Tokens[I - 1] : nullptr;
  const Token *Next = I + 1 < Tokens.size() ? &Tokens[I + 1] : nullptr;
  if (Prev && Prev->Kind == Token::Punct &&
      (Prev->Text == "." || Prev->Text == "->"))
    return false;
  if (Prev && Prev->Kind == Token::Identifier &&
      !isExpressionKeyword(Prev->Text))
    return false;
  bool Called = Next && Next->Kind == Token::Punct && Next->Text == "(";
  bool Addressed = Prev && Prev->Kind == Token::Punct &&
                   (Prev->Text == "&" || Prev->Text == "::");
  return Called || Addressed;
}

StringRef stripGnuUnderscores(StringRef Ident) {
  if (Ident.size() > 4 && Ident.starts_with("__") && Ident.ends_with("__"))
    return Ident.drop_front(2).drop_back(2);
  if (Ident.size() > 2 && Ident.starts_with("__"))
    return Ident.drop_front(2);
  return Ident;
}

class SourceChecker {
public:
  SourceChecker(ArrayRef<Token> Tokens, StringRef FileName,
                std::vector<RankedFinding> &Found)
      : Tokens(Tokens), FileName(FileName), Found(Found) {}

  void run() {
    for (size_t I = 0; I < Tokens.size(); ++I) {
      if (Tokens[I].Kind == Token::Identifier)
        checkIdentifier(I);
      else if (Tokens[I].Kind == Token::String)
        I = checkStrings(I);
    }
  }

private:
  void add(unsigned Line, std::string What) {
    Found.push_back(
        {Line, {std::move(What), (FileName + ":" + Twine(Line)).str()}});
  }

  void checkIdentifier(size_t I) {
    const Token &T = Tokens[I];
    if (const NameRule *R = findRule(SourceRules, stripGnuUnderscores(T.Text)))
      add(T.Line, sentence("uses", T.Text, R->Why));
    else if (const NameRule *R = findRule(SanitizerRules, T.Text))
      add(T.Line, sentence("uses", T.Text, R->Why));
    else if (const NameRule *R = findRule(ProcessRules, T.Text);
             R && isLibraryUse(Tokens, I))
      add(T.Line, sentence("uses", T.Text, R->Why));
    else if (T.Text == "extern" && I + 1 < Tokens.size() &&
             Tokens[I + 1].Kind == Token::String && Tokens[I + 1].Text == "C")
      add(T.Line, "declares functions with C linkage (extern \"C\"), which "
                  "can replace functions of the C library, of pthreads or "
                  "of ThreadSanitizer");
  }

  /// Joins the adjacent literals starting at I, as the compiler will, and
  /// checks them once; returns the index of the last one.
  size_t checkStrings(size_t I) {
    unsigned Line = Tokens[I].Line;
    std::string Joined;
    size_t J = I;
    for (; J < Tokens.size() && Tokens[J].Kind == Token::String; ++J)
      Joined += Tokens[J].Text;
    checkLiteral(Line, Joined);
    return J - 1;
  }

  void checkLiteral(unsigned Line, StringRef Literal) {
    if (std::optional<std::string> What = checkString(Literal))
      add(Line, std::move(*What));
  }

  ArrayRef<Token> Tokens;
  std::string FileName;
  std::vector<RankedFinding> &Found;
};

} // namespace

std::vector<TamperFinding> scanPreprocessedSource(StringRef Preprocessed,
                                                  StringRef SubmissionName) {
  std::vector<Token> Tokens;
  std::vector<RankedFinding> Found;
  PreprocessedLexer(Preprocessed, SubmissionName).run(Tokens, Found);
  SourceChecker(Tokens, sys::path::filename(SubmissionName), Found).run();
  return sortAndDedupe(Found);
}

} // namespace racelab
