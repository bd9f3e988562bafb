// Codec registry: built-in codecs are registered exactly once on first use
// (std::call_once); plugins register through a recursive mutex because
// registering a codec may register its aliases through the same API.
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Codec {
  std::string Name;
  int Priority;
};

class CodecRegistry {
public:
  static CodecRegistry &get() {
    static CodecRegistry Instance;
    return Instance;
  }

  void registerCodec(const std::string &Name, int Priority) {
    std::lock_guard<std::recursive_mutex> L(M);
    Codecs[Name] = Codec{Name, Priority};
    if (Name.size() > 3 && Name.compare(Name.size() - 3, 3, "-hw") == 0)
      registerCodec(Name.substr(0, Name.size() - 3) + "-accel", Priority + 1);
  }

  int priorityOf(const std::string &Name) {
    std::call_once(BuiltinsOnce, [this] { registerBuiltins(); });
    std::lock_guard<std::recursive_mutex> L(M);
    auto It = Codecs.find(Name);
    return It == Codecs.end() ? -1 : It->second.Priority;
  }

  size_t size() {
    std::lock_guard<std::recursive_mutex> L(M);
    return Codecs.size();
  }

private:
  CodecRegistry() = default;

  void registerBuiltins() {
    for (const char *N : {"h264", "vp9", "av1", "pcm"})
      registerCodec(N, 10);
    BuiltinCount = 4;
  }

  std::once_flag BuiltinsOnce;
  std::recursive_mutex M;
  std::map<std::string, Codec> Codecs;
  int BuiltinCount = 0;
};

static void loadPlugin(const std::string &Vendor) {
  CodecRegistry::get().registerCodec(Vendor + "-h265-hw", 20);
  CodecRegistry::get().registerCodec(Vendor + "-opus", 15);
}

static void transcodeJob(int Id) {
  const char *Wanted[] = {"h264", "av1", "nvidia-h265-accel", "pcm"};
  int Score = 0;
  for (int I = 0; I < 100; ++I)
    Score += CodecRegistry::get().priorityOf(Wanted[(I + Id) % 4]);
  std::printf("job %d score %d\n", Id, Score);
}

int main() {
  std::vector<std::thread> Threads;
  Threads.emplace_back(loadPlugin, "nvidia");
  Threads.emplace_back(loadPlugin, "intel");
  for (int Id = 0; Id < 3; ++Id)
    Threads.emplace_back(transcodeJob, Id);
  for (auto &T : Threads)
    T.join();
  std::printf("%zu codecs registered\n", CodecRegistry::get().size());
  return 0;
}
