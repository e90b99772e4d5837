// align_texts: the ladder over two lists of segments, for callers that hold plain text
// (the align-text command, the Python module) rather than prepared sentences.
//
// Short texts: every segment prepared, then align_ladder over the whole lattice. Long
// texts are cut first, so that time and memory grow linearly with the number of segments:
// (1) the English segments go into an inverted index of their keys (detail/align_anchors);
// each Danish segment's best-voted English segments near where the text has got to are
// scored in full; pairs that are each other's clear best and never cross are anchors; (2) between two
// consecutive anchors (i, j), (i + 1, j + 1) every alignment passes through lattice node
// (i + 1, j + 1), so the text is cut there; (3) each stretch between cuts is aligned on
// its own with the ladder, in a band along the anchors inside it. The
// three run in one pass: a stretch is aligned as soon as the cut that ends it is final,
// from the segments the anchor search prepared, so each segment is prepared once and only
// the index and the segments since the last cut are held at a time.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>

#include "detail/align_anchors.hpp"
#include "detail/align_calibration.hpp"
#include "detail/align_ladder.hpp"
#include "detail/similarity_keys.hpp"
#include "summalign/align.hpp"

#include "detail/api_edge.hpp"

namespace summalign {
namespace {

std::vector<PreparedSentence> prepare_range(const SentenceScorer& scorer, std::span<const std::string> segments,
                                            std::size_t begin, std::size_t end, Lang lang) {
    std::vector<PreparedSentence> prepared;
    prepared.reserve(end - begin);
    for (std::size_t k = begin; k < end; ++k) prepared.push_back(scorer.prepare(segments[k], lang));
    return prepared;
}

// Keys held by more English segments than this tell little about which one is the
// translation (function words, a product name on every page) and cost the most to follow.
std::size_t max_postings(std::size_t english_segments) { return std::max<std::size_t>(64, english_segments / 20); }

// The anchor search: half-width of the window in English segments, and how much it widens
// per Danish segment since the last confident pair; English segments scored in full per
// Danish segment; the calibrated log-odds an anchor needs, and its lead over the runner-up
// on both sides.
constexpr double kWindow = 40.0;
constexpr double kWindowGrowth = 0.5;
constexpr double kMaxWindow = 2000.0;
constexpr std::size_t kCandidates = 4;
constexpr double kAnchorScore = 2.0;
constexpr double kAnchorMargin = 2.0;
// How often (in Danish segments) the pass looks for final cuts, and how far behind the
// Danish segment in hand a cut must be to be final.
constexpr std::size_t kAdvanceEvery = 16;
constexpr std::size_t kDanishLag = 2 * static_cast<std::size_t>(kWindow);

// Stretches with at most this many lattice nodes are scored as a whole search scores (each
// sentence is paired with most of the other side's, so its links are sorted once); longer
// ones as a band's (a few partners per sentence, hopeless beads judged by their sketches).
constexpr std::size_t kDenseStretchCells = 900;

// A stretch between two cuts with its prepared segments, aligned on its own.
struct Stretch {
    std::size_t da_begin = 0, en_begin = 0;
    std::vector<PreparedSentence> danish, english;
    detail::Band band;  // along the anchors inside the stretch
    bool dense = false;  // scored as a whole search (kDenseStretchCells)
    detail::SortedLinks sorted;  // the segments' links the anchor search sorted (for a dense search)
    std::vector<Bead> beads;           // the result, with indices in the whole texts
    bool done = false;
};

void run_stretch(const SentenceScorer& scorer, const LadderOptions& options, Stretch& stretch) {
    stretch.beads = detail::align_ladder_in_band(scorer, stretch.danish, stretch.english, options, stretch.band, stretch.dense,
                                                 stretch.dense ? &stretch.sorted : nullptr);
    for (Bead& bead : stretch.beads) {
        for (auto& k : bead.da) k += stretch.da_begin;
        for (auto& k : bead.en) k += stretch.en_begin;
    }
    // The segments are no longer needed: memory goes back as soon as a stretch is done.
    std::vector<PreparedSentence>().swap(stretch.danish);  // `= {}` would keep the capacity
    std::vector<PreparedSentence>().swap(stretch.english);
    detail::Band().lo.swap(stretch.band.lo);
    detail::Band().hi.swap(stretch.band.hi);
    stretch.sorted = {};
}

// Stretches in text order. With a worker, the worker aligns them while the anchor search
// goes on; when it falls behind by kMaxPending stretches, the pushing thread aligns the
// oldest waiting one itself, so that waiting segments stay bounded. Beads are collected in
// text order as the stretches at the front are done, so the result is the same whichever
// thread aligned what.
class StretchQueue {
public:
    explicit StretchQueue(bool with_worker) : with_worker_(with_worker) {}
    ~StretchQueue() { stop(); }
    StretchQueue(const StretchQueue&) = delete;
    StretchQueue& operator=(const StretchQueue&) = delete;

    template <typename Run>
    void push(Stretch stretch, Run&& run) {
        if (!with_worker_) {
            run(stretch);
            collect(stretch);
            return;
        }
        std::unique_lock lock(mutex_);
        if (!worker_.joinable()) worker_ = std::jthread([this, run] { work(run); });
        pending_.push_back(std::move(stretch));
        waiting_.push_back(collected_ + pending_.size() - 1);
        ready_.notify_one();
        while (waiting_.size() > kMaxPending) run_one(lock, run);
        collect_front();
        rethrow();
    }

    // Waits for every stretch (helping with the waiting ones); the beads in text order.
    template <typename Run>
    std::vector<Bead> finish(Run&& run) {
        if (with_worker_) {
            std::unique_lock lock(mutex_);
            while (!waiting_.empty()) run_one(lock, run);
            lock.unlock();
            stop();
            lock.lock();
            rethrow();
            collect_front();
        }
        return std::move(beads_);
    }

private:
    static constexpr std::size_t kMaxPending = 32;

    void collect(Stretch& stretch) {
        for (Bead& bead : stretch.beads) beads_.push_back(std::move(bead));
        std::vector<Bead>().swap(stretch.beads);
    }
    // Moves the beads of the finished stretches at the front (mutex held).
    void collect_front() {
        while (!pending_.empty() && pending_.front().done) {
            collect(pending_.front());
            pending_.pop_front();
            ++collected_;
        }
    }

    template <typename Run>
    void run_one(std::unique_lock<std::mutex>& lock, Run& run) {
        const std::size_t slot = waiting_.front() - collected_;
        waiting_.pop_front();
        // Stays put: a deque's elements do not move when it grows or loses its front, and a
        // stretch leaves the front only once done.
        Stretch& stretch = pending_[slot];
        lock.unlock();
        std::exception_ptr failure;
        try {
            run(stretch);
        } catch (...) {
            failure = std::current_exception();
        }
        lock.lock();
        stretch.done = true;
        if (failure && !failure_) failure_ = failure;
    }

    template <typename Run>
    void work(Run run) {
        std::unique_lock lock(mutex_);
        for (;;) {
            ready_.wait(lock, [&] { return closed_ || !waiting_.empty(); });
            if (waiting_.empty()) return;
            run_one(lock, run);
        }
    }

    void rethrow() const {
        if (failure_) std::rethrow_exception(failure_);
    }

    void stop() {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
        if (worker_.joinable()) worker_.join();
    }

    bool with_worker_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Stretch> pending_;       // pushed and not yet collected, in text order
    std::size_t collected_ = 0;         // stretches collected so far (the number of pending_'s front)
    std::deque<std::size_t> waiting_;   // numbers of the stretches not yet started
    std::vector<Bead> beads_;
    bool closed_ = false;
    std::exception_ptr failure_;
    std::jthread worker_;
};

}  // namespace

namespace {

std::vector<Bead> align_texts_unguarded(const SentenceScorer& scorer, std::span<const std::string> danish,
                                        std::span<const std::string> english, const LadderOptions& options) {
    const std::size_t n = danish.size(), m = english.size();
    if ((n + 1) * (m + 1) <= detail::LadderParameters{}.full_search_cells) {
        const auto prepared_danish = prepare_range(scorer, danish, 0, n, Lang::da);
        const auto prepared_english = prepare_range(scorer, english, 0, m, Lang::en);
        return detail::align_text_ladder(scorer, prepared_danish, prepared_english, options);
    }

    // One pass over the Danish segments finds anchors (1) and, as the cuts they give (2)
    // become final, aligns the stretch before each cut (3). Each segment is prepared once:
    // the prepared segments from the last cut on are kept for both the anchor scores and
    // the stretch's ladder, and dropped once their stretch is aligned.
    const detail::Calibration calibration = detail::text_calibration();
    // English segments enter the index as the window reaches them; the index's rarity
    // figures are those of the segments indexed so far.
    detail::AnchorIndex index;
    std::vector<detail::BestScores> danish_best(n), english_best(m);
    // From the last cut on. Deques: a stretch takes its segments from the front, which a
    // vector paid for by moving every segment after them (about a window's worth) down.
    std::deque<PreparedSentence> danish_kept, english_kept;
    // The kept English segments' links sorted by key: each is scored against a few Danish
    // segments (detail::EnglishLinks).
    std::deque<detail::EnglishLinks> english_links;
    // The kept Danish segments' links sorted by key, where the segment had candidates (null
    // where not): the stretch's ladder takes them with the segments instead of sorting again.
    std::deque<std::unique_ptr<detail::LineScorer>> danish_links;
    std::size_t danish_kept_from = 0, english_kept_from = 0;
    std::pair<std::size_t, std::size_t> cut{0, 0};
    const std::size_t limit = max_postings(m);
    const double slope = static_cast<double>(m) / static_cast<double>(n);

    auto add_english = [&](std::size_t end) {
        for (std::size_t e = index.english_count(); e < end; ++e) {
            english_kept.push_back(scorer.prepare(english[e], Lang::en));
            english_links.emplace_back(english_kept.back());
            index.add_english(english_kept.back());
        }
    };
    // Aligns the stretch from `cut` to `next` with the chain's anchors inside it: the
    // stretch takes the prepared segments before `next` with it (a later Danish segment
    // whose window reaches back behind the cut prepares its English candidates again).
    StretchQueue stretches(options.threads > 1);
    auto align_stretch = [&](std::pair<std::size_t, std::size_t> next,
                             std::span<const std::pair<std::size_t, std::size_t>> chain) {
        const auto [da_begin, en_begin] = cut;
        const auto [da_end, en_end] = next;
        add_english(en_end);
        Stretch stretch;
        stretch.da_begin = da_begin;
        stretch.en_begin = en_begin;
        // The kept segments start at the cut (da_begin, en_begin).
        const auto da_take = static_cast<std::ptrdiff_t>(da_end - danish_kept_from);
        const auto en_take = static_cast<std::ptrdiff_t>(en_end - english_kept_from);
        stretch.danish.assign(std::make_move_iterator(danish_kept.begin()), std::make_move_iterator(danish_kept.begin() + da_take));
        stretch.english.assign(std::make_move_iterator(english_kept.begin()),
                               std::make_move_iterator(english_kept.begin() + en_take));
        stretch.sorted.danish.assign(std::make_move_iterator(danish_links.begin()),
                                     std::make_move_iterator(danish_links.begin() + da_take));
        stretch.sorted.english.assign(std::make_move_iterator(english_links.begin()),
                                      std::make_move_iterator(english_links.begin() + en_take));
        danish_kept.erase(danish_kept.begin(), danish_kept.begin() + da_take);
        english_kept.erase(english_kept.begin(), english_kept.begin() + en_take);
        danish_links.erase(danish_links.begin(), danish_links.begin() + da_take);
        english_links.erase(english_links.begin(), english_links.begin() + en_take);
        danish_kept_from = da_end;
        english_kept_from = en_end;
        // Every stretch, short ones too, is searched only in a band along the anchors inside
        // it: a stretch searched whole paired each Danish segment with every English one of
        // it, though the anchors show where the path runs (docs/scoring.md).
        std::vector<std::pair<std::size_t, std::size_t>> inside{{0, 0}};
        for (const auto& anchor : chain)
            if (anchor.first >= da_begin && anchor.first < da_end && anchor.second >= en_begin && anchor.second < en_end &&
                (anchor.first > da_begin || anchor.second > en_begin))
            {
                // An anchor is a 1-1 bead: the path runs through both of its corners.
                inside.emplace_back(anchor.first - da_begin, anchor.second - en_begin);
                if (anchor.first + 1 <= da_end && anchor.second + 1 <= en_end)
                    inside.emplace_back(anchor.first + 1 - da_begin, anchor.second + 1 - en_begin);
            }
        inside.emplace_back(da_end - da_begin, en_end - en_begin);
        stretch.band = detail::band_along(inside);
        stretch.dense = (da_end - da_begin + 1) * (en_end - en_begin + 1) <= kDenseStretchCells;
        cut = next;
        stretches.push(std::move(stretch), [&](Stretch& job) { run_stretch(scorer, options, job); });
    };
    // Cuts between the last one and Danish `processed` from the longest chain of anchors
    // found there so far; those before (safe_da, safe_en) are final (no later Danish
    // segment's scores reach them) and their stretches are aligned now; `last` aligns the
    // rest, up to (n, m).
    auto advance = [&](std::size_t processed, std::size_t safe_da, std::size_t safe_en, bool last) {
        const auto chain = detail::longest_chain(detail::mutual_best_pairs(
            danish_best, english_best, kAnchorScore, kAnchorMargin, cut.first, processed, cut.second));
        for (std::size_t k = 1; k < chain.size(); ++k) {
            const auto [i, j] = chain[k - 1];
            const auto [i2, j2] = chain[k];
            if (i2 != i + 1 || j2 != j + 1 || i2 >= n || j2 >= m) continue;
            if (i2 <= cut.first || j2 <= cut.second) continue;
            if (!last && (i2 > safe_da || j2 > safe_en)) break;
            align_stretch({i2, j2}, chain);
        }
        if (last) align_stretch({n, m}, chain);
    };

    // Both texts run in the same order: each Danish segment looks for its translation
    // near where the last confident pair points (on the slope of the whole lattice), in
    // a window that widens with the distance from that pair, so that the search finds
    // its way again after a stretch without one (a long omission).
    std::size_t last_i = 0, last_j = 0;
    bool previous_confident = false;
    std::uint32_t previous_best = detail::BestScores::kNone;
    for (std::size_t i = 0; i < n; ++i) {
        const double expected = static_cast<double>(last_j) + slope * static_cast<double>(i - last_i);
        // In English segments per Danish segment when the English side is the longer.
        const double radius = std::max(1.0, slope) *
                              std::min(kMaxWindow, kWindow + kWindowGrowth * static_cast<double>(i - last_i));
        const auto begin = static_cast<std::size_t>(std::clamp(expected - radius, 0.0, static_cast<double>(m)));
        const auto end = static_cast<std::size_t>(std::clamp(expected + radius + 1.0, 0.0, static_cast<double>(m)));
        add_english(end);
        danish_kept.push_back(scorer.prepare(danish[i], Lang::da));
        const PreparedSentence& da = danish_kept.back();
        // The Danish segment's links sorted once for its few candidates, whose links are
        // sorted already: the same scores as scorer.score (detail::LineScorer), from a few
        // searches per key instead of one per link.
        std::unique_ptr<detail::LineScorer> line_scorer;
        for (const std::uint32_t e : index.candidates(da, kCandidates, limit, begin, end)) {
            if (!line_scorer) line_scorer = std::make_unique<detail::LineScorer>(da);
            double score = 0.0;
            if (e < english_kept_from)  // behind the last cut (a window reaching back): prepared again
                score = line_scorer->score(scorer.prepare(english[e], Lang::en));
            else
                score = line_scorer->score(english_kept[e - english_kept_from], english_links[e - english_kept_from]);
            const double log_odds = calibration.log_odds(score, danish[i].size(), english[e].size());
            danish_best[i].offer(e, log_odds);
            english_best[e].offer(static_cast<std::uint32_t>(i), log_odds);
        }
        danish_links.push_back(std::move(line_scorer));
        // The window moves on two consecutive confident pairs (i - 1, j - 1), (i, j) only:
        // in repetitive text ("Syntax:", "Example:") one confident pair may be a lookalike.
        const auto& best = danish_best[i];
        const bool confident = best.best != detail::BestScores::kNone && best.best_score >= kAnchorScore &&
                               best.best_score - best.second_score >= kAnchorMargin;
        if (confident && previous_confident && best.best == previous_best + 1) last_i = i, last_j = best.best;
        previous_confident = confident;
        previous_best = best.best;
        // Cuts well behind the window are taken as final: later Danish segments score
        // English segments from about the window's start on (it may step back by a window's
        // width when the search finds its way again), so their best pairs hardly ever change
        // there. A cut taken stays, even in the rare case that a later pair would have moved
        // the chain of anchors (the cut is still a node every alignment of its anchors uses).
        if ((i + 1) % kAdvanceEvery == 0) {
            const double reach = 2.0 * kWindow * std::max(1.0, slope);
            const auto safe_en = static_cast<std::size_t>(std::max(0.0, static_cast<double>(begin) - reach));
            advance(i + 1, i + 1 > kDanishLag ? i + 1 - kDanishLag : 0, safe_en, false);
        }
    }
    advance(n, n, m, true);
    std::vector<Bead> beads = stretches.finish([&](Stretch& job) { run_stretch(scorer, options, job); });
    return beads;
}

}  // namespace

std::vector<Bead> align_texts(const SentenceScorer& scorer, std::span<const std::string> danish,
                              std::span<const std::string> english, const LadderOptions& options) {
    return detail::at_api_edge("align_texts", [&] { return align_texts_unguarded(scorer, danish, english, options); });
}

}  // namespace summalign
