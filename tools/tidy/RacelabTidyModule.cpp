//===- RacelabTidyModule.cpp - The racelab clang-tidy module --------------===//
//
// Registers every check the analysis implements under its racecheck name
// (racelab-data-race, racelab-lock-order-inversion, ...), so
//   clang-tidy-19 --load=build/lib/racelab-tidy.so -checks='-*,racelab-*'
// shows the findings racecheck shows. The plugin links no clang-tidy
// library: ClangTidyCheck and the module registry come from the clang-tidy
// binary that loads it.
//
//===----------------------------------------------------------------------===//
#include "RacelabCheck.h"

#include "FindingMessages.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace racelab {
namespace tidy {

class RacelabModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    for (const analysis::CheckInfo &Info : analysis::implementedChecks())
      Factories.registerCheckFactory(
          Info.Name, [](llvm::StringRef Name, clang::tidy::ClangTidyContext *Context) {
            return std::make_unique<RacelabCheck>(Name, Context);
          });
  }
};

} // namespace tidy
} // namespace racelab

static clang::tidy::ClangTidyModuleRegistry::Add<racelab::tidy::RacelabModule>
    RacelabModuleRegistration("racelab-module", "RaceLab concurrency checks.");
