// Video transcoder: a progress reporter runs alongside the encoding of each
// file. Encoding can fail on corrupt input; std::jthread stops and joins
// the reporter automatically.
#include <atomic>
#include <chrono>
#include <iostream>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <thread>

std::atomic<int> framesDone{0};

void encodeFrames(const std::string& file, int frames) {
    for (int f = 0; f < frames; ++f) {
        if (file.ends_with(".corrupt") && f == frames / 2)
            throw std::runtime_error(file + ": bad frame " + std::to_string(f));
        ++framesDone;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
}

int transcode(const std::string& file, int frames) {
    framesDone = 0;
    std::jthread reporter([frames](std::stop_token st) {
        while (!st.stop_requested()) {
            int pct = framesDone * 100 / frames;
            (void)pct;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    encodeFrames(file, frames);
    return framesDone.load();
}

int main() {
    int ok = 0, failed = 0;
    for (const char* f : {"holiday.mov", "interview.corrupt", "drone.mp4"}) {
        try {
            int n = transcode(f, 40);
            std::cout << f << ": " << n << " frames\n";
            ++ok;
        } catch (const std::exception& e) {
            std::cout << "skipped " << e.what() << "\n";
            ++failed;
        }
    }
    std::cout << ok << " ok, " << failed << " failed\n";
    return ok == 2 ? 0 : 1;
}
