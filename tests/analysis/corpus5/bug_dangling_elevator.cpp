// Elevator bank controller: each ride request is handed to a mover thread
// that drives the car. Mover threads are collected globally and joined at
// shutdown.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

struct Ride {
    int fromFloor;
    int toFloor;
};

struct Car {
    std::mutex m;
    int floor = 0;
    int trips = 0;
};

std::vector<std::thread> movers;

void driveCar(Car& car, const Ride* ride) {
    // Doors close before the car starts moving.
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::lock_guard<std::mutex> lk(car.m);
    int distance = std::abs(car.floor - ride->fromFloor) + std::abs(ride->fromFloor - ride->toFloor);
    car.floor = ride->toFloor;
    ++car.trips;
    std::cout << "ride " << ride->fromFloor << "->" << ride->toFloor << ", travelled " << distance << " floors\n";
}

void requestRide(Car& car, int from, int to) {
    if (from == to)
        return;
    Ride ride{from, to};
    movers.emplace_back(driveCar, std::ref(car), &ride);   // expect-dangling-capture: Ride
}

int main() {
    Car carA;
    requestRide(carA, 0, 7);
    requestRide(carA, 3, 1);
    requestRide(carA, 9, 0);
    for (auto& t : movers)
        t.join();
    std::lock_guard<std::mutex> lk(carA.m);
    std::cout << "car A made " << carA.trips << " trips, now at floor " << carA.floor << "\n";
    return 0;
}
