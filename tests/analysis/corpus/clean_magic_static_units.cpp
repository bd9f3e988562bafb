// A unit-conversion table built on first use inside a function-local static
// (initialised exactly once, thread-safely, since C++11) and never modified
// afterwards; converter threads only read it.
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <vector>

const std::map<std::string, double> &unitTable() {
  static const std::map<std::string, double> Table = [] {
    std::map<std::string, double> T;
    T["mm"] = 0.001;
    T["cm"] = 0.01;
    T["m"] = 1.0;
    T["km"] = 1000.0;
    T["in"] = 0.0254;
    T["ft"] = 0.3048;
    T["mi"] = 1609.344;
    return T;
  }();
  return Table;
}

double toMetres(double Value, const std::string &Unit) {
  auto It = unitTable().find(Unit);
  return It == unitTable().end() ? -1.0 : Value * It->second;
}

struct Measurement {
  double Value;
  std::string Unit;
};

int main() {
  std::vector<Measurement> Input = {{3, "ft"}, {12, "in"}, {2.5, "km"},
                                    {7, "mi"}, {120, "cm"}, {9, "m"}};
  std::vector<double> Metres(Input.size());
  std::vector<std::thread> Converters;
  for (size_t I = 0; I < Input.size(); ++I)
    Converters.emplace_back(
        [&Input, &Metres, I] { Metres[I] = toMetres(Input[I].Value, Input[I].Unit); });
  for (auto &C : Converters)
    C.join();
  for (size_t I = 0; I < Input.size(); ++I)
    std::printf("%g %s = %g m\n", Input[I].Value, Input[I].Unit.c_str(), Metres[I]);
}
