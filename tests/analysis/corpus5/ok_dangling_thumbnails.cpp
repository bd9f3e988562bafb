// Photo gallery upload handler: after an upload the request returns
// immediately, and a detached worker builds the thumbnail. The pixel
// buffer is shared with the worker through a shared_ptr.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Image {
    std::string name;
    int width, height;
    std::vector<std::uint8_t> pixels;
};

std::mutex galleryMutex;
std::vector<std::string> thumbnails;
std::atomic<int> workersRunning{0};

void makeThumbnail(std::shared_ptr<const Image> img) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    unsigned long sum = 0;
    for (std::size_t i = 0; i < img->pixels.size(); i += 16)
        sum += img->pixels[i];
    std::lock_guard<std::mutex> lk(galleryMutex);
    thumbnails.push_back(img->name + "_thumb (avg " + std::to_string(sum / (img->pixels.size() / 16)) + ")");
}

void handleUpload(const std::string& name, int w, int h) {
    auto img = std::make_shared<Image>();
    img->name = name;
    img->width = w;
    img->height = h;
    img->pixels.resize(static_cast<std::size_t>(w) * h);
    for (std::size_t i = 0; i < img->pixels.size(); ++i)
        img->pixels[i] = static_cast<std::uint8_t>(i * 13);

    ++workersRunning;
    std::thread([img] {
        makeThumbnail(img);
        --workersRunning;
    }).detach();
    std::cout << "upload " << name << " accepted\n";
}

int main() {
    handleUpload("beach.png", 320, 200);
    handleUpload("cat.png", 640, 480);
    handleUpload("receipt.png", 100, 300);
    while (workersRunning.load() > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::lock_guard<std::mutex> lk(galleryMutex);
    for (const auto& t : thumbnails)
        std::cout << t << "\n";
    return thumbnails.size() == 3 ? 0 : 1;
}
