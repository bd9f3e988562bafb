//===- FlowState.cpp - What holds at a program point ----------------------===//
#include "FlowState.h"

#include <algorithm>
#include <iterator>

namespace racelab {
namespace analysis {

void FlowState::acquire(const AbstractLocation &Mutex, bool Shared,
                        clang::SourceLocation At, bool Pseudo, unsigned Depth) {
  HeldLock L{Mutex, Shared, At, Pseudo, Depth};
  auto It = std::lower_bound(Locks.begin(), Locks.end(), L);
  if (It != Locks.end() && *It == L) {
    ++It->Count;
    return;
  }
  Locks.insert(It, L);
}

void FlowState::release(const AbstractLocation &Mutex) {
  // One release undoes one acquisition: the caller's hold survives a
  // helper that locked and released the same mutex again.
  for (HeldLock &L : Locks)
    if (L.Mutex == Mutex && L.Count > 1) {
      --L.Count;
      return;
    }
  Locks.erase(std::remove_if(Locks.begin(), Locks.end(),
                             [&](const HeldLock &L) { return L.Mutex == Mutex; }),
              Locks.end());
}

bool FlowState::holds(const AbstractLocation &Mutex) const {
  return std::any_of(Locks.begin(), Locks.end(),
                     [&](const HeldLock &L) { return L.Mutex == Mutex; });
}

template <typename Set> static Set intersect(const Set &A, const Set &B) {
  Set Out;
  std::set_intersection(A.begin(), A.end(), B.begin(), B.end(),
                        std::inserter(Out, Out.end()));
  return Out;
}

void FlowState::join(const FlowState &Other) {
  std::vector<HeldLock> Common;
  std::set_intersection(Locks.begin(), Locks.end(), Other.Locks.begin(),
                        Other.Locks.end(), std::back_inserter(Common));
  Locks = std::move(Common);
  Live.insert(Other.Live.begin(), Other.Live.end());
  // A guard known on only one path is dropped: its destructor then releases
  // nothing we track, which errs towards "lock not held".
  for (auto It = Guards.begin(); It != Guards.end();) {
    auto O = Other.Guards.find(It->first);
    if (O == Other.Guards.end() || O->second.size() != It->second.size())
      It = Guards.erase(It);
    else
      ++It;
  }
  Acquired = intersect(Acquired, Other.Acquired);
}

bool FlowState::operator==(const FlowState &O) const {
  return Locks == O.Locks && Live == O.Live && Acquired == O.Acquired &&
         Guards.size() == O.Guards.size() &&
         std::equal(Guards.begin(), Guards.end(), O.Guards.begin(),
                    [](const auto &A, const auto &B) {
                      return A.first == B.first && A.second == B.second;
                    });
}

std::string FlowState::key() const {
  std::string K = "L";
  for (const HeldLock &L : Locks)
    K += L.Mutex.key() + (L.Shared ? "s," : "x,");
  K += "T";
  for (unsigned T : Live)
    K += std::to_string(T) + ",";
  K += "G";
  for (const auto &[V, Ms] : Guards) {
    K += std::to_string(reinterpret_cast<uintptr_t>(V)) + "=";
    for (const AbstractLocation &M : Ms)
      K += M.key() + ";";
  }
  K += "A";
  for (unsigned S : Acquired)
    K += std::to_string(S) + ",";
  return K;
}

} // namespace analysis
} // namespace racelab
