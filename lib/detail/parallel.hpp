#pragma once
// Independent items spread over a few threads. Private to the library.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <type_traits>
#include <vector>

namespace summalign::detail {

// Calls work(i) once for every i in [0, count) on up to `threads` threads (0 counts as 1);
// items go to whichever thread is free next. After an exception no new items are started;
// the first one is rethrown once every thread has stopped. A `work` that takes a second
// argument gets the worker's number, below `threads` (for per-thread scratch space).
template <typename Work>
void parallel_for(std::size_t count, unsigned threads, Work&& work) {
    const auto workers = static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1)));
    auto call = [&](std::size_t i, unsigned worker) {
        if constexpr (std::is_invocable_v<Work&, std::size_t, unsigned>) work(i, worker);
        else work(i);
    };
    if (workers == 1) {
        for (std::size_t i = 0; i < count; ++i) call(i, 0);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> failures(workers);
    {
        std::vector<std::jthread> pool;
        pool.reserve(workers);
        for (unsigned w = 0; w < workers; ++w) {
            pool.emplace_back([&, w] {
                try {
                    for (std::size_t i = next++; i < count; i = next++) call(i, w);
                } catch (...) {
                    failures[w] = std::current_exception();
                    next = count;
                }
            });
        }
    }  // joins
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

}  // namespace summalign::detail
