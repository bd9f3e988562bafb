// Ticket booking: several agents try to book the seats of one show.
// Races: book() checks that the seat is free before taking the lock, so the
// unlocked read of Seat::Holder races with another agent's booking write.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

struct Seat {
  int Row = 0;
  int Number = 0;
  int Holder = -1; // customer id, -1 when free
};

class Show {
public:
  explicit Show(int Rows, int PerRow) {
    for (int R = 0; R < Rows; ++R)
      for (int N = 0; N < PerRow; ++N) {
        Seat S;
        S.Row = R;
        S.Number = N;
        Seats.push_back(S);
      }
  }

  bool book(size_t Index, int Customer) {
    if (Seats[Index].Holder != -1) // expect-race: Holder
      return false;                // fast path: already taken
    std::lock_guard<std::mutex> Lock(M);
    Seats[Index].Holder = Customer; // expect-race: Holder
    ++Booked;
    return true;
  }

  int booked() const {
    std::lock_guard<std::mutex> Lock(M);
    return Booked;
  }

  size_t size() const { return Seats.size(); }

private:
  mutable std::mutex M;
  std::vector<Seat> Seats;
  int Booked = 0;
};

void agent(Show &S, int AgentId, int &Won) {
  for (size_t I = 0; I < S.size(); ++I) {
    size_t Index = (AgentId % 2 == 0) ? I : S.size() - 1 - I;
    if (S.book(Index, AgentId * 1000 + static_cast<int>(I)))
      ++Won;
  }
}

int main() {
  Show Evening(8, 12);
  int Won[3] = {0, 0, 0};
  std::vector<std::thread> Agents;
  for (int A = 0; A < 3; ++A)
    Agents.emplace_back(agent, std::ref(Evening), A, std::ref(Won[A]));
  for (auto &T : Agents)
    T.join();
  std::printf("booked %d (agents %d/%d/%d)\n", Evening.booked(), Won[0], Won[1],
              Won[2]);
  return 0;
}
