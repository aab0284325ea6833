#pragma once
// Portable pseudo-random numbers for the district generator.
#include <cstdint>
#include <initializer_list>
#include <random>
#include <string_view>
#include <vector>

namespace district {

// std::mt19937's output sequence is fixed by the C++ standard but std::*_distribution is not, so
// the few distributions needed are written here: the same seed gives the same district with any
// standard library.
class Random {
  public:
    // Each concern (streets, water, buildings...) draws from its own stream, so changing one
    // generator does not reshuffle the output of the others.
    Random(uint32_t seed, std::string_view stream) : engine_(seed ^ hash(stream)) {}

    double uniform(double lo, double hi) { return lo + (hi - lo) * (engine_() / 4294967296.0); }
    int integer(int lo, int hi) { return lo + int(engine_() % uint32_t(hi - lo + 1)); }  // inclusive
    bool chance(double probability) { return uniform(0, 1) < probability; }

    template <class T>
    T pick(std::initializer_list<T> items) {
        return items.begin()[integer(0, int(items.size()) - 1)];
    }
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[size_t(integer(0, int(items.size()) - 1))];
    }

  private:
    static uint32_t hash(std::string_view text) {  // FNV-1a
        uint32_t h = 2166136261u;
        for (char c : text) {
            h ^= uint8_t(c);
            h *= 16777619u;
        }
        return h;
    }

    std::mt19937 engine_;
};

}  // namespace district
