//===- ObjectTamperScan.cpp - Tampering in the compiled object ------------===//
//
// scanObjectFile: reads the submission's object file with LLVM's Object
// library and collects facts (the symbols it defines and uses, who uses
// each undefined symbol, what each function calls and which shared
// variables it touches, the printable strings of its data), then checks
// them against the rule tables (TamperRules.h). The per-function rules read
// x86-64 instruction encodings, so they run only on ELF x86-64 objects.
//
//===----------------------------------------------------------------------===//
#include "TamperRules.h"
#include "TamperScan.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Object/SymbolSize.h"
#include "llvm/Support/Path.h"

#include <cstdlib>
#include <map>
#include <optional>
#include <set>

using namespace llvm;
using namespace llvm::object;
using namespace racelab::tamper;

namespace racelab {
namespace {

/// A function defined in the object, with what its code refers to.
struct FunctionFacts {
  std::string Name;
  uint64_t Begin = 0;
  uint64_t End = 0;
  bool HasEntry = false;      ///< Calls __tsan_func_entry.
  bool HasCalls = false;      ///< Calls anything else.
  bool HasAccessHook = false; ///< Calls a plain-access hook.
  /// Shared variables it reads or writes in place, by symbol, with the name
  /// to show; and the symbols whose address it computes (lea).
  std::map<std::string, std::string> Accessed;
  std::set<std::string> AddressTaken;

  /// A variable accessed without any hook for it, or none.
  const std::string *unwatched() const {
    if (HasAccessHook)
      return nullptr;
    for (const auto &[Key, Shown] : Accessed)
      if (!AddressTaken.count(Key))
        return &Shown;
    return nullptr;
  }
};

/// Everything the object rules look at.
struct ObjectFacts {
  std::string FileName;
  std::vector<std::string> DefinedNames;      ///< Global symbols.
  std::vector<std::string> CLinkageFunctions; ///< Defined, global, unmangled.
  StringMap<bool> Undefined; ///< Name -> used outside the C++ library.
  std::map<uint64_t, std::vector<FunctionFacts>> Functions; ///< By section.
  /// Printable runs of the data sections, with their section's name.
  std::vector<std::pair<std::string, std::string>> Strings;
  /// ELF x86-64, whose call and access encodings the function rules know.
  bool PerFunctionRules = false;
};

bool isInLibraryNamespace(StringRef Mangled) {
  if (!Mangled.starts_with("_Z"))
    return false;
  ItaniumPartialDemangler D;
  std::string Copy = Mangled.str();
  if (D.partialDemangle(Copy.c_str()))
    return false;
  size_t Size = 0;
  char *Context = D.getFunctionDeclContextName(nullptr, &Size);
  if (!Context)
    return false;
  StringRef Ctx(Context);
  bool InLibrary = llvm::any_of(LibraryContexts, [&](StringRef NS) {
    return Ctx == NS || Ctx.starts_with((NS + "::").str());
  });
  std::free(Context);
  return InLibrary;
}

FunctionFacts *findFunction(ObjectFacts &Facts, uint64_t Section,
                            uint64_t Offset) {
  auto It = Facts.Functions.find(Section);
  if (It == Facts.Functions.end())
    return nullptr;
  for (FunctionFacts &F : It->second)
    if (F.Begin <= Offset && Offset < F.End)
      return &F;
  return nullptr;
}

/// Writable, non-TLS data: where shared variables live. .data.rel.ro is
/// writable only until relocation and holds constants.
bool isSharedDataSection(const SectionRef &Sec) {
  if (!isa<ELFObjectFileBase>(Sec.getObject()))
    return false;
  uint64_t Flags = ELFSectionRef(Sec).getFlags();
  Expected<StringRef> Name = Sec.getName();
  if (!Name) {
    consumeError(Name.takeError());
    return false;
  }
  return (Flags & ELF::SHF_WRITE) && !(Flags & ELF::SHF_TLS) &&
         !(Flags & ELF::SHF_EXECINSTR) && !Name->starts_with(".data.rel.ro");
}

enum class RipUse { None, Address, Access };

/// What the instruction holding the 32-bit rip-relative displacement at
/// Offset does with it. x86-64 puts the ModRM byte (mod 00, r/m 101 for
/// rip-relative) right before the displacement and the opcode before that;
/// 0x8d is lea, which only computes the address.
RipUse ripRelativeUse(StringRef Code, uint64_t Offset) {
  if (Offset < 2 || Offset > Code.size())
    return RipUse::None;
  uint8_t ModRM = Code[Offset - 1];
  uint8_t Opcode = Code[Offset - 2];
  if ((ModRM & 0xc7) != 0x05)
    return RipUse::None;
  return Opcode == 0x8d ? RipUse::Address : RipUse::Access;
}

/// A symbol's value (its offset in its section, in an object file); 0 when
/// the object cannot say.
uint64_t valueOf(const SymbolRef &Sym) {
  Expected<uint64_t> Value = Sym.getValue();
  if (Value)
    return *Value;
  consumeError(Value.takeError());
  return 0;
}

Error collectSymbols(const ObjectFile &Obj, ObjectFacts &Facts) {
  for (const auto &[Sym, Size] : computeSymbolSizes(Obj)) {
    Expected<StringRef> Name = Sym.getName();
    Expected<uint32_t> Flags = Sym.getFlags();
    Expected<SymbolRef::Type> Type = Sym.getType();
    if (!Name || !Flags || !Type)
      return joinErrors(joinErrors(Name.takeError(), Flags.takeError()),
                        Type.takeError());
    if (Name->empty() || *Type == SymbolRef::ST_File ||
        *Type == SymbolRef::ST_Debug)
      continue;
    if (*Flags & SymbolRef::SF_Undefined) {
      Facts.Undefined.try_emplace(*Name, false);
      continue;
    }
    bool Global = *Flags & SymbolRef::SF_Global;
    bool Function = *Type == SymbolRef::ST_Function;
    if (Global)
      Facts.DefinedNames.push_back(Name->str());
    if (Global && Function && !Name->starts_with("_Z") &&
        !is_contained(AllowedCLinkageFunctions, *Name))
      Facts.CLinkageFunctions.push_back(Name->str());
    Expected<section_iterator> Sec = Sym.getSection();
    if (!Sec)
      return Sec.takeError();
    if (!Function || *Sec == Obj.section_end())
      continue;
    FunctionFacts F;
    F.Name = Name->str();
    F.Begin = valueOf(Sym);
    F.End = F.Begin + Size;
    Facts.Functions[(*Sec)->getIndex()].push_back(std::move(F));
  }
  return Error::success();
}

/// The name to show for the variable a relocation points at. References to
/// file-local variables go through the section symbol plus an addend; the
/// variable is the one starting where the displacement points (addend + 4
/// when no immediate follows the displacement), else it stays unnamed rather
/// than misnamed.
std::string dataName(const ObjectFile &Obj, const SymbolRef &Target,
                     const RelocationRef &Rel) {
  Expected<SymbolRef::Type> Type = Target.getType();
  Expected<StringRef> Name = Target.getName();
  if (Type && Name && *Type != SymbolRef::ST_Debug && !Name->empty())
    return demangle(Name->str());
  consumeError(Type.takeError());
  consumeError(Name.takeError());
  Expected<int64_t> Addend = ELFRelocationRef(Rel).getAddend();
  Expected<section_iterator> Sec = Target.getSection();
  if (!Addend || !Sec) {
    consumeError(Addend.takeError());
    consumeError(Sec.takeError());
    return "a global variable";
  }
  for (const SymbolRef &Sym : Obj.symbols()) {
    Expected<section_iterator> SymSec = Sym.getSection();
    Expected<StringRef> SymName = Sym.getName();
    Expected<SymbolRef::Type> SymType = Sym.getType();
    bool Same = SymSec && SymName && SymType && *SymSec == *Sec &&
                *SymType == SymbolRef::ST_Data &&
                static_cast<int64_t>(valueOf(Sym)) == *Addend + 4;
    consumeError(SymSec.takeError());
    consumeError(SymType.takeError());
    if (!SymName)
      consumeError(SymName.takeError());
    else if (Same)
      return demangle(SymName->str());
  }
  return "a global variable";
}

/// Records one relocation of code or data against the facts: who uses an
/// undefined symbol, and what each function calls and touches.
void noteRelocation(const ObjectFile &Obj, const SectionRef &Target,
                    StringRef Code, const RelocationRef &Rel,
                    ObjectFacts &Facts) {
  symbol_iterator SymIt = Rel.getSymbol();
  if (SymIt == Obj.symbol_end())
    return;
  Expected<StringRef> Name = SymIt->getName();
  if (!Name) {
    consumeError(Name.takeError());
    return;
  }
  FunctionFacts *Fn = findFunction(Facts, Target.getIndex(), Rel.getOffset());
  auto Undef = Facts.Undefined.find(*Name);
  if (Undef != Facts.Undefined.end() && !Undef->second &&
      !(Fn && isInLibraryNamespace(Fn->Name)))
    Undef->second = true;
  if (!Fn || !Facts.PerFunctionRules)
    return;
  if (Rel.getType() == ELF::R_X86_64_PLT32) {
    bool Entry = *Name == "__tsan_func_entry";
    Fn->HasEntry |= Entry;
    Fn->HasCalls |= !Entry;
    Fn->HasAccessHook |= findRule(AccessHooks, *Name) != nullptr;
    return;
  }
  Expected<section_iterator> DataSec = SymIt->getSection();
  if (!DataSec) {
    consumeError(DataSec.takeError());
    return;
  }
  if (Rel.getType() != ELF::R_X86_64_PC32 || *DataSec == Obj.section_end() ||
      !isSharedDataSection(**DataSec))
    return;
  // Section symbols (file-local variables) have no name of their own.
  std::string Key = (*Name + "#" + Twine((*DataSec)->getIndex())).str();
  switch (ripRelativeUse(Code, Rel.getOffset())) {
  case RipUse::Address:
    Fn->AddressTaken.insert(Key);
    break;
  case RipUse::Access:
    if (!Fn->Accessed.count(Key))
      Fn->Accessed[Key] = dataName(Obj, *SymIt, Rel);
    break;
  case RipUse::None:
    break;
  }
}

Error collectRelocations(const ObjectFile &Obj, ObjectFacts &Facts) {
  for (const SectionRef &Sec : Obj.sections()) {
    Expected<section_iterator> Target = Sec.getRelocatedSection();
    if (!Target)
      return Target.takeError();
    // Debug info refers to everything; only code and data say who uses what.
    if (*Target == Obj.section_end() || (*Target)->isDebugSection())
      continue;
    StringRef Code;
    if ((*Target)->isText()) {
      Expected<StringRef> Contents = (*Target)->getContents();
      if (!Contents)
        return Contents.takeError();
      Code = *Contents;
    }
    for (const RelocationRef &Rel : Sec.relocations())
      noteRelocation(Obj, **Target, Code, Rel, Facts);
  }
  return Error::success();
}

/// Allocated data that is neither code nor zero-filled: where string
/// literals end up (.rodata.str1.1, .data).
bool holdsConstants(const SectionRef &Sec) {
  if (Sec.isText() || Sec.isBSS() || Sec.isDebugSection() || Sec.isVirtual())
    return false;
  return !isa<ELFObjectFileBase>(Sec.getObject()) ||
         (ELFSectionRef(Sec).getFlags() & ELF::SHF_ALLOC);
}

/// Splits data into NUL- or control-character-separated runs long enough to
/// be a name; string literals are stored NUL-terminated.
void collectStrings(const ObjectFile &Obj, ObjectFacts &Facts) {
  for (const SectionRef &Sec : Obj.sections()) {
    if (!holdsConstants(Sec))
      continue;
    Expected<StringRef> Contents = Sec.getContents();
    Expected<StringRef> Name = Sec.getName();
    if (!Contents || !Name) {
      consumeError(Contents.takeError());
      consumeError(Name.takeError());
      continue;
    }
    SmallVector<StringRef, 16> Runs;
    Contents->split(Runs, '\0', -1, /*KeepEmpty=*/false);
    for (StringRef Run : Runs)
      if (Run.size() >= 4 && llvm::all_of(Run, [](char C) {
            return isPrint(C) || C == '\n' || C == '\t';
          }))
        Facts.Strings.emplace_back(Run.str(), Name->str());
  }
}

class ObjectChecker {
public:
  ObjectChecker(const ObjectFacts &Facts, std::vector<RankedFinding> &Found)
      : Facts(Facts), Found(Found) {}

  void run() {
    checkInstrumented();
    checkDefined();
    checkUndefined();
    checkFunctions();
    checkStrings();
  }

private:
  /// Ranks order the object findings by rule.
  enum Rank : unsigned {
    NotInstrumented,
    DefinesRuntimeName,
    DefinesCLinkage,
    UsesRuntimeName,
    UsesProcessFunction,
    FunctionUninstrumented,
    FunctionUnwatched,
    HasString
  };

  void add(Rank R, std::string What, const Twine &Where) {
    Found.push_back({R, {std::move(What), (Facts.FileName + Where).str()}});
  }

  void checkInstrumented() {
    if (!Facts.Undefined.count("__tsan_init"))
      add(NotInstrumented,
          "was not compiled with ThreadSanitizer (it never calls "
          "__tsan_init)",
          "");
  }

  void checkDefined() {
    for (const std::string &Name : Facts.DefinedNames)
      if (const NameRule *R = findRule(SanitizerRules, Name))
        add(DefinesRuntimeName, sentence("defines", Name, R->Why),
            ": symbol " + Name);
    for (const std::string &Name : Facts.CLinkageFunctions)
      if (!findRule(SanitizerRules, Name))
        add(DefinesCLinkage,
            "defines " + Name +
                " with C linkage, which can replace a function of the C "
                "library, of pthreads or of ThreadSanitizer (only main may "
                "have C linkage)",
            ": symbol " + Name);
  }

  void checkUndefined() {
    for (const auto &Entry : Facts.Undefined) {
      StringRef Name = Entry.getKey();
      if (findRule(CompilerInstrumentation, Name))
        continue;
      if (const NameRule *R = findRule(SanitizerRules, Name))
        add(UsesRuntimeName, sentence("uses", Name, R->Why),
            ": symbol " + Name);
      else if (const NameRule *R = findRule(ProcessRules, Name);
               R && Entry.getValue())
        add(UsesProcessFunction, sentence("uses", Name, R->Why),
            ": symbol " + Name);
    }
  }

  void checkFunctions() {
    for (const auto &[Section, Functions] : Facts.Functions)
      for (const FunctionFacts &F : Functions)
        checkFunction(F);
  }

  /// TSan gives every function that makes a call a __tsan_func_entry, and
  /// checks every plain access to a global with a hook call that gets the
  /// global's address; a function without them was compiled with
  /// instrumentation switched off. The address matters: clang 19 leaves the
  /// original of an instrumented atomic load in place (dead), next to the
  /// lea that fed __tsan_atomic*_load. Compiler-internal functions
  /// (tsan.module_ctor) have a dot in the name, which no C++ function can
  /// have.
  void checkFunction(const FunctionFacts &F) {
    if (StringRef(F.Name).contains('.'))
      return;
    std::string Shown = demangle(F.Name);
    if (F.HasCalls && !F.HasEntry)
      add(FunctionUninstrumented,
          "has a function, " + Shown +
              ", that ThreadSanitizer did not instrument (compiled with "
              "sanitizer instrumentation disabled)",
          ": function " + Shown);
    else if (const std::string *Data = F.unwatched())
      add(FunctionUnwatched,
          "has a function, " + Shown + ", that reads or writes " + *Data +
              " without ThreadSanitizer checking the access (ThreadSanitizer "
              "was switched off for it, or the access is in assembly code)",
          ": function " + Shown);
  }

  void checkStrings() {
    for (const auto &[String, Section] : Facts.Strings)
      if (std::optional<std::string> What = checkString(String))
        add(HasString, std::move(*What), ": section " + Section);
  }

  const ObjectFacts &Facts;
  std::vector<RankedFinding> &Found;
};

} // namespace

Expected<std::vector<TamperFinding>> scanObjectFile(StringRef ObjectPath) {
  Expected<OwningBinary<ObjectFile>> Owner =
      ObjectFile::createObjectFile(ObjectPath);
  if (!Owner)
    return createStringError(
        inconvertibleErrorCode(), "cannot read %s as an object file: %s",
        ObjectPath.str().c_str(), toString(Owner.takeError()).c_str());
  const ObjectFile &Obj = *Owner->getBinary();
  ObjectFacts Facts;
  Facts.FileName = sys::path::filename(ObjectPath).str();
  Facts.PerFunctionRules =
      isa<ELFObjectFileBase>(Obj) && Obj.getArch() == Triple::x86_64;
  if (Error E = collectSymbols(Obj, Facts))
    return std::move(E);
  if (Error E = collectRelocations(Obj, Facts))
    return std::move(E);
  collectStrings(Obj, Facts);
  std::vector<RankedFinding> Found;
  ObjectChecker(Facts, Found).run();
  return sortAndDedupe(Found);
}

} // namespace racelab
