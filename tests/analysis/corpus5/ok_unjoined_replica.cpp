// Database replica syncer: change batches are shipped to the replica one at
// a time on a background thread; shipping batch N+1 waits for batch N.
// A fan-out resync uses several threads and cleans up on failure.
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

std::mutex replicaMutex;
std::vector<int> replicaLog;

void shipBatch(int first, int count) {
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
    std::lock_guard<std::mutex> lk(replicaMutex);
    for (int i = 0; i < count; ++i)
        replicaLog.push_back(first + i);
}

void streamChanges(int totalChanges, int batchSize) {
    std::thread shipper;
    for (int first = 0; first < totalChanges; first += batchSize) {
        if (shipper.joinable())
            shipper.join();
        shipper = std::thread(shipBatch, first, batchSize);
    }
    if (shipper.joinable())
        shipper.join();
}

bool fullResync(const std::vector<int>& shards) {
    std::vector<std::thread> workers;
    bool ok = true;
    for (int shard : shards) {
        if (shard < 0) {
            ok = false;
            break;
        }
        workers.emplace_back(shipBatch, 10000 + shard * 100, 5);
    }
    for (auto& w : workers)
        w.join();
    return ok;
}

int main() {
    streamChanges(100, 10);
    bool first = fullResync({1, 2, 3});
    bool second = fullResync({4, -1, 5});
    std::lock_guard<std::mutex> lk(replicaMutex);
    std::cout << "replica has " << replicaLog.size() << " entries; resyncs " << first << "/" << second << "\n";
    return replicaLog.size() == 120 ? 0 : 1;
}
