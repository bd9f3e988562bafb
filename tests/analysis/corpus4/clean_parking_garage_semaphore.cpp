// Parking garage: a counting semaphore holds the free spots, a mutex guards
// the table of which car is parked where. Correct: the semaphore bounds the
// cars inside, and the spot table is only read or written under its mutex.
#include <array>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <semaphore>
#include <thread>
#include <vector>

constexpr int Spots = 4;

class Garage {
public:
  int park(int Car) {
    Free.acquire();
    std::lock_guard<std::mutex> Lock(M);
    for (int S = 0; S < Spots; ++S)
      if (Table[S] == 0) {
        Table[S] = Car;
        ++Parked;
        return S;
      }
    return -1; // unreachable: the semaphore guarantees a free spot
  }

  void leave(int Spot) {
    {
      std::lock_guard<std::mutex> Lock(M);
      Table[Spot] = 0;
    }
    Free.release();
  }

  int totalParked() {
    std::lock_guard<std::mutex> Lock(M);
    return Parked;
  }

private:
  std::counting_semaphore<Spots> Free{Spots};
  std::mutex M;
  std::array<int, Spots> Table{};
  int Parked = 0;
};

int main() {
  Garage G;
  std::vector<std::thread> Cars;
  for (int C = 1; C <= 8; ++C)
    Cars.emplace_back([&G, C] {
      for (int Trip = 0; Trip < 5; ++Trip) {
        int Spot = G.park(C);
        std::this_thread::sleep_for(std::chrono::microseconds(100 + C * 10));
        G.leave(Spot);
      }
    });
  for (auto &T : Cars)
    T.join();
  std::printf("%d parkings\n", G.totalParked());
  return 0;
}
