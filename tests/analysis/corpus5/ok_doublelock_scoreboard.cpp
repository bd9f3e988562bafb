// Quiz night scoreboard: the quizmaster's tablet and the team buzzers all
// update scores. Public methods lock; the *Locked helpers assume the
// caller already holds the lock.
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Scoreboard {
public:
    void addPoints(const std::string& team, int pts) {
        std::lock_guard<std::mutex> lk(m_);
        addPointsLocked(team, pts);
    }

    std::string leader() {
        std::lock_guard<std::mutex> lk(m_);
        return leaderLocked();
    }

    // End of round: every team gets a bonus, the leader gets double.
    void bonusRound(int bonus) {
        std::lock_guard<std::mutex> lk(m_);
        std::string top = leaderLocked();
        for (auto& [team, score] : scores_)
            addPointsLocked(team, team == top ? 2 * bonus : bonus);
        ++rounds_;
    }

    int score(const std::string& team) {
        std::lock_guard<std::mutex> lk(m_);
        return scores_[team];
    }

private:
    void addPointsLocked(const std::string& team, int pts) {
        scores_[team] += pts;
        if (scores_[team] > best_)
            best_ = scores_[team];
    }

    std::string leaderLocked() const {
        std::string top;
        int best = -1;
        for (const auto& [team, score] : scores_)
            if (score > best) {
                best = score;
                top = team;
            }
        return top;
    }

    std::mutex m_;
    std::map<std::string, int> scores_{{"Quizzly Bears", 0}, {"Les Quizerables", 0}, {"Tequila Mockingbird", 0}};
    int best_ = 0;
    int rounds_ = 0;
};

int main() {
    Scoreboard board;
    std::vector<std::thread> buzzers;
    const char* teams[] = {"Quizzly Bears", "Les Quizerables", "Tequila Mockingbird"};
    for (int t = 0; t < 3; ++t) {
        buzzers.emplace_back([&board, &teams, t] {
            for (int q = 0; q < 200; ++q)
                board.addPoints(teams[t], (q + t) % 3);
        });
    }
    std::thread quizmaster([&] {
        for (int r = 0; r < 10; ++r)
            board.bonusRound(5);
    });
    for (auto& b : buzzers)
        b.join();
    quizmaster.join();
    std::cout << "winner: " << board.leader() << "\n";
    for (const char* t : teams)
        std::cout << "  " << t << ": " << board.score(t) << "\n";
    return 0;
}
