//===- HangPrinter.cpp - Show a hung program to people and tools ----------===//
//
// Threads are named as gdb numbers them, so what is printed can be checked
// against a gdb session of one's own; LWPs and addresses are left out of
// the one-line summary and the signature, which must read the same when the
// same hang happens again.
//
//===----------------------------------------------------------------------===//
#include "HangPrinter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cstdio>

namespace racelab {
namespace {

std::string hex(uint64_t V) { return "0x" + llvm::utohexstr(V, /*LowerCase=*/true); }

/// "2", "2.5": a time limit as people write it.
std::string seconds(double S) {
  char Buf[32];
  snprintf(Buf, sizeof Buf, "%g", S);
  return Buf;
}

/// What kind of object a wait is on, as a noun; empty for the kinds that
/// wait on no object.
llvm::StringRef objectNoun(WaitKind K) {
  switch (K) {
  case WaitKind::Mutex:
    return "mutex";
  case WaitKind::RwLock:
    return "reader-writer lock";
  case WaitKind::CondVar:
    return "condition variable";
  case WaitKind::Semaphore:
    return "semaphore";
  case WaitKind::Futex:
    return "futex";
  default:
    return "";
  }
}

/// The verb phrase before the object: "blocked locking", "waiting on".
llvm::StringRef waitVerb(WaitKind K) {
  return K == WaitKind::Mutex || K == WaitKind::RwLock ? "blocked locking" : "waiting on";
}

} // namespace

std::string HangPrinter::threadLabel(const HungThread &T) const {
  if (T.Number == 0)
    return "LWP " + std::to_string(T.Lwp);
  return "thread " + std::to_string(T.Number) + " (LWP " + std::to_string(T.Lwp) + ")";
}

std::string HangPrinter::shortLabel(const HungThread &T) const {
  if (T.Number == 0)
    return "LWP " + std::to_string(T.Lwp);
  return "thread " + std::to_string(T.Number);
}

std::string HangPrinter::objectText(const HungThread &T, bool WithAddress) const {
  std::string S = objectNoun(T.Kind).str();
  if (!T.ObjectSymbol.empty())
    S += " " + T.ObjectSymbol;
  if (WithAddress && T.Object)
    S += T.ObjectSymbol.empty() ? " " + hex(*T.Object) : " (" + hex(*T.Object) + ")";
  return S;
}

std::string HangPrinter::waitText(const HangReport &R, const HungThread &T,
                                  bool Detailed) const {
  auto Label = [&](const HungThread &Other) {
    return Detailed ? threadLabel(Other) : shortLabel(Other);
  };
  const HungThread *Holder = T.HolderLwp ? R.findByLwp(*T.HolderLwp) : nullptr;
  std::string HolderText =
      !T.HolderLwp ? std::string()
      : Holder     ? Label(*Holder)
               : "LWP " + std::to_string(*T.HolderLwp) + ", not a thread of this program";

  if (T.Kind == WaitKind::Join)
    return T.HolderLwp ? "waiting to join " + HolderText : "waiting to join a thread";
  llvm::StringRef Noun = objectNoun(T.Kind);
  if (Noun.empty())
    return waitKindText(T.Kind).str();
  // "mutex B (0x55b0...)" when there is something to name it by, else "a
  // mutex".
  bool Named = !T.ObjectSymbol.empty() || (Detailed && T.Object);
  std::string S = waitVerb(T.Kind).str() + " " +
                  (Named ? objectText(T, Detailed) : "a " + Noun.str());
  if (Detailed && T.Kind == WaitKind::CondVar && T.CondVarMutex)
    S += " with mutex " + hex(*T.CondVarMutex);
  if (Holder == &T)
    S += Detailed ? ", which it holds itself" : " it holds itself";
  else if (T.HolderLwp)
    S += (Detailed ? ", held by " : " held by ") + HolderText;
  return S;
}

std::string HangPrinter::userPlace(const HungThread &T) const {
  if (!T.UserFrame)
    return "an unknown place";
  if (T.UserFrameGuessed)
    return T.UserFrame->Function + " (no line information)";
  return llvm::sys::path::filename(T.UserFrame->File).str() + ":" +
         std::to_string(T.UserFrame->Line);
}

std::string HangPrinter::describeCycle(const HangReport &R, const WaitCycle &C) const {
  std::vector<std::string> Steps;
  for (size_t I = 0; I < C.Lwps.size(); ++I) {
    const HungThread *T = R.findByLwp(C.Lwps[I]);
    const HungThread *Next = R.findByLwp(C.Lwps[(I + 1) % C.Lwps.size()]);
    if (!T || !Next)
      return "a cycle of threads";
    std::string Step = (I == 0 ? threadLabel(*T) : "which") + " waits" +
                       (T->UserFrame ? " at " + userPlace(*T) : "") + " for ";
    if (T->Kind == WaitKind::Join)
      Step += shortLabel(*Next) + " to finish";
    else if (Next == T)
      Step += objectText(*T, true) + ", which it holds itself";
    else
      Step += objectText(*T, true) + " held by " + shortLabel(*Next);
    Steps.push_back(std::move(Step));
  }
  return llvm::join(Steps, ", ");
}

void HangPrinter::printText(llvm::raw_ostream &OS, const HangReport &R,
                            double TimeoutSeconds) const {
  OS << (R.Cycles.empty() ? "hang" : "deadlock") << ": the program did not finish within "
     << seconds(TimeoutSeconds) << " s";
  if (!R.Cycles.empty())
    OS << "; its threads wait for each other";
  OS << "\n";
  for (const WaitCycle &C : R.Cycles)
    OS << "  wait-for cycle: " << describeCycle(R, C) << "\n";

  if (!R.StacksAvailable) {
    OS << "  stacks unavailable: " << R.StacksProblem << "\n";
    OS << "  what /proc shows of each thread:\n";
    for (const HungThread &T : R.Threads) {
      OS << "  " << threadLabel(T) << " '" << T.Name << "' "
         << waitText(R, T, /*Detailed=*/true) << " ("
         << (T.Syscall.empty() ? "state " + std::string(1, T.ProcState)
                               : "in " + T.Syscall);
      if (!T.Wchan.empty())
        OS << ", wchan " << T.Wchan;
      OS << ")\n";
    }
    if (R.Threads.empty())
      OS << "  (no thread left: the program had already exited)\n";
    return;
  }

  for (const HungThread &T : R.Threads) {
    OS << "  " << threadLabel(T) << " " << waitText(R, T, /*Detailed=*/true);
    if (!T.HolderLwp && !T.HolderNote.empty())
      OS << "; " << T.HolderNote;
    OS << "\n";
    if (T.UserFrameGuessed && T.UserFrame)
      OS << "      in " << T.UserFrame->Function
         << " (no line information: built without -g?)\n";
    else
      Printer.printStack(OS, T.Stack, "      ");
  }
  OS << "  stacks from gdb in " << llvm::formatv("{0:f2}", R.CaptureSeconds) << " s";
  if (R.RuntimeThreads)
    OS << "; " << R.RuntimeThreads << " sanitizer runtime thread"
       << (R.RuntimeThreads == 1 ? "" : "s") << " not shown";
  OS << "\n";
  if (!R.StacksProblem.empty())
    OS << "  note: " << R.StacksProblem << "\n";
}

llvm::json::Value HangPrinter::toJSON(const HangReport &R) const {
  llvm::json::Array Threads, Cycles;
  for (const HungThread &T : R.Threads) {
    llvm::json::Object O{{"number", T.Number},
                         {"lwp", static_cast<int64_t>(T.Lwp)},
                         {"name", T.Name},
                         {"state", waitKindId(T.Kind)},
                         {"blocked_in", T.BlockedIn},
                         {"frames", Printer.stackToJSON(T.Stack)},
                         {"user_frame_guessed", T.UserFrameGuessed}};
    if (T.Object)
      O.try_emplace("object", hex(*T.Object));
    if (!T.ObjectSymbol.empty())
      O.try_emplace("object_symbol", T.ObjectSymbol);
    if (T.CondVarMutex)
      O.try_emplace("condition_variable_mutex", hex(*T.CondVarMutex));
    if (T.HolderLwp) {
      O.try_emplace("holder_lwp", static_cast<int64_t>(*T.HolderLwp));
      if (const HungThread *H = R.findByLwp(*T.HolderLwp))
        O.try_emplace("holder_thread", H->Number);
    }
    if (!T.HolderNote.empty())
      O.try_emplace("holder_note", T.HolderNote);
    if (T.UserFrame)
      O.try_emplace("user_frame",
                    llvm::json::Object{{"function", T.UserFrame->Function},
                                       {"file", Printer.displayPath(T.UserFrame->File)},
                                       {"line", T.UserFrame->Line}});
    if (T.ProcState != '?')
      O.try_emplace("proc_state", std::string(1, T.ProcState));
    if (!T.Wchan.empty())
      O.try_emplace("wchan", T.Wchan);
    if (!T.Syscall.empty())
      O.try_emplace("syscall", T.Syscall);
    Threads.push_back(std::move(O));
  }
  for (const WaitCycle &C : R.Cycles) {
    llvm::json::Array Lwps, Numbers;
    for (uint64_t L : C.Lwps) {
      Lwps.push_back(static_cast<int64_t>(L));
      if (const HungThread *T = R.findByLwp(L))
        Numbers.push_back(T->Number);
    }
    Cycles.push_back(llvm::json::Object{{"threads", std::move(Numbers)},
                                        {"lwps", std::move(Lwps)},
                                        {"text", describeCycle(R, C)}});
  }
  return llvm::json::Object{
      {"pid", static_cast<int64_t>(R.Pid)},  {"stacks_available", R.StacksAvailable},
      {"stacks_problem", R.StacksProblem},   {"capture_seconds", R.CaptureSeconds},
      {"runtime_threads", R.RuntimeThreads}, {"threads", std::move(Threads)},
      {"cycles", std::move(Cycles)}};
}

std::string HangPrinter::summarize(const HangReport &R) const {
  if (!R.StacksAvailable)
    return "stacks unavailable: " + R.StacksProblem;
  std::vector<std::string> Parts;
  for (const HungThread &T : R.Threads)
    if (T.blocked())
      Parts.push_back(shortLabel(T) + " " + waitText(R, T, /*Detailed=*/false) + " at " +
                      userPlace(T));
  std::string Text =
      Parts.empty() ? "no thread is blocked (all running)" : llvm::join(Parts, "; ");
  for (const WaitCycle &C : R.Cycles) {
    std::vector<std::string> Ring;
    for (uint64_t L : C.Lwps)
      if (const HungThread *T = R.findByLwp(L))
        Ring.push_back(shortLabel(*T));
    Ring.push_back(Ring.front());
    Text += "; wait-for cycle: " + llvm::join(Ring, " -> ");
  }
  return Text;
}

std::string HangPrinter::signature(const HangReport &R) const {
  std::vector<std::string> Parts;
  for (const HungThread &T : R.Threads)
    Parts.push_back(waitKindId(T.Kind).str() + "@" + userPlace(T));
  std::sort(Parts.begin(), Parts.end());
  std::string S = llvm::join(Parts, ",");
  for (const WaitCycle &C : R.Cycles) {
    std::vector<std::string> Ring;
    for (uint64_t L : C.Lwps)
      if (const HungThread *T = R.findByLwp(L))
        Ring.push_back(userPlace(*T));
    S += "|cycle:" + llvm::join(Ring, "->");
  }
  return S + (R.StacksAvailable ? "" : "|no-stacks");
}

} // namespace racelab
