// Tile renderer for a map server: each tile of a zoom level is rendered on
// its own worker thread. Tiles outside the world bounds are rejected.
#include <atomic>
#include <cmath>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

struct Tile {
    int x, y, zoom;
};

std::mutex outputMutex;
std::vector<double> renderedChecksums;

bool tileInBounds(const Tile& t) {
    int span = 1 << t.zoom;
    return t.x >= 0 && t.y >= 0 && t.x < span && t.y < span;
}

void renderTile(Tile t) {
    double checksum = 0;
    for (int px = 0; px < 256; ++px)
        checksum += std::sin(t.x * 0.1 + px) * std::cos(t.y * 0.1 + px);
    std::lock_guard<std::mutex> lk(outputMutex);
    renderedChecksums.push_back(checksum);
}

bool renderLevel(const std::vector<Tile>& tiles) {
    std::vector<std::thread> workers;
    for (const Tile& t : tiles) {
        if (!tileInBounds(t)) {
            std::cerr << "tile " << t.x << "," << t.y << " out of bounds at zoom " << t.zoom << "\n";
            return false;
        }
        workers.emplace_back(renderTile, t);   // expect-unjoined-thread: Workers
    }
    for (auto& w : workers)
        w.join();
    return true;
}

int main() {
    std::vector<Tile> level2;
    for (int x = 0; x < 4; ++x)
        for (int y = 0; y < 4; ++y)
            level2.push_back({x, y, 2});
    bool ok = renderLevel(level2);
    std::cout << "level 2: " << (ok ? "ok" : "failed") << "\n";

    // A request from an old client with a bad tile coordinate.
    std::vector<Tile> request{{0, 0, 1}, {1, 0, 1}, {2, 0, 1}};
    ok = renderLevel(request);
    std::cout << "request: " << (ok ? "ok" : "failed") << "\n";

    std::lock_guard<std::mutex> lk(outputMutex);
    std::cout << renderedChecksums.size() << " tiles rendered\n";
    return 0;
}
