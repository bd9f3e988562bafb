//===- YamlReader.h - Checked reading of a small YAML file ------*- C++ -*-===//
//
// The node-by-node reading shared by lesson.yaml and lab.yaml: LLVM's YAML
// parser with its syntax errors turned into LessonDiagnostics, and typed
// value readers (string, list of strings, bounded number, boolean) that
// report a wrong value at its exact line and column.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_LESSON_YAMLREADER_H
#define RACELAB_LESSON_YAMLREADER_H

#include "LessonDiagnostic.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace racelab {

/// One entry of a fixed word list a YAML file chooses from (bug classes,
/// rubric criteria, visibilities): the value and the word that names it.
template <typename T> struct IdName {
  T Value;
  llvm::StringLiteral Id;
};

template <typename T, size_t N>
std::optional<T> valueOfId(const IdName<T> (&Table)[N], llvm::StringRef Id) {
  for (const IdName<T> &E : Table)
    if (E.Id == Id)
      return E.Value;
  return std::nullopt;
}

template <typename T, size_t N>
llvm::StringRef idOfValue(const IdName<T> (&Table)[N], T Value, llvm::StringRef Fallback) {
  for (const IdName<T> &E : Table)
    if (E.Value == Value)
      return E.Id;
  return Fallback;
}

/// "a, b, c": the words of a table, for "expected one of ..." errors.
template <typename T, size_t N> std::string knownIds(const IdName<T> (&Table)[N]) {
  std::string Known;
  for (const IdName<T> &E : Table)
    Known += (Known.empty() ? "" : ", ") + E.Id.str();
  return Known;
}

class YamlReader {
public:
  YamlReader(llvm::StringRef Path, std::vector<LessonDiagnostic> &Errors);
  ~YamlReader();

  /// Parses Text and returns its top-level mapping, or null after reporting
  /// why not (a syntax error, an empty file: "empty FILE; " + EmptyHint).
  /// The nodes live as long as this reader.
  llvm::yaml::MappingNode *parseMapping(llvm::StringRef Text,
                                        const llvm::Twine &EmptyHint);

  /// The key of KV as a plain word, or nullopt after an error.
  std::optional<std::string> key(llvm::yaml::KeyValueNode &KV);

  std::optional<std::string> scalar(llvm::yaml::Node *N, llvm::StringRef Key);
  std::optional<std::vector<std::string>> stringList(llvm::yaml::Node *N,
                                                     llvm::StringRef Key);
  /// A number in [Min, Max]; Integer: a whole one.
  std::optional<double> number(llvm::yaml::Node *N, llvm::StringRef Key,
                               double Min, double Max, bool Integer);
  std::optional<bool> boolean(llvm::yaml::Node *N, llvm::StringRef Key);

  void error(llvm::SMLoc Loc, const llvm::Twine &Message);
  void error(llvm::yaml::Node *N, const llvm::Twine &Message);

  llvm::StringRef path() const { return Path; }
  size_t errorCount() const { return Errors.size(); }

private:
  std::string Path;
  std::vector<LessonDiagnostic> &Errors;
  llvm::SourceMgr SM;
  std::unique_ptr<llvm::yaml::Stream> Stream;
};

} // namespace racelab

#endif
