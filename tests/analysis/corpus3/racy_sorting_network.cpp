// Parallel odd-even transposition sort for a leaderboard: phase P compares
// neighbours (i, i+1) with i of P's parity. Each phase gets its own thread,
// but the phases are only joined at the end, so they all run at once.
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
  if (Board[J].Points > Board[I].Points) // expect-race: Board
    std::swap(Board[I], Board[J]); // expect-race: Board
}

static void runPhase(std::vector<Score> &Board, size_t Parity) {
  for (size_t I = Parity; I + 1 < Board.size(); I += 2)
    compareExchange(Board, I, I + 1);
}

static bool isSorted(const std::vector<Score> &Board) {
  for (size_t I = 1; I < Board.size(); ++I)
    if (Board[I - 1].Points < Board[I].Points)
      return false;
  return true;
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
  std::vector<Score> Board = randomBoard(64, 42);
  std::vector<std::thread> Phases;
  for (size_t Phase = 0; Phase < Board.size(); ++Phase)
    Phases.emplace_back(runPhase, std::ref(Board), Phase % 2);
  for (std::thread &T : Phases)
    T.join();
  std::printf("top player %d with %d points, sorted: %s\n", Board[0].Player, Board[0].Points,
              isSorted(Board) ? "yes" : "no");
}
