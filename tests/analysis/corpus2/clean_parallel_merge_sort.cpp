// Parallel merge sort: the range is split in halves, the left half is
// sorted by an async task and the right half by the caller, down to a
// depth limit; the halves are merged after the task's future is ready.
#include <algorithm>
#include <cstdio>
#include <future>
#include <random>
#include <vector>

static void mergeHalves(std::vector<int> &V, std::vector<int> &Tmp, size_t Lo, size_t Mid,
                        size_t Hi) {
  size_t I = Lo, J = Mid, K = Lo;
  while (I < Mid && J < Hi)
    Tmp[K++] = V[I] <= V[J] ? V[I++] : V[J++];
  while (I < Mid)
    Tmp[K++] = V[I++];
  while (J < Hi)
    Tmp[K++] = V[J++];
  for (size_t X = Lo; X < Hi; ++X)
    V[X] = Tmp[X];
}

static void insertionSort(std::vector<int> &V, size_t Lo, size_t Hi) {
  for (size_t I = Lo + 1; I < Hi; ++I) {
    int Key = V[I];
    size_t J = I;
    while (J > Lo && V[J - 1] > Key) {
      V[J] = V[J - 1];
      --J;
    }
    V[J] = Key;
  }
}

static void mergeSort(std::vector<int> &V, std::vector<int> &Tmp, size_t Lo, size_t Hi,
                      int Depth) {
  if (Hi - Lo <= 32) {
    insertionSort(V, Lo, Hi);
    return;
  }
  size_t Mid = Lo + (Hi - Lo) / 2;
  if (Depth > 0) {
    auto Left = std::async(std::launch::async, mergeSort, std::ref(V), std::ref(Tmp), Lo,
                           Mid, Depth - 1);
    mergeSort(V, Tmp, Mid, Hi, Depth - 1);
    Left.get();
  } else {
    mergeSort(V, Tmp, Lo, Mid, 0);
    mergeSort(V, Tmp, Mid, Hi, 0);
  }
  mergeHalves(V, Tmp, Lo, Mid, Hi);
}

int main() {
  std::vector<int> Data(200000);
  std::mt19937 Rng(7);
  for (int &X : Data)
    X = int(Rng() % 1000000);
  std::vector<int> Tmp(Data.size());

  mergeSort(Data, Tmp, 0, Data.size(), 2);

  bool Sorted = std::is_sorted(Data.begin(), Data.end());
  std::printf("sorted: %s, min %d, max %d\n", Sorted ? "yes" : "no", Data.front(), Data.back());
  return 0;
}
