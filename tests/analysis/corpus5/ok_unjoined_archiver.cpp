// Log archiver: a compressor thread gzips rotated logs while the main
// thread writes the manifest. Every way out of archiveLogs() stops and
// joins the compressor first.
#include <atomic>
#include <chrono>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

std::atomic<bool> stopCompressor{false};
std::atomic<int> compressed{0};

void compressLoop(std::vector<std::string> files) {
    for (const auto& f : files) {
        if (stopCompressor)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (!f.empty())
            ++compressed;
    }
}

void writeManifest(const std::vector<std::string>& files, const std::string& dest) {
    if (dest.find("readonly") != std::string::npos)
        throw std::runtime_error("manifest: " + dest + " is read-only");
    std::cout << "manifest for " << files.size() << " files written to " << dest << "\n";
}

bool archiveLogs(const std::vector<std::string>& files, const std::string& dest) {
    stopCompressor = false;
    std::thread compressor(compressLoop, files);

    if (dest.empty()) {
        stopCompressor = true;
        compressor.join();
        return false;
    }
    try {
        writeManifest(files, dest);
    } catch (...) {
        stopCompressor = true;
        compressor.join();
        throw;
    }
    compressor.join();
    return true;
}

int main() {
    std::vector<std::string> logs{"app.log.1", "app.log.2", "app.log.3", "db.log.1"};
    std::cout << "archive 1: " << archiveLogs(logs, "/srv/archive") << "\n";
    std::cout << "archive 2: " << archiveLogs(logs, "") << "\n";
    try {
        archiveLogs(logs, "/mnt/readonly/archive");
    } catch (const std::exception& e) {
        std::cout << "archive 3 failed: " << e.what() << "\n";
    }
    std::cout << compressed << " files compressed in total\n";
    return 0;
}
