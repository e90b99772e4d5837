#pragma once
// A bounded memo of a pure function of a string, shared by the threads that use one const
// object (a SentenceScorer, a Speller). The table is split into shards, each behind a
// std::shared_mutex: readers never wait for one another, and a writer blocks only the one
// shard its key falls in. Values are computed outside any lock, so two threads may compute
// the same value at once; the first one stored wins, and since the function is pure both
// are equal. A full shard is emptied: the memo saves work, it never changes a result.
// Private to the library (tests may include it).
#include <array>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace summalign::detail {

template <class Value, std::size_t Shards = 16>
class ShardedMemo {
public:
    // At most about `max_entries` values are kept (spread over the shards).
    explicit ShardedMemo(std::size_t max_entries) : max_per_shard_(max_entries / Shards + 1) {}
    ShardedMemo(const ShardedMemo&) = delete;
    ShardedMemo& operator=(const ShardedMemo&) = delete;

    // The stored value for `key`, or nothing.
    std::optional<Value> find(std::string_view key) const { return find(key, std::hash<std::string_view>{}(key)); }
    std::optional<Value> find(std::string_view key, std::size_t hash) const {
        const Shard& shard = shards_[shard_of(hash)];
        std::shared_lock lock(shard.mutex);
        if (const auto it = shard.values.find(Probe{key, hash}); it != shard.values.end()) return it->second;
        return std::nullopt;
    }

    // Calls `use(value)` with the stored value for `key` (under the shard's shared lock, so
    // `use` must not call back into this memo) and returns true; false when none is stored.
    // Spares the copies find() makes for a caller that copies the value into place anyway.
    template <class Use>
    bool visit(std::string_view key, Use&& use) const {
        return visit(key, std::hash<std::string_view>{}(key), std::forward<Use>(use));
    }
    template <class Use>
    bool visit(std::string_view key, std::size_t hash, Use&& use) const {
        const Shard& shard = shards_[shard_of(hash)];
        std::shared_lock lock(shard.mutex);
        const auto it = shard.values.find(Probe{key, hash});
        if (it == shard.values.end()) return false;
        std::forward<Use>(use)(it->second);
        return true;
    }

    // Whether a value is stored for `key` (without copying it).
    bool contains(std::string_view key) const {
        const std::size_t hash = std::hash<std::string_view>{}(key);
        const Shard& shard = shards_[shard_of(hash)];
        std::shared_lock lock(shard.mutex);
        return shard.values.find(Probe{key, hash}) != shard.values.end();
    }

    // Stores `value` for `key` unless a value is there already.
    void store(std::string_view key, const Value& value) const { store(key, std::hash<std::string_view>{}(key), value); }
    // The same, `hash` being std::hash<std::string_view>{}(key) (a caller that looked the key
    // up first hashes it once).
    void store(std::string_view key, std::size_t hash, const Value& value) const {
        Shard& shard = shards_[shard_of(hash)];
        std::unique_lock lock(shard.mutex);
        if (shard.values.size() >= max_per_shard_) shard.values.clear();
        shard.values.try_emplace(std::string(key), value);
    }

    // The value for `key`: the stored one, or `compute()` (then stored).
    template <class Compute>
    Value get(std::string_view key, Compute&& compute) const {
        const std::size_t hash = std::hash<std::string_view>{}(key);
        if (auto found = find(key, hash)) return std::move(*found);
        Value value = std::forward<Compute>(compute)();
        store(key, hash, value);
        return value;
    }

private:
    // A key with the hash its shard was chosen by: the map looks it up without hashing the
    // string a second time.
    struct Probe {
        std::string_view key;
        std::size_t hash;
    };
    struct TransparentHash {
        using is_transparent = void;
        // Deliberately not noexcept: libstdc++ then keeps each key's hash in its node, so a
        // lookup does not re-hash every string it passes in a bucket (3x slower otherwise).
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
        std::size_t operator()(const Probe& probe) const { return probe.hash; }
    };
    struct TransparentEqual {
        using is_transparent = void;
        bool operator()(std::string_view a, std::string_view b) const { return a == b; }
        bool operator()(const Probe& a, std::string_view b) const { return a.key == b; }
        bool operator()(std::string_view a, const Probe& b) const { return a == b.key; }
    };
    struct Shard {
        mutable std::shared_mutex mutex;
        std::unordered_map<std::string, Value, TransparentHash, TransparentEqual> values;
    };
    // The map hashes with the same function, so take the shard from high bits it uses least.
    static std::size_t shard_of(std::size_t hash) noexcept { return (hash >> 48) % Shards; }

    std::size_t max_per_shard_;
    mutable std::array<Shard, Shards> shards_;
};

}  // namespace summalign::detail
