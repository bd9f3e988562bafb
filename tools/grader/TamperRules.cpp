//===- TamperRules.cpp - What counts as tampering -------------------------===//
//
// The rule tables of the tamper scans and the lookups in them. Each table
// says what it holds and why; the first match wins wherever a table is
// searched, so specific entries come before catch-all prefixes.
//
//===----------------------------------------------------------------------===//
#include "TamperRules.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <iterator>
#include <tuple>

using namespace llvm;

namespace racelab {
namespace tamper {
namespace {

const char WhySync[] =
    "tells ThreadSanitizer about synchronisation the program does not have";
const char WhyIgnore[] =
    "tells ThreadSanitizer to stop checking some of the program's accesses";
const char WhyBenign[] =
    "marks races as harmless so ThreadSanitizer does not report them";
const char WhyRuntime[] = "belongs to the sanitizer runtime, which a "
                          "submission must neither call nor replace";

/// The sanitizer runtime's own names: its interface, its callbacks and its
/// interceptors. The Annotate names are exact prefixes of the runtime's
/// functions (libclang_rt.tsan exports Annotate<Capital>...), not a bare
/// "Annotate", so that a student's AnnotatedAccount stays clean. First match
/// wins, so specific entries come before the catch-all prefixes.
const NameRule SanitizerRulesTable[] = {
    {"__tsan_default_options", Match::Exact,
     "sets ThreadSanitizer's options from inside the program"},
    {"__tsan_default_suppressions", Match::Exact,
     "hides ThreadSanitizer's reports with built-in suppressions"},
    {"__tsan_on_report", Match::Exact, "intercepts ThreadSanitizer's reports"},
    {"__tsan_ignore_", Match::Prefix, WhyIgnore},
    {"__tsan_acquire", Match::Exact, WhySync},
    {"__tsan_release", Match::Exact, WhySync},
    {"__tsan_mutex_", Match::Prefix, WhySync},
    {"__sanitizer_set_report_", Match::Prefix,
     "redirects the sanitizer's reports away from the grader"},
    {"AnnotateIgnore", Match::Prefix, WhyIgnore},
    {"AnnotateBenignRace", Match::Prefix, WhyBenign},
    {"AnnotateExpectRace", Match::Prefix, WhyBenign},
    {"AnnotateFlushExpectedRaces", Match::Exact, WhyBenign},
    {"AnnotateEnableRaceDetection", Match::Exact, WhyIgnore},
    {"WTFAnnotateBenignRace", Match::Prefix, WhyBenign},
    {"AnnotateHappens", Match::Prefix, WhySync},
    {"WTFAnnotateHappens", Match::Prefix, WhySync},
    {"AnnotateCondVar", Match::Prefix, WhySync},
    {"AnnotateRWLock", Match::Prefix, WhySync},
    {"AnnotateMutexIs", Match::Prefix, WhySync},
    {"AnnotatePCQ", Match::Prefix, WhySync},
    {"AnnotatePublishMemoryRange", Match::Exact, WhySync},
    {"AnnotateUnpublishMemoryRange", Match::Exact, WhySync},
    {"AnnotateNewMemory", Match::Exact, WhySync},
    {"AnnotateMemoryIs", Match::Prefix, WhyRuntime},
    {"AnnotateThreadName", Match::Exact, WhyRuntime},
    {"AnnotateTraceMemory", Match::Exact, WhyRuntime},
    {"AnnotateFlushState", Match::Exact, WhyRuntime},
    {"AnnotateNoOp", Match::Exact, WhyRuntime},
    {"WTFAnnotate", Match::Prefix, WhyRuntime},
    {"RunningOnValgrind", Match::Exact, WhyRuntime},
    {"ValgrindSlowdown", Match::Exact, WhyRuntime},
    {"ThreadSanitizerQuery", Match::Exact, WhyRuntime},
    {"__tsan_", Match::Prefix, WhyRuntime},
    {"__sanitizer_", Match::Prefix, WhyRuntime},
    {"__asan_", Match::Prefix, WhyRuntime},
    {"__msan_", Match::Prefix, WhyRuntime},
    {"__lsan_", Match::Prefix, WhyRuntime},
    {"__ubsan_", Match::Prefix, WhyRuntime},
    {"__sancov_", Match::Prefix, WhyRuntime},
    {"__interceptor_", Match::Prefix, WhyRuntime},
    {"___interceptor_", Match::Prefix, WhyRuntime},
    {"__interception", Match::Prefix, WhyRuntime},
};

/// What clang 19 itself calls when it instruments a file with
/// -fsanitize=thread (llvm/lib/Transforms/Instrumentation/ThreadSanitizer.cpp,
/// checked against objects of honest programs). References to these are the
/// compiler's, not the student's. __tsan_ignore_thread_begin/end are left
/// out on purpose: clang emits them only for Objective-C, never for C++.
const NameRule CompilerInstrumentationTable[] = {
    {"__tsan_init", Match::Exact, ""},
    {"__tsan_func_entry", Match::Exact, ""},
    {"__tsan_func_exit", Match::Exact, ""},
    {"__tsan_read", Match::Prefix, ""},
    {"__tsan_write", Match::Prefix, ""},
    {"__tsan_unaligned_", Match::Prefix, ""},
    {"__tsan_volatile_", Match::Prefix, ""},
    {"__tsan_vptr_read", Match::Exact, ""},
    {"__tsan_vptr_update", Match::Exact, ""},
    {"__tsan_atomic8_", Match::Prefix, ""},
    {"__tsan_atomic16_", Match::Prefix, ""},
    {"__tsan_atomic32_", Match::Prefix, ""},
    {"__tsan_atomic64_", Match::Prefix, ""},
    {"__tsan_atomic128_", Match::Prefix, ""},
    {"__tsan_atomic_thread_fence", Match::Exact, ""},
    {"__tsan_atomic_signal_fence", Match::Exact, ""},
    {"__tsan_memcpy", Match::Exact, ""},
    {"__tsan_memset", Match::Exact, ""},
    {"__tsan_memmove", Match::Exact, ""},
};

/// Instrumentation calls that record a plain (non-atomic) access: a function
/// touching a global without any of these was not checked by TSan.
const NameRule AccessHooksTable[] = {
    {"__tsan_read", Match::Prefix, ""},
    {"__tsan_write", Match::Prefix, ""},
    {"__tsan_unaligned_", Match::Prefix, ""},
    {"__tsan_volatile_", Match::Prefix, ""},
    {"__tsan_vptr_", Match::Prefix, ""},
    {"__tsan_mem", Match::Prefix, ""},
};

const char WhyExec[] = "starts another program that can run outside "
                       "ThreadSanitizer or with other options";
const char WhyLookup[] = "looks functions up at run time to reach the real "
                         "functions behind ThreadSanitizer's back";
const char WhyClone[] = "creates threads ThreadSanitizer does not know about";
const char WhyEnviron[] =
    "reads the environment directly, where ThreadSanitizer's options are";
const char WhyEnv[] = "changes the environment, where ThreadSanitizer reads "
                      "its options";

/// C library functions that escape ThreadSanitizer's view or its options.
const NameRule ProcessRulesTable[] = {
    {"execl", Match::Exact, WhyExec},
    {"execle", Match::Exact, WhyExec},
    {"execlp", Match::Exact, WhyExec},
    {"execv", Match::Exact, WhyExec},
    {"execve", Match::Exact, WhyExec},
    {"execvp", Match::Exact, WhyExec},
    {"execvpe", Match::Exact, WhyExec},
    {"execveat", Match::Exact, WhyExec},
    {"fexecve", Match::Exact, WhyExec},
    {"posix_spawn", Match::Exact, WhyExec},
    {"posix_spawnp", Match::Exact, WhyExec},
    {"system", Match::Exact, WhyExec},
    {"__libc_system", Match::Exact, WhyExec},
    {"popen", Match::Exact, WhyExec},
    {"dlopen", Match::Exact, WhyLookup},
    {"dlmopen", Match::Exact, WhyLookup},
    {"dlsym", Match::Exact, WhyLookup},
    {"dlvsym", Match::Exact, WhyLookup},
    {"__libc_dlsym", Match::Exact, WhyLookup},
    {"__libc_dlopen_mode", Match::Exact, WhyLookup},
    {"syscall", Match::Exact,
     "makes raw system calls that ThreadSanitizer cannot see"},
    {"clone", Match::Exact, WhyClone},
    {"clone3", Match::Exact, WhyClone},
    {"__clone", Match::Exact, WhyClone},
    {"setenv", Match::Exact, WhyEnv},
    {"putenv", Match::Exact, WhyEnv},
    {"unsetenv", Match::Exact, WhyEnv},
    {"clearenv", Match::Exact, WhyEnv},
    {"environ", Match::Exact, WhyEnviron},
    {"__environ", Match::Exact, WhyEnviron},
    {"ptrace", Match::Exact, "inspects or controls processes"},
    {"prctl", Match::Exact, "changes how the kernel treats the process"},
    {"personality", Match::Exact,
     "changes the execution domain ThreadSanitizer relies on"},
};

/// Source-only spellings, matched after stripping the "__" GCC lets
/// attribute names and keywords carry (__no_sanitize__, __asm__,
/// __environ). The binary scan sees the attributes' effect instead
/// (functions without instrumentation); asm leaves no trace it could see.
const char WhyOff[] = "switches ThreadSanitizer off for the code it marks";
const NameRule SourceRulesTable[] = {
    {"no_sanitize", Match::Exact, WhyOff},
    {"no_sanitize_thread", Match::Exact, WhyOff},
    {"no_sanitize_address", Match::Exact, WhyOff},
    {"no_sanitize_memory", Match::Exact, WhyOff},
    {"no_sanitize_undefined", Match::Exact, WhyOff},
    {"disable_sanitizer_instrumentation", Match::Exact, WhyOff},
    {"asm", Match::Exact,
     "inserts assembly code that ThreadSanitizer cannot check"},
    // A variable, not a function: any use counts, not just calls.
    {"environ", Match::Exact, WhyEnviron},
};

/// A lower-case substring of a string literal and why it is suspect.
struct SubstringRule {
  StringLiteral Needle;
  StringLiteral Why;
};

/// Substrings of string literals (compared case-insensitively, adjacent
/// literals joined) and of the object's string constants: the names a
/// dlsym, getenv or self-re-execution trick has to spell out. First match
/// wins.
const SubstringRule StringRules[] = {
    {"san_options", "names a sanitizer's options variable, where "
                    "ThreadSanitizer's options are set"},
    {"tsan_", "names ThreadSanitizer's interface or options"},
    {"__sanitizer", "names the sanitizer runtime's interface"},
    {"log_path", "names ThreadSanitizer's log_path, where the grader reads "
                 "its reports"},
    {"ld_preload", "names LD_PRELOAD, which loads code that can replace "
                   "functions"},
    {"/proc/self", "reads the process's own files (memory map, "
                   "environment)"},
};

/// Compiler-generated functions with C linkage in a C++ object.
const StringLiteral AllowedCLinkageFunctionsTable[] = {
    "main", "__clang_call_terminate"};

/// Namespaces of the C++ standard library: code inlined from it references
/// syscall (futex waits of std::latch, std::barrier, atomic::wait) on its
/// own.
const StringLiteral LibraryContextsTable[] = {"std", "__gnu_cxx", "__cxxabiv1"};

bool matches(const NameRule &R, StringRef Name) {
  return R.How == Match::Exact ? Name == R.Name : Name.starts_with(R.Name);
}

} // namespace

const ArrayRef<NameRule> SanitizerRules = SanitizerRulesTable;
const ArrayRef<NameRule> CompilerInstrumentation = CompilerInstrumentationTable;
const ArrayRef<NameRule> AccessHooks = AccessHooksTable;
const ArrayRef<NameRule> ProcessRules = ProcessRulesTable;
const ArrayRef<NameRule> SourceRules = SourceRulesTable;
const ArrayRef<StringLiteral> AllowedCLinkageFunctions =
    AllowedCLinkageFunctionsTable;
const ArrayRef<StringLiteral> LibraryContexts = LibraryContextsTable;

const NameRule *findRule(ArrayRef<NameRule> Rules, StringRef Name) {
  const auto *It =
      llvm::find_if(Rules, [&](const NameRule &R) { return matches(R, Name); });
  return It == Rules.end() ? nullptr : It;
}

std::string sentence(StringRef Verb, StringRef Name, StringRef Why) {
  return (Verb + " " + Name + ", which " + Why).str();
}

std::optional<std::string> checkString(StringRef Literal) {
  SmallVector<StringRef, 8> Words;
  SplitString(Literal, Words, " \t\n\"'()[]{},;:=/.*&-+<>!?");
  for (StringRef Word : Words)
    if (const NameRule *R = findRule(SanitizerRules, Word))
      return ("has the string \"" + Literal + "\", naming " + Word +
              ", which " + R->Why)
          .str();
  std::string Lower = Literal.lower();
  const auto *Rule = llvm::find_if(StringRules, [&](const SubstringRule &R) {
    return StringRef(Lower).contains(R.Needle);
  });
  if (Rule == std::end(StringRules))
    return std::nullopt;
  return ("has the string \"" + Literal + "\", which " + Rule->Why).str();
}

std::vector<TamperFinding> sortAndDedupe(std::vector<RankedFinding> &Found) {
  auto Key = [](const RankedFinding &R) {
    return std::tie(R.Rank, R.F.Where, R.F.What);
  };
  llvm::sort(Found, [&](const RankedFinding &A, const RankedFinding &B) {
    return Key(A) < Key(B);
  });
  std::vector<TamperFinding> Out;
  for (RankedFinding &R : Found)
    if (Out.empty() || !(Out.back() == R.F))
      Out.push_back(std::move(R.F));
  return Out;
}

} // namespace tamper
} // namespace racelab
