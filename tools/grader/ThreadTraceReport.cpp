//===- ThreadTraceReport.cpp - The JSON form of a thread trace ------------===//
//
// The report file between the tracer and the grader: one JSON object with
// the trace's facts and one object per program thread. readThreadTrace
// needs only the fields it cannot do without (tid, cpu_ns, start, end) and
// gives the others their defaults.
//
//===----------------------------------------------------------------------===//
#include "ThreadTraceReport.h"
#include "ThreadTrace.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

using namespace llvm;

namespace racelab {

namespace {

Error missing(StringRef Path, StringRef What) {
  return createStringError(inconvertibleErrorCode(),
                           "%s: not a thread trace (no %s)", Path.str().c_str(),
                           What.str().c_str());
}

} // namespace

Error writeThreadTrace(const ThreadTrace &Trace, StringRef ProgramName,
                       StringRef ReportPath) {
  json::Array Threads;
  for (const ThreadRecord &R : Trace.Threads)
    Threads.push_back(json::Object{{"tid", R.Tid},
                                   {"pid", R.Pid},
                                   {"main", R.Main},
                                   {"start", R.Start},
                                   {"end", R.End},
                                   {"cpu_ns", int64_t(R.CpuNanos)},
                                   {"active_first", R.ActiveFirst},
                                   {"work_from", R.WorkFrom},
                                   {"work_to", R.WorkTo},
                                   {"active_last", R.ActiveLast}});
  json::Object Root{{"version", 1},
                    {"program", ProgramName},
                    {"program_ran", Trace.ProgramRan},
                    {"program_processes", int64_t(Trace.ProgramProcesses)},
                    {"sample_period", Trace.SamplePeriod},
                    {"exit_code", Trace.ExitCode},
                    {"threads", std::move(Threads)}};
  json::Value V(std::move(Root));
  return writeToOutput(ReportPath, [&](raw_ostream &OS) {
    OS << formatv("{0:2}", V) << "\n";
    return Error::success();
  });
}

Expected<ThreadTrace> readThreadTrace(StringRef ReportPath) {
  auto Buf = MemoryBuffer::getFile(ReportPath);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read %s: %s",
                             ReportPath.str().c_str(),
                             Buf.getError().message().c_str());
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V)
    return createStringError(inconvertibleErrorCode(), "%s: %s",
                             ReportPath.str().c_str(),
                             toString(V.takeError()).c_str());
  const json::Object *Root = V->getAsObject();
  if (!Root)
    return missing(ReportPath, "object");
  ThreadTrace T;
  const json::Array *Threads = Root->getArray("threads");
  if (!Threads)
    return missing(ReportPath, "threads");
  T.ProgramRan = Root->getBoolean("program_ran").value_or(false);
  T.ProgramProcesses = Root->getInteger("program_processes").value_or(0);
  T.SamplePeriod = Root->getNumber("sample_period").value_or(ThreadSamplePeriod);
  T.ExitCode = Root->getInteger("exit_code").value_or(0);
  for (const json::Value &E : *Threads) {
    const json::Object *O = E.getAsObject();
    if (!O)
      return missing(ReportPath, "thread object");
    std::optional<int64_t> Tid = O->getInteger("tid");
    std::optional<int64_t> Cpu = O->getInteger("cpu_ns");
    std::optional<double> Start = O->getNumber("start");
    std::optional<double> End = O->getNumber("end");
    if (!Tid || !Cpu || !Start || !End)
      return missing(ReportPath, "tid, cpu_ns, start or end");
    ThreadRecord R;
    R.Tid = *Tid;
    R.Pid = O->getInteger("pid").value_or(*Tid);
    R.Main = O->getBoolean("main").value_or(false);
    R.Start = *Start;
    R.End = *End;
    R.CpuNanos = *Cpu;
    R.ActiveFirst = O->getInteger("active_first").value_or(-1);
    R.ActiveLast = O->getInteger("active_last").value_or(-1);
    R.WorkFrom = O->getInteger("work_from").value_or(-1);
    R.WorkTo = O->getInteger("work_to").value_or(-1);
    T.Threads.push_back(R);
  }
  return T;
}

} // namespace racelab
