// Physics and rendering on separate threads. Physics integrates entity
// positions under the world mutex; the renderer copies the positions out
// without taking it, so it can see half-updated entities.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

struct Entity {
  float X, Y;
  float VX, VY;
};

class World {
public:
  explicit World(int N) {
    for (int I = 0; I < N; ++I)
      Entities.push_back({float(I), 0.f, 1.f, 0.5f * I});
  }

  void physicsStep(float Dt) {
    std::lock_guard<std::mutex> Lock(Mutex);
    for (Entity &E : Entities) {
      E.X += E.VX * Dt; // expect-race: X
      E.Y += E.VY * Dt; // expect-race: Y
    }
  }

  void render(std::vector<std::pair<float, float>> &Frame) const {
    Frame.clear();
    for (const Entity &E : Entities)
      Frame.emplace_back(E.X, E.Y); // expect-race: X expect-race: Y
  }

private:
  mutable std::mutex Mutex;
  std::vector<Entity> Entities;
};

std::atomic<bool> Quit{false};

int main() {
  World W(64);
  std::thread Physics([&W] {
    while (!Quit.load())
      W.physicsStep(0.016f);
  });
  std::thread Renderer([&W] {
    std::vector<std::pair<float, float>> Frame;
    for (int F = 0; F < 100; ++F) {
      W.render(Frame);
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    std::printf("last frame: %zu entities, first at %.2f\n", Frame.size(),
                Frame.empty() ? 0.f : Frame[0].first);
  });
  Renderer.join();
  Quit = true;
  Physics.join();
}
