// Outgoing mail spooler: workers take a batch of messages from the spool
// under the lock, drop the lock while "sending" their private copy, and
// retake it to record the outcome.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Message {
  std::string To;
  std::string Subject;
};

class Spooler {
public:
  void enqueue(Message M) {
    std::lock_guard<std::mutex> L(Mu);
    Pending.push_back(std::move(M));
  }

  void workerMain(int Id) {
    std::unique_lock<std::mutex> L(Mu);
    while (!Pending.empty()) {
      std::vector<Message> Batch;
      while (!Pending.empty() && Batch.size() < 4) {
        Batch.push_back(std::move(Pending.back()));
        Pending.pop_back();
      }
      L.unlock();
      int Ok = 0, Failed = 0;
      for (const Message &M : Batch)
        (send(M) ? Ok : Failed)++;
      L.lock();
      Sent += Ok;
      Bounced += Failed;
      if (Failed)
        LastError = "worker " + std::to_string(Id) + ": bounce";
    }
  }

  void report() {
    Mu.lock();
    std::printf("sent=%d bounced=%d last error: %s\n", Sent, Bounced, LastError.c_str());
    Mu.unlock();
  }

private:
  static bool send(const Message &M) { return M.To.find("invalid") == std::string::npos; }

  std::mutex Mu;
  std::vector<Message> Pending;
  int Sent = 0;
  int Bounced = 0;
  std::string LastError = "none";
};

int main() {
  Spooler S;
  for (int I = 0; I < 200; ++I)
    S.enqueue({I % 13 ? "user" + std::to_string(I) + "@example.com" : "invalid@",
               "Newsletter #" + std::to_string(I)});
  std::vector<std::thread> Workers;
  for (int Id = 0; Id < 3; ++Id)
    Workers.emplace_back(&Spooler::workerMain, &S, Id);
  std::thread Late([&S] {
    for (int I = 0; I < 20; ++I)
      S.enqueue({"late" + std::to_string(I) + "@example.com", "Reminder"});
  });
  for (auto &W : Workers)
    W.join();
  Late.join();
  S.report();
  return 0;
}
