//===- Frame.cpp - One activation of a function the analysis walks --------===//
#include "Frame.h"

#include "llvm/Support/raw_ostream.h"

namespace racelab {
namespace analysis {

std::string Frame::key() const {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << Function << '@' << Context << (InLoop ? "L" : "") << (LocksOnly ? "K" : "") << "o" << Outer;
  if (This)
    OS << "t" << This->key();
  for (const auto &[V, L] : Referents)
    OS << "r" << V << "=" << L.key();
  for (const auto &[V, L] : Pointees)
    OS << "p" << V << "=" << L.key();
  for (const clang::ValueDecl *V : Private) {
    OS << "v" << V;
    auto It = PrivateKey.find(V);
    if (It != PrivateKey.end())
      OS << "=" << It->second;
  }
  for (const clang::ValueDecl *V : ByCopy)
    OS << "c" << V;
  for (const auto &[Fd, L] : MemberReferents)
    OS << "mr" << Fd << "=" << L.key();
  for (const auto &[Fd, L] : MemberPointees)
    OS << "mp" << Fd << "=" << L.key();
  return OS.str();
}

} // namespace analysis
} // namespace racelab
