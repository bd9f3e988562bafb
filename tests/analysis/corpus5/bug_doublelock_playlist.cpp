// Radio station playlist: DJs queue tracks from several consoles, the
// show has a hard time limit.
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Track {
    std::string title;
    int seconds;
};

class Playlist {
public:
    void add(const Track& t) {
        std::lock_guard<std::mutex> lk(m_);
        tracks_.push_back(t);
    }

    int totalSeconds() const {
        std::lock_guard<std::mutex> lk(m_);     // expect-double-lock: M_
        int sum = 0;
        for (const auto& t : tracks_)
            sum += t.seconds;
        return sum;
    }

    // Adds the track only if the show still has room for it.
    bool addIfFits(const Track& t, int limitSeconds) {
        std::lock_guard<std::mutex> lk(m_);
        if (totalSeconds() + t.seconds > limitSeconds)
            return false;
        tracks_.push_back(t);
        return true;
    }

    std::size_t size() const {
        std::lock_guard<std::mutex> lk(m_);
        return tracks_.size();
    }

private:
    mutable std::mutex m_;
    std::vector<Track> tracks_;
};

int main() {
    Playlist show;
    show.add({"Opening jingle", 15});
    show.add({"News headlines", 120});

    std::thread console1([&] {
        for (int i = 0; i < 20; ++i)
            show.addIfFits({"Request #" + std::to_string(i), 200}, 3600);
    });
    std::thread console2([&] {
        for (int i = 0; i < 20; ++i)
            show.add({"Ad break " + std::to_string(i), 30});
    });
    console1.join();
    console2.join();

    std::cout << show.size() << " tracks, " << show.totalSeconds() << " s\n";
    return 0;
}
