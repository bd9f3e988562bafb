// Link checker: a fetcher thread downloads pages from a work list while the
// main thread parses the site map, which may be malformed. A small guard
// object joins the fetcher however the function is left.
#include <atomic>
#include <chrono>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

class JoinOnExit {
public:
    explicit JoinOnExit(std::thread& t) : t_(t) {}
    ~JoinOnExit() {
        if (t_.joinable())
            t_.join();
    }
    JoinOnExit(const JoinOnExit&) = delete;
    JoinOnExit& operator=(const JoinOnExit&) = delete;

private:
    std::thread& t_;
};

std::atomic<int> pagesFetched{0};

void fetchAll(std::vector<std::string> urls) {
    for (const auto& u : urls) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        if (u.rfind("https://", 0) == 0)
            ++pagesFetched;
    }
}

std::vector<std::string> parseSitemap(const std::string& xml) {
    if (xml.find("<urlset>") == std::string::npos)
        throw std::invalid_argument("sitemap has no <urlset>");
    return {"https://example.org/about", "https://example.org/blog"};
}

int checkSite(const std::vector<std::string>& seeds, const std::string& sitemapXml) {
    std::thread fetcher(fetchAll, seeds);
    JoinOnExit guard(fetcher);
    auto extra = parseSitemap(sitemapXml);
    return static_cast<int>(seeds.size() + extra.size());
}

int main() {
    std::vector<std::string> seeds{"https://example.org/", "http://legacy.example.org/", "https://example.org/contact"};
    std::cout << "checked " << checkSite(seeds, "<urlset><url/></urlset>") << " links\n";
    try {
        checkSite(seeds, "<html>not a sitemap</html>");
    } catch (const std::exception& e) {
        std::cout << "second site skipped: " << e.what() << "\n";
    }
    std::cout << pagesFetched << " pages fetched\n";
    return pagesFetched == 4 ? 0 : 1;
}
