//===- ReportPrinter.cpp - Show TSan reports to people and tools ----------===//
#include "ReportPrinter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace racelab {
namespace {

std::string accessVerb(const TsanAccess &A) {
  std::string S = A.IsPrevious ? "previous " : "";
  if (A.IsAtomic)
    S += "atomic ";
  if (!A.ExternalObject.empty())
    return S + (A.IsWrite ? "modifying" : "read-only") + " access of " +
           A.ExternalObject;
  S += A.IsWrite ? "write" : "read";
  return S + " of size " + std::to_string(A.Size);
}

std::string heldMutexes(const std::vector<TsanHeldMutex> &Held) {
  if (Held.empty())
    return "holding no mutex";
  std::vector<std::string> Parts;
  for (const TsanHeldMutex &M : Held)
    Parts.push_back("M" + std::to_string(M.Id) + (M.Exclusive ? "" : " (shared)"));
  return "holding " + llvm::join(Parts, ", ");
}

} // namespace

std::string ReportPrinter::displayPath(const std::string &Path) const {
  llvm::StringRef P(Path);
  if (!Options.BaseDir.empty()) {
    std::string Base = Options.BaseDir;
    if (!llvm::StringRef(Base).ends_with("/"))
      Base += "/";
    if (P.starts_with(Base))
      return P.drop_front(Base.size()).str();
  }
  return Path;
}

std::string ReportPrinter::place(const TsanFrame &F) const {
  std::string S = F.File.empty() ? "<unknown>" : displayPath(F.File);
  if (F.Line)
    S += ":" + std::to_string(F.Line);
  if (F.Column)
    S += ":" + std::to_string(F.Column);
  if (!F.Function.empty())
    S += " in " + F.Function;
  return S;
}

void ReportPrinter::printStack(llvm::raw_ostream &OS, const TsanStack &S,
                               llvm::StringRef Indent) const {
  if (S.RestoreFailed) {
    OS << Indent << "(stack not available: TSan's history of this thread was "
                    "overwritten)\n";
    return;
  }
  unsigned Shown = 0;
  for (const TsanFrame &F : S.Frames) {
    if (!Filter.isUserFrame(F))
      continue;
    OS << Indent << (Shown == 0 ? "at " : "called from ") << place(F) << "\n";
    if (++Shown == Options.FramesPerStack)
      break;
  }
  if (Shown == 0) {
    // Only library frames: show the innermost one so the reader still
    // learns something (e.g. "in pthread_mutex_lock").
    if (!S.Frames.empty())
      OS << Indent << "in library code: " << place(S.Frames.front()) << "\n";
    else
      OS << Indent << "(no stack)\n";
  }
}

void ReportPrinter::printText(llvm::raw_ostream &OS, const TsanReport &R) const {
  OS << R.KindText;
  if (R.Truncated)
    OS << " (the report was cut short)";
  OS << "\n";
  if (R.Signal)
    OS << "  in the handler of signal " << R.Signal << "\n";
  for (size_t I = 0; I < R.Stacks.size(); ++I) {
    OS << (I == 0 ? "  happened here:\n" : "  and:\n");
    printStack(OS, R.Stacks[I], "      ");
  }
  for (const TsanAccess &A : R.Accesses) {
    OS << "  " << accessVerb(A) << " by " << A.Thread.str() << ", "
       << heldMutexes(A.Mutexes) << "\n";
    printStack(OS, A.Stack, "      ");
  }
  if (!R.Cycle.empty()) {
    std::vector<std::string> Ids;
    for (unsigned Id : R.Cycle)
      Ids.push_back("M" + std::to_string(Id));
    OS << "  lock cycle: " << llvm::join(Ids, " -> ") << " -> M" << R.Cycle.front()
       << "\n";
  }
  for (const TsanLockEdge &E : R.LockEdges) {
    OS << "  " << E.Thread.str() << " locks M" << E.Acquired << " while holding M"
       << E.Held << "\n";
    printStack(OS, E.AcquiredAt, "      ");
    // Both acquisitions of each edge make the inversion readable: where the
    // other mutex is asked for under the held one, then where the held one
    // was taken. Without the second, say how to get it.
    OS << "    M" << E.Held << " was locked\n";
    if (!E.HeldAcquiredAt.Frames.empty())
      printStack(OS, E.HeldAcquiredAt, "      ");
    else
      OS << "      (not in the report: TSan prints it with "
            "second_deadlock_stack=1)\n";
  }
  if (R.Sleep) {
    OS << "  the threads only seemed ordered by a sleep:\n";
    printStack(OS, *R.Sleep, "      ");
  }
  for (const TsanLocation &L : R.Locations) {
    OS << "  location: " << llvm::StringRef(L.Text).drop_front(
                                 llvm::StringRef(L.Text).starts_with("Location is ")
                                     ? 12
                                     : 0)
       << "\n";
    if (!L.Stack.Frames.empty())
      printStack(OS, L.Stack, "      ");
  }
  for (const TsanMutex &M : R.Mutexes) {
    OS << "  mutex M" << M.Id << " created\n";
    printStack(OS, M.Creation, "      ");
  }
  for (const TsanThread &T : R.Threads) {
    OS << "  thread T" << T.Id;
    if (!T.Name.empty())
      OS << " '" << T.Name << "'";
    OS << " created by " << T.Parent.str() << "\n";
    printStack(OS, T.Creation, "      ");
  }
  if (R.SimilarCount)
    OS << "  and " << R.SimilarCount << " more similar thread leaks\n";
}

llvm::json::Value ReportPrinter::stackToJSON(const TsanStack &S) const {
  llvm::json::Array Frames;
  for (const TsanFrame &F : S.Frames) {
    if (!Filter.isUserFrame(F))
      continue;
    Frames.push_back(llvm::json::Object{{"function", F.Function},
                                        {"file", displayPath(F.File)},
                                        {"line", F.Line},
                                        {"column", F.Column}});
  }
  return Frames;
}

llvm::json::Value ReportPrinter::toJSON(const TsanReport &R) const {
  llvm::json::Array Accesses, Edges, Locations, Mutexes, Threads, Stacks;
  for (const TsanAccess &A : R.Accesses) {
    llvm::json::Array Held;
    for (const TsanHeldMutex &M : A.Mutexes)
      Held.push_back(llvm::json::Object{{"id", M.Id}, {"exclusive", M.Exclusive}});
    Accesses.push_back(llvm::json::Object{
        {"type", A.IsWrite ? "write" : "read"},
        {"atomic", A.IsAtomic},
        {"previous", A.IsPrevious},
        {"size", A.Size},
        {"thread", A.Thread.Id},
        {"mutexes", std::move(Held)},
        {"frames", stackToJSON(A.Stack)}});
  }
  for (const TsanLockEdge &E : R.LockEdges)
    Edges.push_back(llvm::json::Object{{"acquired", E.Acquired},
                                       {"held", E.Held},
                                       {"thread", E.Thread.Id},
                                       {"frames", stackToJSON(E.AcquiredAt)},
                                       {"held_frames", stackToJSON(E.HeldAcquiredAt)}});
  for (const TsanLocation &L : R.Locations)
    Locations.push_back(L.Text);
  for (const TsanMutex &M : R.Mutexes)
    Mutexes.push_back(
        llvm::json::Object{{"id", M.Id}, {"created_at", stackToJSON(M.Creation)}});
  for (const TsanThread &T : R.Threads)
    Threads.push_back(llvm::json::Object{{"id", T.Id},
                                         {"name", T.Name},
                                         {"created_by", T.Parent.Id},
                                         {"created_at", stackToJSON(T.Creation)}});
  for (const TsanStack &S : R.Stacks)
    Stacks.push_back(stackToJSON(S));
  llvm::json::Array Cycle;
  for (unsigned Id : R.Cycle)
    Cycle.push_back(Id);
  return llvm::json::Object{{"kind", tsanReportKindId(R.Kind)},
                            {"kind_text", R.KindText},
                            {"truncated", R.Truncated},
                            {"stacks", std::move(Stacks)},
                            {"accesses", std::move(Accesses)},
                            {"lock_cycle", std::move(Cycle)},
                            {"lock_edges", std::move(Edges)},
                            {"locations", std::move(Locations)},
                            {"mutexes", std::move(Mutexes)},
                            {"threads", std::move(Threads)},
                            {"summary", R.Summary}};
}

} // namespace racelab
