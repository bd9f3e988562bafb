//===- YamlReader.cpp - Checked reading of a small YAML file --------------===//
//
// Walks the file with LLVM's YAML parser node by node (rather than through
// yaml::IO mapping traits) so that every error points at the exact key or
// value it is about.
//
//===----------------------------------------------------------------------===//
#include "YamlReader.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace racelab {

YamlReader::YamlReader(llvm::StringRef Path,
                       std::vector<LessonDiagnostic> &Errors)
    : Path(Path.str()), Errors(Errors) {
  // The parser reports syntax errors through the SourceMgr; collect them as
  // our own diagnostics instead of printing.
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        auto *Self = static_cast<YamlReader *>(Ctx);
        LessonDiagnostic Diag;
        Diag.File = Self->Path;
        Diag.Line = static_cast<unsigned>(D.getLineNo());
        Diag.Column = static_cast<unsigned>(D.getColumnNo() + 1);
        Diag.Message = D.getMessage().str();
        Self->Errors.push_back(std::move(Diag));
      },
      this);
}

YamlReader::~YamlReader() = default;

void YamlReader::error(llvm::SMLoc Loc, const llvm::Twine &Message) {
  LessonDiagnostic D;
  D.File = Path;
  if (Loc.isValid()) {
    auto [Line, Col] = SM.getLineAndColumn(Loc);
    D.Line = Line;
    D.Column = Col;
  }
  D.Message = Message.str();
  Errors.push_back(std::move(D));
}

void YamlReader::error(llvm::yaml::Node *N, const llvm::Twine &Message) {
  error(N ? N->getSourceRange().Start : llvm::SMLoc(), Message);
}

llvm::yaml::MappingNode *YamlReader::parseMapping(llvm::StringRef Text,
                                                  const llvm::Twine &EmptyHint) {
  llvm::StringRef Name = llvm::sys::path::filename(Path);
  size_t ErrorsBefore = Errors.size();
  Stream = std::make_unique<llvm::yaml::Stream>(
      llvm::MemoryBufferRef(Text, Path), SM);
  llvm::yaml::document_iterator Doc = Stream->begin();
  if (Doc == Stream->end() || !Doc->getRoot() ||
      llvm::isa<llvm::yaml::NullNode>(Doc->getRoot())) {
    error(llvm::SMLoc(), "empty " + Name + "; " + EmptyHint);
    return nullptr;
  }
  auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Doc->getRoot());
  if (!Map && Errors.size() == ErrorsBefore)
    error(Doc->getRoot(), Name + " must be a mapping of keys to values");
  return Map;
}

std::optional<std::string> YamlReader::key(llvm::yaml::KeyValueNode &KV) {
  auto *KeyNode = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(KV.getKey());
  if (!KeyNode) {
    error(KV.getKey(), "keys of " + llvm::sys::path::filename(Path) +
                           " must be plain words");
    return std::nullopt;
  }
  llvm::SmallString<32> Storage;
  return KeyNode->getValue(Storage).str();
}

std::optional<std::string> YamlReader::scalar(llvm::yaml::Node *N,
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
YamlReader::stringList(llvm::yaml::Node *N, llvm::StringRef Key) {
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

std::optional<double> YamlReader::number(llvm::yaml::Node *N,
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

std::optional<bool> YamlReader::boolean(llvm::yaml::Node *N,
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

} // namespace racelab
