// Database migration tool. Phase 1 rewrites the schema and then touches the
// data; phase 2 (a backfill) walks the data and updates schema statistics.
// The phases run on worker threads but strictly one after the other.
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Database {
    std::mutex schemaMutex;
    std::mutex dataMutex;
    std::map<std::string, std::string> columns{{"id", "int"}, {"name", "text"}};
    std::vector<std::map<std::string, std::string>> rows;
    std::map<std::string, int> columnStats;
};

void addColumnPhase(Database& db, const std::string& column) {
    std::lock_guard<std::mutex> schema(db.schemaMutex);
    db.columns[column] = "text";
    std::lock_guard<std::mutex> data(db.dataMutex);
    for (auto& row : db.rows)
        row[column] = "";
}

void backfillPhase(Database& db, const std::string& column) {
    std::lock_guard<std::mutex> data(db.dataMutex);
    int filled = 0;
    for (auto& row : db.rows) {
        row[column] = row["name"] + "@example.org";
        ++filled;
    }
    std::lock_guard<std::mutex> schema(db.schemaMutex);
    db.columnStats[column] = filled;
}

int main() {
    Database db;
    for (int i = 0; i < 100; ++i)
        db.rows.push_back({{"id", std::to_string(i)}, {"name", "user" + std::to_string(i)}});

    std::thread phase1(addColumnPhase, std::ref(db), "email");
    phase1.join();
    std::cout << "phase 1 done: " << db.columns.size() << " columns\n";

    std::thread phase2(backfillPhase, std::ref(db), "email");
    phase2.join();
    std::cout << "phase 2 done: " << db.columnStats["email"] << " rows backfilled\n";

    std::cout << "row 7 email: " << db.rows[7]["email"] << "\n";
    return db.columnStats["email"] == 100 ? 0 : 1;
}
