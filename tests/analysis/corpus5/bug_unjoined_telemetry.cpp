// Vehicle telemetry uplink: readings are grouped into batches, and each
// batch is sent on a background thread so the sampling loop keeps going.
#include <chrono>
#include <iostream>
#include <mutex>
#include <numeric>
#include <thread>
#include <vector>

std::mutex linkMutex;
int batchesSent = 0;

void sendBatch(std::vector<double> batch, int seq) {
    // Simulated cellular modem latency.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    double sum = std::accumulate(batch.begin(), batch.end(), 0.0);
    std::lock_guard<std::mutex> lk(linkMutex);
    ++batchesSent;
    std::cout << "batch " << seq << " sent (" << batch.size() << " samples, sum " << sum << ")\n";
}

double sampleSpeed(int i) {
    return 50.0 + (i % 7) * 1.5;
}

void driveSession(int samples, std::size_t batchSize) {
    std::thread uploader;
    std::vector<double> current;
    int seq = 0;
    for (int i = 0; i < samples; ++i) {
        current.push_back(sampleSpeed(i));
        if (current.size() == batchSize) {
            uploader = std::thread(sendBatch, std::move(current), seq++);   // expect-unjoined-thread: Uploader
            current.clear();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (uploader.joinable())
        uploader.join();
}

int main() {
    driveSession(30, 10);
    std::lock_guard<std::mutex> lk(linkMutex);
    std::cout << batchesSent << " batches uploaded\n";
    return 0;
}
