// Branch ledger: tellers move money between customer accounts.
// Each account carries its own mutex so unrelated transfers can proceed
// in parallel.
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Account {
    std::string owner;
    long balanceCents;
    std::mutex m;

    Account(std::string name, long cents) : owner(std::move(name)), balanceCents(cents) {}
};

// Moves `cents` from one account to the other. Returns false when the
// source account does not have enough funds.
bool transfer(Account& from, Account& to, long cents) {
    std::lock_guard<std::mutex> fromLock(from.m); // expect-lock-order: From.M
    std::lock_guard<std::mutex> toLock(to.m);     // expect-lock-order: To.M
    if (from.balanceCents < cents)
        return false;
    from.balanceCents -= cents;
    to.balanceCents += cents;
    return true;
}

long snapshot(Account& acct) {
    std::lock_guard<std::mutex> lk(acct.m);
    return acct.balanceCents;
}

struct TellerStats {
    int ok = 0;
    int rejected = 0;
};

void tellerShift(Account& src, Account& dst, int transfers, long amount, TellerStats& stats) {
    for (int i = 0; i < transfers; ++i) {
        if (transfer(src, dst, amount))
            ++stats.ok;
        else
            ++stats.rejected;
    }
}

int main() {
    Account alice("alice", 500'000);
    Account bob("bob", 500'000);

    TellerStats morning, evening;
    // Morning teller handles alice -> bob payments, evening teller the refunds.
    std::thread t1(tellerShift, std::ref(alice), std::ref(bob), 20000, 25, std::ref(morning));
    std::thread t2(tellerShift, std::ref(bob), std::ref(alice), 20000, 25, std::ref(evening));
    t1.join();
    t2.join();

    std::cout << "alice=" << snapshot(alice) << " bob=" << snapshot(bob) << "\n";
    std::cout << "ok=" << morning.ok + evening.ok
              << " rejected=" << morning.rejected + evening.rejected << "\n";
    long total = snapshot(alice) + snapshot(bob);
    return total == 1'000'000 ? 0 : 1;
}
