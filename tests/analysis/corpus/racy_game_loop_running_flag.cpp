// A game loop that runs simulation ticks on a background thread until the
// main thread clears a plain bool. Nothing orders the write with the reads:
// the compiler may even hoist the load out of the loop.
#include <chrono>
#include <cstdio>
#include <thread>

struct World {
  double PlayerX = 0, PlayerY = 0;
  double VelX = 1.5, VelY = 0.5;
  unsigned long Ticks = 0;
};

bool Running = true;

void step(World &W, double Dt) {
  W.PlayerX += W.VelX * Dt;
  W.PlayerY += W.VelY * Dt;
  if (W.PlayerX > 100 || W.PlayerX < 0)
    W.VelX = -W.VelX;
  if (W.PlayerY > 100 || W.PlayerY < 0)
    W.VelY = -W.VelY;
  ++W.Ticks;
}

void simulationLoop(World &W) {
  auto Last = std::chrono::steady_clock::now();
  while (Running) { // expect-race: Running polled without synchronisation
    auto Now = std::chrono::steady_clock::now();
    double Dt = std::chrono::duration<double>(Now - Last).count();
    Last = Now;
    step(W, Dt);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

int main() {
  World W;
  std::thread Sim(simulationLoop, std::ref(W));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  Running = false; // expect-race: Running
  Sim.join();
  std::printf("%lu ticks, player at (%.1f, %.1f)\n", W.Ticks, W.PlayerX,
              W.PlayerY);
}
