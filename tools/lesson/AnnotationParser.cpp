//===- AnnotationParser.cpp - Inline expectations in lesson sources -------===//
//
// Finds the comments of a C/C++ source with a small lexer (strings, character
// literals and raw strings are skipped so "expect-race" inside a literal is
// not a directive), then reads the expect-* directives inside them.
//
//===----------------------------------------------------------------------===//
#include "Annotation.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace racelab {
namespace {

struct KindInfo {
  AnnotationKind Kind;
  llvm::StringLiteral Name;
  bool NeedsLabel;
  llvm::StringLiteral LabelMeaning; ///< For the "needs a label" error.
};

constexpr KindInfo Kinds[] = {
    {AnnotationKind::Race, "race", true, "the variable"},
    {AnnotationKind::LockOrder, "lock-order", true, "the mutex"},
    {AnnotationKind::DoubleLock, "double-lock", true, "the mutex"},
    {AnnotationKind::UseAfterFree, "use-after-free", false, ""},
    {AnnotationKind::ThreadLeak, "thread-leak", false, ""},
    {AnnotationKind::UnjoinedThread, "unjoined-thread", false, ""},
    {AnnotationKind::DanglingCapture, "dangling-capture", true, "the local"},
    {AnnotationKind::CvWait, "cv-wait", false, ""},
    {AnnotationKind::Deadlock, "deadlock", false, ""},
};

const KindInfo &info(AnnotationKind Kind) {
  for (const KindInfo &I : Kinds)
    if (I.Kind == Kind)
      return I;
  llvm_unreachable("every kind is in the table");
}

/// A piece of comment text on one line, with the column of its first char.
struct CommentPiece {
  llvm::StringRef Text;
  unsigned Line;
  unsigned Column;
};

bool isIdentChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// Splits Source into the parts of its comments, one piece per line.
std::vector<CommentPiece> findComments(llvm::StringRef Source) {
  std::vector<CommentPiece> Pieces;
  unsigned Line = 1;
  size_t LineStart = 0;
  size_t I = 0;
  const size_t N = Source.size();
  auto Column = [&](size_t Pos) {
    return static_cast<unsigned>(Pos - LineStart + 1);
  };
  auto NewLine = [&](size_t Pos) {
    ++Line;
    LineStart = Pos + 1;
  };

  while (I < N) {
    char C = Source[I];
    if (C == '\n') {
      NewLine(I);
      ++I;
      continue;
    }
    // Line comment: up to the end of the line (a trailing backslash would
    // continue it, which lessons do not do; the next line is then code).
    if (C == '/' && I + 1 < N && Source[I + 1] == '/') {
      size_t End = Source.find('\n', I);
      if (End == llvm::StringRef::npos)
        End = N;
      Pieces.push_back({Source.slice(I + 2, End), Line, Column(I + 2)});
      I = End;
      continue;
    }
    if (C == '/' && I + 1 < N && Source[I + 1] == '*') {
      size_t Start = I + 2;
      size_t End = Source.find("*/", Start);
      size_t Stop = End == llvm::StringRef::npos ? N : End;
      size_t PieceStart = Start;
      for (size_t J = Start; J < Stop; ++J) {
        if (Source[J] == '\n') {
          Pieces.push_back(
              {Source.slice(PieceStart, J), Line, Column(PieceStart)});
          NewLine(J);
          PieceStart = J + 1;
        }
      }
      Pieces.push_back({Source.slice(PieceStart, Stop), Line, Column(PieceStart)});
      I = End == llvm::StringRef::npos ? N : End + 2;
      continue;
    }
    // Raw string literal: R"delim( ... )delim", possibly with a u8/u/U/L
    // prefix which the identifier check below lets through.
    if (C == 'R' && I + 1 < N && Source[I + 1] == '"' &&
        (I == 0 || !isIdentChar(Source[I - 1]) ||
         llvm::StringRef("u8uUL").contains(Source[I - 1]))) {
      size_t Open = Source.find('(', I + 2);
      if (Open != llvm::StringRef::npos) {
        std::string Close =
            (")" + Source.slice(I + 2, Open) + "\"").str();
        size_t End = Source.find(Close, Open + 1);
        size_t Stop = End == llvm::StringRef::npos ? N : End + Close.size();
        for (size_t J = I; J < Stop; ++J)
          if (Source[J] == '\n')
            NewLine(J);
        I = Stop;
        continue;
      }
    }
    if (C == '"' || C == '\'') {
      // Skip the literal; an unterminated one ends at the end of the line.
      size_t J = I + 1;
      while (J < N && Source[J] != C && Source[J] != '\n') {
        if (Source[J] == '\\' && J + 1 < N && Source[J + 1] != '\n')
          ++J;
        ++J;
      }
      I = (J < N && Source[J] == C) ? J + 1 : J;
      continue;
    }
    // A digit separator (1'000'000) is not a character literal.
    if (isIdentChar(C)) {
      while (I < N && (isIdentChar(Source[I]) ||
                       (Source[I] == '\'' && I + 1 < N &&
                        llvm::isAlnum(Source[I + 1]) && I > 0 &&
                        llvm::isDigit(Source[I - 1]))))
        ++I;
      continue;
    }
    ++I;
  }
  return Pieces;
}

std::string kindList() {
  std::string List;
  for (const KindInfo &I : Kinds) {
    if (!List.empty())
      List += ", ";
    List += "expect-" + I.Name.str();
  }
  return List;
}

class DirectiveReader {
public:
  DirectiveReader(llvm::StringRef FileName, unsigned LineCount,
                  AnnotationParseResult &Result)
      : FileName(FileName), LineCount(LineCount), Result(Result) {}

  void read(const CommentPiece &Piece) {
    llvm::StringRef Text = Piece.Text;
    size_t Pos = 0;
    while ((Pos = Text.find("expect-", Pos)) != llvm::StringRef::npos) {
      // Only a word of its own is a directive ("unexpect-ed" is not).
      if (Pos > 0 && (isIdentChar(Text[Pos - 1]) || Text[Pos - 1] == '-')) {
        Pos += 7;
        continue;
      }
      Pos = readOne(Piece, Pos);
    }
  }

private:
  void error(unsigned Line, unsigned Column, std::string Message) {
    Result.Errors.push_back({FileName.str(), Line, Column, std::move(Message)});
  }

  /// Reads the directive starting at Text[Pos] ("expect-..."); returns the
  /// position after it.
  size_t readOne(const CommentPiece &Piece, size_t Pos) {
    llvm::StringRef Text = Piece.Text;
    unsigned Column = Piece.Column + static_cast<unsigned>(Pos);
    size_t I = Pos + 7;
    size_t NameStart = I;
    while (I < Text.size() &&
           (llvm::isAlnum(Text[I]) || Text[I] == '-' || Text[I] == '_'))
      ++I;
    llvm::StringRef Name = Text.slice(NameStart, I);
    std::optional<AnnotationKind> Kind = annotationKindFromName(Name);
    if (!Kind) {
      error(Piece.Line, Column,
            "unknown annotation 'expect-" + Name.str() +
                "'; expected one of " + kindList());
      return I;
    }

    Annotation A;
    A.Kind = *Kind;
    A.SourceLine = Piece.Line;
    A.Line = Piece.Line;
    A.Column = Column;

    if (I < Text.size() && Text[I] == '@') {
      ++I;
      size_t NumStart = I;
      bool Relative = I < Text.size() && (Text[I] == '+' || Text[I] == '-');
      if (Relative)
        ++I;
      while (I < Text.size() && llvm::isDigit(Text[I]))
        ++I;
      llvm::StringRef Spec = Text.slice(NumStart, I);
      llvm::StringRef Digits = Relative ? Spec.drop_front() : Spec;
      unsigned Value = 0;
      if (Digits.empty() || Digits.getAsInteger(10, Value)) {
        error(Piece.Line, Column,
              "bad line offset in 'expect-" + Name.str() +
                  "@': write @+N, @-N or @LINE");
        return I;
      }
      long Target = !Relative ? static_cast<long>(Value)
                    : Spec[0] == '+'
                        ? static_cast<long>(Piece.Line) + Value
                        : static_cast<long>(Piece.Line) - Value;
      if (Target < 1 || Target > static_cast<long>(LineCount)) {
        error(Piece.Line, Column,
              "'expect-" + Name.str() + "@" + Spec.str() +
                  "' points at line " + std::to_string(Target) +
                  ", outside the file (1-" + std::to_string(LineCount) + ")");
        return I;
      }
      A.Line = static_cast<unsigned>(Target);
    }

    // ": Label" names what the line is about; text after the label is free
    // explanation for the reader.
    size_t AfterName = I;
    llvm::StringRef Rest = Text.drop_front(I);
    if (Rest.consume_front(":")) {
      llvm::StringRef Label = Rest.ltrim();
      Label = Label.take_until([](char C) {
        return llvm::isSpace(C) || C == ',' || C == ';';
      });
      A.Label = Label.str();
      I = static_cast<size_t>(Label.end() - Text.begin());
      if (Label.starts_with("expect-")) {
        A.Label.clear();
        I = static_cast<size_t>(Label.begin() - Text.begin());
      }
    } else if (!Rest.empty() && !llvm::isSpace(Rest[0]) && Rest[0] != ',' &&
               Rest[0] != ';') {
      error(Piece.Line, Column + static_cast<unsigned>(AfterName - Pos),
            "expected ':' or '@' after 'expect-" + Name.str() + "'");
      return I;
    }

    const KindInfo &Info = info(A.Kind);
    if (Info.NeedsLabel && A.Label.empty()) {
      error(Piece.Line, Column,
            "'expect-" + Name.str() + "' needs a label naming " +
                Info.LabelMeaning.str() + ", e.g. 'expect-" + Name.str() +
                ": Counter'");
      return I;
    }
    Result.Annotations.push_back(std::move(A));
    return I;
  }

  llvm::StringRef FileName;
  unsigned LineCount;
  AnnotationParseResult &Result;
};

} // namespace

llvm::StringRef annotationKindName(AnnotationKind Kind) {
  return info(Kind).Name;
}

std::optional<AnnotationKind> annotationKindFromName(llvm::StringRef Name) {
  for (const KindInfo &I : Kinds)
    if (I.Name == Name)
      return I.Kind;
  return std::nullopt;
}

llvm::ArrayRef<AnnotationKind> allAnnotationKinds() {
  static const std::vector<AnnotationKind> All = [] {
    std::vector<AnnotationKind> Result;
    for (const KindInfo &I : Kinds)
      Result.push_back(I.Kind);
    return Result;
  }();
  return All;
}

AnnotationParseResult parseAnnotations(llvm::StringRef Source,
                                       llvm::StringRef FileName) {
  AnnotationParseResult Result;
  unsigned LineCount = static_cast<unsigned>(Source.count('\n')) +
                       (Source.empty() || Source.ends_with("\n") ? 0 : 1);
  DirectiveReader Reader(FileName, LineCount, Result);
  for (const CommentPiece &Piece : findComments(Source))
    Reader.read(Piece);
  return Result;
}

} // namespace racelab
