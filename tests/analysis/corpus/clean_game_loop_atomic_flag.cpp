// The game loop stops on an std::atomic<bool>. The world state is only
// touched by the simulation thread while it runs, and by main after join().
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

struct World {
  double PlayerX = 0, PlayerY = 0;
  double VelX = 1.5, VelY = 0.5;
  unsigned long Ticks = 0;
};

std::atomic<bool> Running{true};

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
  while (Running.load(std::memory_order_acquire)) {
    auto Now = std::chrono::steady_clock::now();
    step(W, std::chrono::duration<double>(Now - Last).count());
    Last = Now;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

int main() {
  World W;
  W.PlayerX = 50;
  std::thread Sim(simulationLoop, std::ref(W));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  Running.store(false, std::memory_order_release);
  Sim.join();
  std::printf("%lu ticks, player at (%.1f, %.1f)\n", W.Ticks, W.PlayerX,
              W.PlayerY);
}
