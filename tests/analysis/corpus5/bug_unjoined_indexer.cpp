// Desktop search indexer: the main thread reads documents, a tokenizer
// thread builds the inverted index.
#include <condition_variable>
#include <iostream>
#include <map>
#include <mutex>
#include <queue>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

const std::map<std::string, std::string> fakeDisk{
    {"readme.md", "build with cmake then run the tests"},
    {"notes.txt", "buy milk call the plumber"},
    {"todo.txt", "run the tests again"},
};

std::string readDocument(const std::string& path) {
    auto it = fakeDisk.find(path);
    if (it == fakeDisk.end())
        throw std::runtime_error("cannot open " + path);
    return it->second;
}

struct DocQueue {
    std::mutex m;
    std::condition_variable cv;
    std::queue<std::string> docs;
    bool closed = false;
};

void tokenizeLoop(DocQueue& q, std::map<std::string, int>& index) {
    for (;;) {
        std::unique_lock<std::mutex> lk(q.m);
        q.cv.wait(lk, [&] { return q.closed || !q.docs.empty(); });
        if (q.docs.empty())
            return;
        std::string text = std::move(q.docs.front());
        q.docs.pop();
        lk.unlock();
        std::istringstream words(text);
        for (std::string w; words >> w;)
            ++index[w];
    }
}

std::map<std::string, int> buildIndex(const std::vector<std::string>& paths) {
    DocQueue queue;
    std::map<std::string, int> index;
    std::thread tokenizer(tokenizeLoop, std::ref(queue), std::ref(index));  // expect-unjoined-thread: Tokenizer

    for (const auto& p : paths) {
        std::string text = readDocument(p);
        std::lock_guard<std::mutex> lk(queue.m);
        queue.docs.push(std::move(text));
        queue.cv.notify_one();
    }
    {
        std::lock_guard<std::mutex> lk(queue.m);
        queue.closed = true;
    }
    queue.cv.notify_one();
    tokenizer.join();
    return index;
}

int main() {
    try {
        auto idx = buildIndex({"readme.md", "notes.txt", "todo.txt"});
        std::cout << "'tests' appears " << idx["tests"] << " times\n";
        auto idx2 = buildIndex({"readme.md", "missing.txt"});
        std::cout << "indexed " << idx2.size() << " words\n";
    } catch (const std::exception& e) {
        std::cerr << "indexing failed: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
