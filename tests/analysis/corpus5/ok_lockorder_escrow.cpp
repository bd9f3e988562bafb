// Escrow service: buyers and sellers hold wallets; trades move funds in
// both directions concurrently, and a settlement job swaps fee balances.
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

struct Wallet {
    std::string id;
    long cents;
    long feesOwed = 0;
    std::mutex m;
    Wallet(std::string i, long c) : id(std::move(i)), cents(c) {}
};

bool pay(Wallet& from, Wallet& to, long cents) {
    std::scoped_lock lk(from.m, to.m);
    if (from.cents < cents)
        return false;
    from.cents -= cents;
    to.cents += cents;
    from.feesOwed += 1;
    return true;
}

// Moves all outstanding fees from one wallet to the other.
void settleFees(Wallet& a, Wallet& b) {
    std::unique_lock<std::mutex> la(a.m, std::defer_lock);
    std::unique_lock<std::mutex> lb(b.m, std::defer_lock);
    std::lock(la, lb);
    b.feesOwed += a.feesOwed;
    a.feesOwed = 0;
}

long balance(Wallet& w) {
    std::lock_guard<std::mutex> lk(w.m);
    return w.cents;
}

int main() {
    Wallet buyer("buyer-17", 100'000);
    Wallet seller("seller-03", 100'000);

    std::thread purchases([&] {
        for (int i = 0; i < 5000; ++i)
            pay(buyer, seller, 7);
    });
    std::thread refunds([&] {
        for (int i = 0; i < 5000; ++i)
            pay(seller, buyer, 5);
    });
    std::thread settlement([&] {
        for (int i = 0; i < 2000; ++i) {
            if (i % 2)
                settleFees(buyer, seller);
            else
                settleFees(seller, buyer);
        }
    });
    purchases.join();
    refunds.join();
    settlement.join();

    long total = balance(buyer) + balance(seller);
    std::cout << "buyer " << balance(buyer) << ", seller " << balance(seller) << "\n";
    return total == 200'000 ? 0 : 1;
}
