// The fix: std::jthread (C++20) joins in its destructor. Whichever way
// upload() leaves, by the early return, the normal return or an exception,
// the checksum thread is joined before anything it uses goes away, and the
// program never reaches std::terminate. On the happy path the explicit
// join() stays, because upload() needs the result right there.
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
  std::jthread Checksummer([&] { Sum = checksum(F.Bytes); });
  if (!headerValid(F)) {
    std::printf("%s: rejected, bad header\n", F.Name.c_str());
    return false; // ~jthread joins: the thread finishes before Sum goes away
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
