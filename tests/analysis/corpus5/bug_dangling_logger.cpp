// Request logger for a small HTTP service: formatting happens on the
// request thread, writing to the sink happens in the background.
#include <chrono>
#include <iostream>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

class LogSink {
public:
    void write(std::string_view text) {
        std::lock_guard<std::mutex> lk(m_);
        lines_.emplace_back(text);
    }

    void print() {
        std::lock_guard<std::mutex> lk(m_);
        for (const auto& l : lines_)
            std::cout << l << "\n";
    }

private:
    std::mutex m_;
    std::vector<std::string> lines_;
};

std::string formatAccessLine(int status, const std::string& path, int micros) {
    return "GET " + path + " -> " + std::to_string(status) + " (" + std::to_string(micros) + "us)";
}

void logRequest(LogSink& sink, int status, const std::string& path, int micros) {
    std::string line = formatAccessLine(status, path, micros);
    std::string_view text = line;
    std::thread([&sink, text] {                           // expect-dangling-capture: Line
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        sink.write(text);
    }).detach();
}

void handleRequest(LogSink& sink, const std::string& path) {
    int status = path.rfind("/api/", 0) == 0 ? 200 : 404;
    logRequest(sink, status, path, 130 + static_cast<int>(path.size()));
}

int main() {
    LogSink sink;
    handleRequest(sink, "/api/users/42/preferences");
    handleRequest(sink, "/favicon-large-version.ico");
    handleRequest(sink, "/api/orders?since=2024-01-01");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    sink.print();
    return 0;
}
