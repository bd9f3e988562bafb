// Parallel odd-even transposition sort of a leaderboard. In phase P the
// comparators are (2k + P%2, 2k + P%2 + 1); worker W owns comparators
// [W*C/T, (W+1)*C/T), which touch disjoint elements, and a std::barrier
// separates the phases, so no element is touched by two workers at once.
#include <barrier>
#include <cstdio>
#include <random>
#include <thread>
#include <utility>
#include <vector>

struct Score {
  int Player;
  int Points;
};

static void compareExchange(std::vector<Score> &Board, size_t I, size_t J) {
  if (Board[J].Points > Board[I].Points)
    std::swap(Board[I], Board[J]);
}

static std::vector<Score> randomBoard(size_t N, unsigned Seed) {
  std::mt19937 Rng(Seed);
  std::uniform_int_distribution<int> Points(0, 100000);
  std::vector<Score> Board;
  for (size_t I = 0; I < N; ++I)
    Board.push_back({static_cast<int>(I), Points(Rng)});
  return Board;
}

int main() {
  std::vector<Score> Board = randomBoard(96, 7);
  const size_t N = Board.size();
  const size_t NumWorkers = 4;
  const size_t Comparators = N / 2;
  std::barrier<> PhaseDone(static_cast<std::ptrdiff_t>(NumWorkers));

  std::vector<std::thread> Workers;
  for (size_t W = 0; W < NumWorkers; ++W)
    Workers.emplace_back([&Board, &PhaseDone, N, W, Comparators] {
      const size_t First = W * Comparators / NumWorkers;
      const size_t Last = (W + 1) * Comparators / NumWorkers;
      for (size_t Phase = 0; Phase < N; ++Phase) {
        for (size_t K = First; K < Last; ++K) {
          size_t I = 2 * K + Phase % 2;
          if (I + 1 < N)
            compareExchange(Board, I, I + 1);
        }
        PhaseDone.arrive_and_wait();
      }
    });
  for (std::thread &T : Workers)
    T.join();

  bool Sorted = true;
  for (size_t I = 1; I < N; ++I)
    Sorted = Sorted && Board[I - 1].Points >= Board[I].Points;
  std::printf("top player %d with %d points, sorted: %s\n", Board[0].Player, Board[0].Points,
              Sorted ? "yes" : "no");
}
