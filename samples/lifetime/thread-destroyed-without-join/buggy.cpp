// An uploader checks each file before sending it: a helper thread computes
// the file's checksum while the calling thread validates the file's header.
// The bug: when the header is bad, upload() returns early, and the
// std::thread that computes the checksum is destroyed without ever being
// joined. Destroying a std::thread that is still joinable calls
// std::terminate, which aborts the whole program: the first bad file kills
// the uploader, and the files after it are never uploaded.
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

struct File {
  std::string Name;
  std::vector<unsigned char> Bytes;
};

unsigned checksum(const std::vector<unsigned char> &Bytes) {
  unsigned Sum = 0;
  for (unsigned char B : Bytes)
    Sum = Sum * 31 + B;
  return Sum;
}

// Every file starts with the two magic bytes 'R', 'L'.
bool headerValid(const File &F) {
  return F.Bytes.size() >= 2 && F.Bytes[0] == 'R' && F.Bytes[1] == 'L';
}

bool upload(const File &F) {
  unsigned Sum = 0;
  std::thread Checksummer([&] { Sum = checksum(F.Bytes); }); // expect-unjoined-thread: Checksummer
  if (!headerValid(F)) {
    std::printf("%s: rejected, bad header\n", F.Name.c_str());
    return false; // Checksummer is still joinable here: std::terminate
  }
  Checksummer.join();
  std::printf("%s: uploaded, checksum %08x\n", F.Name.c_str(), Sum);
  return true;
}

int main() {
  std::vector<File> Files = {
      {"photo.raw", {'R', 'L', 1, 2, 3, 4}},
      {"broken.raw", {'X', 'X', 5, 6}},
      {"notes.raw", {'R', 'L', 7, 8, 9}},
  };
  int Uploaded = 0;
  for (const File &F : Files)
    Uploaded += upload(F);
  std::printf("%d of %zu files uploaded\n", Uploaded, Files.size());
}
