// Nightly backup tool: copies a list of files to a destination while a
// progress thread prints a heartbeat.
#include <atomic>
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

struct BackupJob {
    std::vector<std::string> files;
    std::string destination;
};

std::atomic<int> copiedFiles{0};
std::atomic<bool> copyFinished{false};

void showProgress(int total) {
    while (!copyFinished) {
        std::cout << "  progress: " << copiedFiles << "/" << total << "\n";
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

bool copyOne(const std::string& file, const std::string& dest) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return !file.empty() && !dest.empty();
}

int runBackup(const BackupJob& job) {
    copiedFiles = 0;
    copyFinished = false;
    std::thread progress(showProgress, static_cast<int>(job.files.size()));  // expect-unjoined-thread: Progress

    if (job.destination.empty()) {
        std::cerr << "backup: no destination configured\n";
        return 2;
    }

    int failures = 0;
    for (const auto& f : job.files) {
        if (copyOne(f, job.destination))
            ++copiedFiles;
        else
            ++failures;
    }
    copyFinished = true;
    progress.join();
    return failures == 0 ? 0 : 1;
}

int main() {
    BackupJob home{{"/home/ana/notes.txt", "/home/ana/taxes.ods", "/home/ana/photo.png"},
                   "/mnt/backup/home"};
    BackupJob etc{{"/etc/hosts", "/etc/fstab"}, ""};

    std::cout << "home backup -> " << runBackup(home) << "\n";
    std::cout << "etc backup -> " << runBackup(etc) << "\n";
    return 0;
}
