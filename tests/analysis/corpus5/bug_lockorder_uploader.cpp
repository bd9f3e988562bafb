// Photo uploader: a background thread pushes queued files to the server
// and reports progress; the UI can cancel the whole upload session.
#include <chrono>
#include <deque>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

class UploadSession {
public:
    explicit UploadSession(std::deque<std::string> files)
        : pending_(std::move(files)), worker_(&UploadSession::run, this) {}

    ~UploadSession() {
        if (worker_.joinable())
            worker_.join();
    }

    // Called from the UI thread when the user presses "Cancel".
    void cancel() {
        std::lock_guard<std::mutex> lk(stateMutex_);   // expect-lock-order: StateMutex
        cancelled_ = true;
        pending_.clear();
        worker_.join();                                // expect-lock-order: StateMutex
        std::cout << "upload cancelled after " << uploaded_ << " files\n";
    }

    int uploaded() {
        std::lock_guard<std::mutex> lk(stateMutex_);
        return uploaded_;
    }

private:
    void run() {
        for (;;) {
            std::string next;
            {
                std::lock_guard<std::mutex> lk(stateMutex_);   // expect-lock-order: StateMutex
                if (cancelled_ || pending_.empty())
                    return;
                next = pending_.front();
                pending_.pop_front();
            }
            // Simulated network transfer.
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            std::lock_guard<std::mutex> lk(stateMutex_);           // expect-lock-order: StateMutex
            ++uploaded_;
        }
    }

    std::mutex stateMutex_;
    std::deque<std::string> pending_;
    bool cancelled_ = false;
    int uploaded_ = 0;
    std::thread worker_;
};

int main() {
    std::deque<std::string> files;
    for (int i = 0; i < 200; ++i)
        files.push_back("IMG_" + std::to_string(1000 + i) + ".jpg");

    UploadSession session(std::move(files));
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    session.cancel();
    std::cout << "done, uploaded " << session.uploaded() << "\n";
    return 0;
}
