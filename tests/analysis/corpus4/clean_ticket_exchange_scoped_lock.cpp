// Ticket exchange between two shows: customers move a booking from one show
// to the other. Correct: every exchange locks both shows' mutexes together
// with std::scoped_lock (deadlock-free in either direction), and all other
// accesses lock the show they touch.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

struct Show {
  const char *Title;
  std::mutex M;
  std::vector<int> Holders; // seat -> customer, -1 free
  Show(const char *T, int Seats) : Title(T), Holders(Seats, -1) {}

  int freeSeats() {
    std::lock_guard<std::mutex> Lock(M);
    int N = 0;
    for (int H : Holders)
      N += (H == -1);
    return N;
  }
};

bool bookFirstFree(Show &S, int Customer) {
  std::lock_guard<std::mutex> Lock(S.M);
  for (int &H : S.Holders)
    if (H == -1) {
      H = Customer;
      return true;
    }
  return false;
}

bool exchange(Show &From, Show &To, int Customer) {
  std::scoped_lock Lock(From.M, To.M);
  for (int &H : From.Holders) {
    if (H != Customer)
      continue;
    for (int &T : To.Holders)
      if (T == -1) {
        T = Customer;
        H = -1;
        return true;
      }
    return false;
  }
  return false;
}

int main() {
  Show Matinee("matinee", 30), Evening("evening", 30);
  std::vector<std::thread> Customers;
  for (int C = 0; C < 4; ++C)
    Customers.emplace_back([&, C] {
      for (int Round = 0; Round < 50; ++Round) {
        int Id = C * 100 + Round % 5;
        bookFirstFree(C % 2 ? Matinee : Evening, Id);
        if (C % 2)
          exchange(Matinee, Evening, Id);
        else
          exchange(Evening, Matinee, Id);
      }
    });
  for (auto &T : Customers)
    T.join();
  std::printf("%s free %d, %s free %d\n", Matinee.Title, Matinee.freeSeats(),
              Evening.Title, Evening.freeSeats());
  return 0;
}
