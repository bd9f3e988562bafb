// Metrics agent: every collection window the CPU samples are summarised on
// a publisher thread so the collector can start the next window right away.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <mutex>
#include <numeric>
#include <span>
#include <thread>
#include <vector>

struct Publisher {
    std::mutex m;
    std::vector<std::thread> inflight;
    std::vector<double> published;

    void drain() {
        for (auto& t : inflight)
            t.join();
        inflight.clear();
    }
};

std::vector<double> collectWindow(int window) {
    std::vector<double> samples;
    for (int i = 0; i < 64; ++i)
        samples.push_back(((window * 31 + i * 17) % 100) / 100.0);
    return samples;
}

void summarise(Publisher& pub, std::span<const double> samples) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    double mean = std::accumulate(samples.begin(), samples.end(), 0.0) / samples.size();
    double peak = *std::max_element(samples.begin(), samples.end());
    std::lock_guard<std::mutex> lk(pub.m);
    pub.published.push_back(mean);
    pub.published.push_back(peak);
}

void closeWindow(Publisher& pub, int window) {
    std::vector<double> samples = collectWindow(window);
    std::span<const double> view(samples);
    pub.inflight.emplace_back(summarise, std::ref(pub), view);   // expect-dangling-capture: Samples
}

int main() {
    Publisher pub;
    for (int w = 0; w < 5; ++w)
        closeWindow(pub, w);
    pub.drain();
    std::cout << "published " << pub.published.size() << " values\n";
    for (double v : pub.published)
        std::cout << v << " ";
    std::cout << "\n";
    return 0;
}
