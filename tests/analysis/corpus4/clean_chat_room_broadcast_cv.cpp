// Chat room with a broadcaster thread: members post into an outbox, the
// broadcaster waits on a condition variable and delivers to every member's
// inbox. Correct: the outbox and the closed flag are only touched under the
// room mutex, and each inbox under its own mutex.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Inbox {
  std::mutex M;
  std::vector<std::string> Lines;
};

class Room {
public:
  explicit Room(int Members) : Inboxes(Members) {}

  void post(int From, const std::string &Text) {
    {
      std::lock_guard<std::mutex> Lock(M);
      Outbox.push_back(std::to_string(From) + ": " + Text);
    }
    CV.notify_one();
  }

  void close() {
    {
      std::lock_guard<std::mutex> Lock(M);
      Closed = true;
    }
    CV.notify_one();
  }

  void broadcastLoop() {
    std::unique_lock<std::mutex> Lock(M);
    for (;;) {
      CV.wait(Lock, [this] { return Closed || !Outbox.empty(); });
      if (Outbox.empty())
        return;
      std::string Line = std::move(Outbox.front());
      Outbox.pop_front();
      Lock.unlock();
      for (Inbox &In : Inboxes) {
        std::lock_guard<std::mutex> InLock(In.M);
        In.Lines.push_back(Line);
      }
      Lock.lock();
    }
  }

  size_t inboxSize(int Member) {
    std::lock_guard<std::mutex> Lock(Inboxes[Member].M);
    return Inboxes[Member].Lines.size();
  }

private:
  std::mutex M;
  std::condition_variable CV;
  std::deque<std::string> Outbox;
  bool Closed = false;
  std::vector<Inbox> Inboxes;
};

int main() {
  Room R(3);
  std::thread Broadcaster(&Room::broadcastLoop, &R);
  std::vector<std::thread> Members;
  for (int Id = 0; Id < 3; ++Id)
    Members.emplace_back([&R, Id] {
      for (int I = 0; I < 20; ++I) {
        R.post(Id, "line " + std::to_string(I));
        if (I % 5 == 0)
          std::printf("member %d has %zu lines\n", Id, R.inboxSize(Id));
      }
    });
  for (auto &T : Members)
    T.join();
  R.close();
  Broadcaster.join();
  std::printf("member 0 received %zu lines\n", R.inboxSize(0));
  return 0;
}
