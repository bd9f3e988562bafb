//===- AnalysisConfig.cpp - User-supplied spawn, join and lock functions --===//
#include "AnalysisConfig.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"

namespace racelab {
namespace analysis {
namespace {

/// Walks the YAML nodes, collecting the first error with its position.
class ConfigReader {
public:
  ConfigReader(llvm::StringRef Source) : Source(Source) {}

  llvm::Expected<AnalysisConfig> read(llvm::StringRef Text) {
    SM.setDiagHandler(
        [](const llvm::SMDiagnostic &D, void *Ctx) {
          auto *Self = static_cast<ConfigReader *>(Ctx);
          if (Self->Error.empty())
            Self->Error = (Self->Source + ":" + llvm::Twine(D.getLineNo()) + ":" +
                           llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                              .str();
        },
        this);
    AnalysisConfig Config;
    llvm::yaml::Stream Stream(llvm::MemoryBufferRef(Text, Source), SM);
    for (llvm::yaml::Document &Doc : Stream) {
      llvm::yaml::Node *Root = Doc.getRoot();
      if (!Root || llvm::isa<llvm::yaml::NullNode>(Root))
        continue;
      auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Root);
      if (!Map) {
        fail(Root, "the configuration must be a mapping");
        break;
      }
      for (llvm::yaml::KeyValueNode &KV : *Map) {
        llvm::SmallString<32> KeyStorage;
        auto *Key = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(KV.getKey());
        if (!Key) {
          fail(KV.getKey(), "keys must be plain words");
          continue;
        }
        llvm::StringRef Name = Key->getValue(KeyStorage);
        if (Name == "spawn")
          readSpawns(KV.getValue(), Config);
        else if (Name == "join")
          readNames(KV.getValue(), Name, Config.JoinFunctions);
        else if (Name == "lock")
          readNames(KV.getValue(), Name, Config.LockFunctions);
        else if (Name == "unlock")
          readNames(KV.getValue(), Name, Config.UnlockFunctions);
        else if (Name == "guards")
          readNames(KV.getValue(), Name, Config.GuardClasses);
        else
          fail(Key, "unknown key '" + Name +
                        "'; expected spawn, join, lock, unlock or guards");
      }
    }
    if (!Error.empty())
      return llvm::createStringError(Error);
    return Config;
  }

private:
  void fail(llvm::yaml::Node *N, const llvm::Twine &Message) {
    if (!N) {
      if (Error.empty())
        Error = (Source + ": " + Message).str();
      return;
    }
    SM.PrintMessage(N->getSourceRange().Start, llvm::SourceMgr::DK_Error, Message);
  }

  std::string scalar(llvm::yaml::Node *N) {
    llvm::SmallString<64> Storage;
    if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N))
      return S->getValue(Storage).str();
    return {};
  }

  void readNames(llvm::yaml::Node *N, llvm::StringRef Key,
                 std::vector<std::string> &Out) {
    auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
    if (!Seq) {
      fail(N, "'" + Key + "' must be a list of function names");
      return;
    }
    for (llvm::yaml::Node &Item : *Seq) {
      std::string Name = scalar(&Item);
      if (Name.empty())
        fail(&Item, "every item of '" + Key + "' must be a name");
      else
        Out.push_back(Name);
    }
  }

  void readSpawns(llvm::yaml::Node *N, AnalysisConfig &Config) {
    auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
    if (!Seq) {
      fail(N, "'spawn' must be a list");
      return;
    }
    for (llvm::yaml::Node &Item : *Seq) {
      // A plain name, or {function: Name, callable_arg: N}.
      if (auto *S = llvm::dyn_cast<llvm::yaml::ScalarNode>(&Item)) {
        Config.SpawnFunctions.push_back({scalar(S), 0});
        continue;
      }
      auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(&Item);
      if (!Map) {
        fail(&Item, "a spawn entry is a name or {function: ..., callable_arg: N}");
        continue;
      }
      SpawnFunction F;
      for (llvm::yaml::KeyValueNode &KV : *Map) {
        std::string Key = scalar(KV.getKey());
        std::string Value = scalar(KV.getValue());
        if (Key == "function") {
          F.Name = Value;
        } else if (Key == "callable_arg") {
          if (llvm::StringRef(Value).getAsInteger(10, F.CallableArg))
            fail(KV.getValue(), "callable_arg must be a whole number");
        } else {
          fail(KV.getKey(), "unknown key '" + Key +
                                "' in a spawn entry; expected function, callable_arg");
        }
      }
      if (F.Name.empty())
        fail(&Item, "a spawn entry needs 'function'");
      else
        Config.SpawnFunctions.push_back(F);
    }
  }

  llvm::StringRef Source;
  llvm::SourceMgr SM;
  std::string Error;
};

} // namespace

llvm::Expected<AnalysisConfig> AnalysisConfig::fromYaml(llvm::StringRef Text,
                                                        llvm::StringRef Source) {
  return ConfigReader(Source).read(Text);
}

llvm::Expected<SpawnFunction> AnalysisConfig::parseSpawnSpec(llvm::StringRef Spec) {
  SpawnFunction F;
  // "ns::Pool::submit:1": the index is after the last single ':'.
  size_t Colon = Spec.rfind(':');
  if (Colon != llvm::StringRef::npos && Colon > 0 && Spec[Colon - 1] != ':' &&
      Colon + 1 < Spec.size()) {
    if (Spec.drop_front(Colon + 1).getAsInteger(10, F.CallableArg))
      return llvm::createStringError("bad spawn function '%s': expected "
                                     "Name or Name:ArgIndex",
                                     Spec.str().c_str());
    Spec = Spec.take_front(Colon);
  }
  if (Spec.empty())
    return llvm::createStringError("empty spawn function name");
  F.Name = Spec.str();
  return F;
}

void AnalysisConfig::append(const AnalysisConfig &Other) {
  auto Add = [](auto &To, const auto &From) {
    To.insert(To.end(), From.begin(), From.end());
  };
  Add(SpawnFunctions, Other.SpawnFunctions);
  Add(JoinFunctions, Other.JoinFunctions);
  Add(LockFunctions, Other.LockFunctions);
  Add(UnlockFunctions, Other.UnlockFunctions);
  Add(GuardClasses, Other.GuardClasses);
}

bool qualifiedNameMatches(llvm::StringRef Qualified, llvm::StringRef Pattern) {
  Pattern.consume_front("::");
  if (!Qualified.ends_with(Pattern))
    return false;
  if (Qualified.size() == Pattern.size())
    return true;
  return Qualified.drop_back(Pattern.size()).ends_with("::");
}

} // namespace analysis
} // namespace racelab
