// FP: racecheck reports the write inside the call_once callable against a
// read made after call_once returned, as soon as one thread reaches the
// call_once twice (a loop, or two calls). One call per thread is silent.
#include <mutex>
#include <set>
#include <string>
#include <thread>
std::once_flag Loaded;
std::set<std::string> Dictionary;
void load() { Dictionary.insert("the"); }
const std::set<std::string> &dictionary() {
  std::call_once(Loaded, load);
  return Dictionary;
}
int main() {
  std::thread A([] { (void)dictionary().count("a"); (void)dictionary().count("c"); });
  std::thread B([] { (void)dictionary().count("b"); });
  A.join();
  B.join();
}
