// Firmware image verifier: the image is split in halves and each half is
// checksummed on a helper thread that receives a pointer to a local result
// slot and a span over the local buffer. Both helpers finish before the
// function returns.
#include <cstdint>
#include <iostream>
#include <span>
#include <string>
#include <thread>
#include <vector>

void adler32(std::span<const std::uint8_t> data, std::uint32_t* out) {
    std::uint32_t a = 1, b = 0;
    for (std::uint8_t byte : data) {
        a = (a + byte) % 65521;
        b = (b + a) % 65521;
    }
    *out = (b << 16) | a;
}

std::vector<std::uint8_t> loadImage(const std::string& name, std::size_t size) {
    std::vector<std::uint8_t> img(size);
    for (std::size_t i = 0; i < size; ++i)
        img[i] = static_cast<std::uint8_t>((i * 31 + name.size()) & 0xff);
    return img;
}

bool verifyImage(const std::string& name, std::uint32_t expectedXor) {
    std::vector<std::uint8_t> image = loadImage(name, 1 << 16);
    std::span<const std::uint8_t> all(image);
    std::uint32_t lowSum = 0, highSum = 0;

    std::vector<std::thread> helpers;
    helpers.emplace_back(adler32, all.first(all.size() / 2), &lowSum);
    helpers.emplace_back(adler32, all.subspan(all.size() / 2), &highSum);
    for (auto& h : helpers)
        h.join();

    std::uint32_t combined = lowSum ^ highSum;
    std::cout << name << ": " << std::hex << combined << std::dec << "\n";
    return expectedXor == 0 || combined == expectedXor;
}

int main() {
    bool a = verifyImage("bootloader.bin", 0);
    bool b = verifyImage("kernel.bin", 0);
    return a && b ? 0 : 1;
}
