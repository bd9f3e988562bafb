//===- AbstractLocation.cpp - Memory as the analysis names it -------------===//
#include "AbstractLocation.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace racelab {
namespace analysis {

AbstractLocation AbstractLocation::global(const clang::VarDecl *V) {
  AbstractLocation L;
  L.Kind = RootKind::Global;
  L.Root = V->getCanonicalDecl();
  L.Name = V->getName().str();
  return L;
}

AbstractLocation AbstractLocation::local(const clang::VarDecl *V, unsigned Owner) {
  AbstractLocation L;
  L.Kind = RootKind::Local;
  L.Root = V->getCanonicalDecl();
  L.Owner = Owner;
  L.Name = V->getName().str();
  return L;
}

AbstractLocation AbstractLocation::heap(const clang::Expr *Site, unsigned Owner,
                                        std::string Name) {
  AbstractLocation L;
  L.Kind = RootKind::Heap;
  L.Root = Site;
  L.Owner = Owner;
  L.Name = std::move(Name);
  return L;
}

AbstractLocation AbstractLocation::field(const clang::FieldDecl *F) const {
  AbstractLocation L = *this;
  PathElement E;
  E.K = PathElement::Kind::Field;
  E.Field = F;
  L.Path.push_back(E);
  if (F->getIdentifier()) {
    // A heap object named after its pointer, "*S": its field is S->F.
    if (Path.empty() && llvm::StringRef(L.Name).starts_with("*") &&
        !llvm::StringRef(L.Name).ends_with(")"))
      L.Name = L.Name.substr(1) + "->" + F->getName().str();
    else
      L.Name += "." + F->getName().str();
  }
  return L;
}

AbstractLocation AbstractLocation::element(bool Slice, int64_t Index,
                                           std::string SliceKey,
                                           const clang::Expr *IndexExpr) const {
  AbstractLocation L = *this;
  PathElement E;
  E.K = PathElement::Kind::Element;
  E.Slice = Slice;
  E.Index = Index;
  E.IndexExpr = IndexExpr;
  E.SliceKey = Slice ? std::move(SliceKey) : std::string();
  L.Path.push_back(E);
  L.Name += Index >= 0 ? "[" + std::to_string(Index) + "]" : "[]";
  return L;
}

AbstractLocation AbstractLocation::structure() const {
  AbstractLocation L = *this;
  PathElement E;
  E.K = PathElement::Kind::Structure;
  L.Path.push_back(E);
  return L;
}

AbstractLocation AbstractLocation::variable() const {
  AbstractLocation L = *this;
  while (!L.Path.empty() && L.Path.back().K != PathElement::Kind::Field)
    L.Path.pop_back();
  // The name as written at the access, without the trailing "[]"s.
  while (llvm::StringRef(L.Name).ends_with("]")) {
    size_t Open = L.Name.rfind('[');
    if (Open == std::string::npos)
      break;
    L.Name.erase(Open);
  }
  return L;
}

bool AbstractLocation::reachesElement() const {
  for (const PathElement &E : Path)
    if (E.K == PathElement::Kind::Element)
      return true;
  return false;
}

bool AbstractLocation::operator<(const AbstractLocation &O) const {
  return std::tie(Kind, Root, Owner, CopyOf, Path) <
         std::tie(O.Kind, O.Root, O.Owner, O.CopyOf, O.Path);
}

bool AbstractLocation::overlaps(const AbstractLocation &O) const {
  if (!mayShareRoot(O))
    return false;
  size_t Common = std::min(Path.size(), O.Path.size());
  for (size_t I = 0; I < Common; ++I) {
    const PathElement &A = Path[I], &B = O.Path[I];
    if (A.K != B.K)
      return true; // Unions and casts: be careful, call it the same memory.
    if (A.K == PathElement::Kind::Field) {
      if (A.Field != B.Field)
        return false; // Distinct members never overlap.
      continue;
    }
    // Two threads' own slices are disjoint -- unless both come from the
    // same known values (two threads handed the same bounds).
    if (A.Slice && B.Slice) {
      bool SameKnownKey = !A.SliceKey.empty() && A.SliceKey == B.SliceKey &&
                          A.SliceKey.find('?') == std::string::npos;
      if (!SameKnownKey)
        return false;
      continue;
    }
    // And so are two different constant indices.
    if (A.Index >= 0 && B.Index >= 0 && A.Index != B.Index)
      return false;
  }
  return true; // One is a prefix of the other.
}

std::string AbstractLocation::key() const {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << static_cast<int>(Kind) << ':' << Root << ':' << Owner << ':' << CopyOf;
  for (const PathElement &E : Path) {
    if (E.K == PathElement::Kind::Field)
      OS << '.' << E.Field;
    else if (E.K == PathElement::Kind::Structure)
      OS << "{s}";
    else
      OS << (E.Slice ? "[s" + E.SliceKey + "]"
             : E.Index >= 0 ? "[" + std::to_string(E.Index) + "]"
                            : "[*]");
  }
  return OS.str();
}

} // namespace analysis
} // namespace racelab
