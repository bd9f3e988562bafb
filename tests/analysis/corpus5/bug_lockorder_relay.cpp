// Ground-station relay: packets come in over the radio, are staged in a
// buffer and flushed to disk; a rotation job trims the radio log using the
// disk index. Three jobs, three locks.
#include <deque>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

struct Relay {
    std::mutex radioMutex;
    std::mutex bufferMutex;
    std::mutex diskMutex;
    std::deque<int> radioLog;
    std::deque<int> buffer;
    std::vector<int> disk;
    int received = 0;
};

void uplink(Relay& r, int packets) {
    for (int p = 0; p < packets; ++p) {
        std::lock_guard<std::mutex> radio(r.radioMutex);     // expect-lock-order: RadioMutex
        r.radioLog.push_back(p);
        ++r.received;
        std::lock_guard<std::mutex> buf(r.bufferMutex);      // expect-lock-order: BufferMutex
        r.buffer.push_back(p);
    }
}

void flush(Relay& r, int rounds) {
    for (int i = 0; i < rounds; ++i) {
        std::lock_guard<std::mutex> buf(r.bufferMutex);      // expect-lock-order: BufferMutex
        if (r.buffer.empty())
            continue;
        std::lock_guard<std::mutex> disk(r.diskMutex);       // expect-lock-order: DiskMutex
        while (!r.buffer.empty()) {
            r.disk.push_back(r.buffer.front());
            r.buffer.pop_front();
        }
    }
}

void rotate(Relay& r, int rounds) {
    for (int i = 0; i < rounds; ++i) {
        std::lock_guard<std::mutex> disk(r.diskMutex);       // expect-lock-order: DiskMutex
        std::size_t persisted = r.disk.size();
        std::lock_guard<std::mutex> radio(r.radioMutex);     // expect-lock-order: RadioMutex
        // Anything already on disk no longer needs to stay in the radio log.
        while (r.radioLog.size() > 64 && persisted > 0) {
            r.radioLog.pop_front();
            --persisted;
        }
    }
}

int main() {
    Relay relay;
    std::thread a(uplink, std::ref(relay), 20000);
    std::thread b(flush, std::ref(relay), 20000);
    std::thread c(rotate, std::ref(relay), 20000);
    a.join();
    b.join();
    c.join();
    std::lock_guard<std::mutex> d(relay.diskMutex);
    std::cout << "received " << relay.received << ", on disk " << relay.disk.size() << "\n";
    return 0;
}
