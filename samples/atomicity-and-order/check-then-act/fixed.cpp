// The fix: Show offers one operation, tryReserve(), that checks and acts in
// the same critical section. No other thread can take the seat between the
// check and the reservation, because the mutex is held from one to the
// other. Exactly one customer gets the last seat.
#include "racelab/interleave.h"

#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Show {
public:
  int seatsLeft() {
    std::lock_guard<std::mutex> Lock(M);
    return SeatsLeft;
  }
  // Reserves a seat if there is one; false when sold out.
  bool tryReserve(const std::string &Customer) {
    std::lock_guard<std::mutex> Lock(M);
    if (SeatsLeft == 0) // the check ...
      return false;
    --SeatsLeft; // ... and the act, under one lock
    Holders.push_back(Customer);
    return true;
  }

private:
  std::mutex M;      // guards SeatsLeft and Holders
  int SeatsLeft = 1; // the last free seat
  std::vector<std::string> Holders;
};

Show Tonight;
bool AliceBooked = false, BobBooked = false; // main reads them after join()

// The same forced order as in buggy.cpp: Bob tries while Alice waits.
racelab::HiddenGate AliceChecked, BobDone;

int main() {
  std::thread Alice([] {
    AliceBooked = Tonight.tryReserve("Alice");
    AliceChecked.open();
    BobDone.wait();
  });
  std::thread Bob([] {
    AliceChecked.wait();
    BobBooked = Tonight.tryReserve("Bob");
    BobDone.open();
  });
  Alice.join();
  Bob.join();
  std::printf("Alice: %s\n", AliceBooked ? "booked" : "sold out");
  std::printf("Bob: %s\n", BobBooked ? "booked" : "sold out");
  std::printf("seats left: %d\n", Tonight.seatsLeft());
}
