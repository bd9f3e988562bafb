// Chat room: members post messages under the room mutex; a moderator thread
// prints how long the history is. Races: the moderator's status line reads
// History.size() without taking the room mutex while posts push_back.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Message {
  int Author;
  std::string Text;
};

class ChatRoom {
public:
  void post(int Author, std::string Text) {
    std::lock_guard<std::mutex> Lock(M);
    History.push_back(Message{Author, std::move(Text)}); // expect-race: History
  }

  void logStatus(const char *Who) const {
    // status only, "no need to lock"
    std::printf("[%s] %zu messages\n", Who, History.size()); // expect-race: History
  }

  size_t countFrom(int Author) const {
    std::lock_guard<std::mutex> Lock(M);
    size_t N = 0;
    for (const Message &Msg : History)
      if (Msg.Author == Author)
        ++N;
    return N;
  }

private:
  mutable std::mutex M;
  std::vector<Message> History;
};

int main() {
  ChatRoom Room;
  std::vector<std::thread> Members;
  for (int Id = 0; Id < 3; ++Id)
    Members.emplace_back([&Room, Id] {
      for (int I = 0; I < 50; ++I)
        Room.post(Id, "hello #" + std::to_string(I));
    });
  std::thread Moderator([&Room] {
    for (int I = 0; I < 5; ++I) {
      Room.logStatus("moderator");
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });
  for (auto &T : Members)
    T.join();
  Moderator.join();
  std::printf("member 1 wrote %zu\n", Room.countFrom(1));
  return 0;
}
