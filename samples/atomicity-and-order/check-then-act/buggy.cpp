// A box office sells the last seat of a show to two customers at once.
// Show is a "thread-safe class": seatsLeft() and reserve() each take the
// show's mutex, so every access to SeatsLeft and Holders is locked and
// there is no data race. The bug is in how the caller combines them: it
// checks (seatsLeft() > 0) in one critical section and acts (reserve()) in
// another. Between the two the mutex is free, so both customers can pass
// the check for the same last seat, and the show is oversold.
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
  void reserve(const std::string &Customer) {
    std::lock_guard<std::mutex> Lock(M);
    --SeatsLeft;
    Holders.push_back(Customer);
  }

private:
  std::mutex M;      // guards SeatsLeft and Holders
  int SeatsLeft = 1; // the last free seat
  std::vector<std::string> Holders;
};

Show Tonight;
bool AliceBooked = false, BobBooked = false; // main reads them after join()

// Forces the unlucky interleaving (see README.md): Bob checks, and books,
// while Alice is between her check and her reservation.
racelab::HiddenGate AliceChecked, BobDone;

int main() {
  std::thread Alice([] {
    if (Tonight.seatsLeft() > 0) { // check: one seat left
      AliceChecked.open();
      BobDone.wait();
      Tonight.reserve("Alice");    // act: on a check that is out of date
      AliceBooked = true;
    }
  });
  std::thread Bob([] {
    AliceChecked.wait();
    if (Tonight.seatsLeft() > 0) {
      Tonight.reserve("Bob");
      BobBooked = true;
    }
    BobDone.open();
  });
  Alice.join();
  Bob.join();
  std::printf("Alice: %s\n", AliceBooked ? "booked" : "sold out");
  std::printf("Bob: %s\n", BobBooked ? "booked" : "sold out");
  std::printf("seats left: %d\n", Tonight.seatsLeft());
}
