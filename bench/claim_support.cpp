// Claim support on articles nobody tuned it to: the journal-style articles that
// bench/devset/make_articles.py builds from Danish/English manuals, each Summary holding
// three claims of its own page (single sentences, merged pairs, light paraphrases) and three
// of another page of the same manual. For every directory given (one source, one --seed of
// the generator: one random split) it reports
//
//   recall          supported claims reported supported
//   false support   claims of another page reported supported
//   top evidence    reported-supported true claims whose first evidence is a gold sentence
//
// and, over all directories, a sweep of the threshold on each claim's best support score and
// a reliability table (mean score against the share of claims truly supported, per score bin).
// --seed-file (default: the seed) adds the seed's figures: claims of the complete article
// supported with a correct top evidence, claims of the cut-off article wrongly supported.
//
//   python3 bench/devset/make_articles.py --source libreoffice --seed 1 --out /tmp/dev/lo-1
//   build/bench_claim_support /tmp/dev/lo-1 /tmp/dev/lo-2 ... [--failures FILE] [--features FILE]
//
// --failures FILE lists every claim scored wrongly (print_failure); --features FILE the
// features of every scored option (dump_options, what fit_support.py fits on).
//
//   build/bench_claim_support --hostile 1000,10000 [--runs 5]
//
// times instead detail::support_features on one N-word claim against one N-word candidate
// (hostile_pair: an extraction without sentence ends), CPU and wall medians of --runs runs,
// for a translated candidate and for one left in English, with the CPU time of the scorer's
// links it starts from (detail::token_links) on its own, and prints the features.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "train/gold_match.hpp"
#include "bench_util.hpp"
#include "hostile_text.hpp"
#include "detail/align_sketch.hpp"
#include "detail/claim_support.hpp"
#include "detail/similarity_links.hpp"
#include "summalign/align.hpp"
#include "summalign/journal.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"
#include "summalign/text.hpp"

namespace fs = std::filesystem;
using namespace summalign;
using detail::gold_normalised;
using detail::same_sentence;

namespace {

struct Counts {
    std::size_t articles = 0, skipped_articles = 0, unmatched_claims = 0;
    std::size_t supported = 0, found = 0, top_correct = 0;  // gold-supported claims
    // Top evidence that holds a gold sentence the parser joined to a neighbour (a short gold
    // sentence after a colon, a heading glued on): same_sentence accepts a containment only
    // for 30+ letters.
    std::size_t top_contains = 0;
    std::size_t unsupported = 0, false_support = 0;         // claims of another page
    std::map<std::string, std::pair<std::size_t, std::size_t>> by_kind;  // kind -> (found, total)

    void add(const Counts& o) {
        articles += o.articles, skipped_articles += o.skipped_articles, unmatched_claims += o.unmatched_claims;
        supported += o.supported, found += o.found, top_correct += o.top_correct, top_contains += o.top_contains;
        unsupported += o.unsupported, false_support += o.false_support;
        for (const auto& [kind, v] : o.by_kind) by_kind[kind].first += v.first, by_kind[kind].second += v.second;
    }
    double recall() const { return supported ? double(found) / double(supported) : 0.0; }
    double false_rate() const { return unsupported ? double(false_support) / double(unsupported) : 0.0; }
    double top() const { return found ? double(top_correct) / double(found) : 0.0; }
    double top_joined() const { return found ? double(top_correct + top_contains) / double(found) : 0.0; }
};

struct Scored {
    double best = 0.0;
    bool gold = false;
};

void print_counts(const std::string& name, const Counts& c) {
    std::printf("%-28s articles %4zu (skipped %zu)  claims %4zu+%-4zu  recall %.3f  false support %.3f  top evidence %.3f",
                name.c_str(), c.articles, c.skipped_articles, c.supported, c.unsupported, c.recall(), c.false_rate(), c.top());
    for (const auto& [kind, v] : c.by_kind)
        std::printf("  %s %.2f", kind.c_str(), v.second ? double(v.first) / double(v.second) : 0.0);
    std::printf("\n");
}

// One directory of generated articles.
// One row per scored support option (--features FILE): what bench/devset/fit_support.py
// fits the support model on. label: 1 the option is exactly the gold evidence, 0 it holds
// no gold sentence, -1 it holds some but not all (left out of the fit); first_gold: the sentence
// the option was found from (the first evidence it would give) is a gold sentence.
void dump_options(std::FILE* out, const std::string& article_id, const Article& article, const SentenceScorer& scorer,
                  const PreparedSentence& claim, std::size_t claim_index, const nlohmann::json& gold_claim) {
    std::vector<PreparedSentence> body;
    std::vector<detail::SentenceSketch> sketches;
    std::vector<const std::string*> texts;
    for (const auto& section : article.sections)
        for (const auto& sentence : section.sentences) {
            body.push_back(scorer.prepare(sentence.text, Lang::da));
            sketches.push_back(detail::sketch_of(body.back()));
            texts.push_back(&sentence.text);
        }
    const auto is_gold = [&](std::size_t b) {
        for (const auto& e : gold_claim["evidence"])
            if (same_sentence(*texts[b], e.is_string() ? e.get<std::string>() : e["text"].get<std::string>())) return true;
        return false;
    };
    const std::size_t gold_count = gold_claim["evidence"].size();
    // The clauses after a colon, as lib/align.cpp scores them.
    std::vector<std::string_view> body_texts;
    for (const std::string* text : texts) body_texts.push_back(*text);
    const auto clauses = detail::colon_clauses(scorer, body_texts);
    for (const auto& option : detail::support_options(claim, body, sketches, detail::default_support_model(), clauses)) {
        const std::size_t parts = option.second == SIZE_MAX ? 1 : 2;
        const std::size_t hits = is_gold(option.first) + (parts == 2 && is_gold(option.second));
        // The seed's gold lists every sentence that states a claim (any one will do).
        const bool any_will_do = gold_claim.value("any", false);
        const int label = hits == 0 ? 0 : (hits == parts && (parts == gold_count || any_will_do)) ? 1 : -1;
        std::fprintf(out, "%s\t%zu\t%d\t%s\t%d\t%d", article_id.c_str(), claim_index, gold_claim["supported"].get<bool>() ? 1 : 0,
                     gold_claim.value("kind", std::string("seed")).c_str(), label, is_gold(option.first) ? 1 : 0);
        for (const double v : option.features.values()) std::fprintf(out, "\t%.5f", v);
        std::string text = *texts[option.first];
        if (parts == 2) text += " | " + *texts[option.second];
        std::replace(text.begin(), text.end(), '\t', ' ');
        std::fprintf(out, "\t%s\t%s\n", text.c_str(), claim.text.c_str());
    }
}

// One line per claim scored wrongly (--failures FILE), tab-separated: what (false support,
// missed, wrong top), directory, article, best score, claim, top evidence (or none), gold
// evidence (the first; none for another page's claim).
void print_failure(std::FILE* out, const char* what, const fs::path& file, double score, const std::string& claim,
                   const ClaimSupport& support, const nlohmann::json& gold_claim) {
    if (!out) return;
    auto flat = [](std::string text) {
        std::replace(text.begin(), text.end(), '\t', ' ');
        return text;
    };
    const std::string top = support.evidence.empty() ? "none" : flat(support.evidence.front().text);
    const std::string gold = gold_claim["evidence"].empty() ? "none" : flat(gold_claim["evidence"][0]["text"].get<std::string>());
    std::fprintf(out, "%s\t%s\t%s\t%.3f\t%s\t%s\t%s\n", what, file.parent_path().filename().string().c_str(),
                 file.stem().string().c_str(), score, flat(claim).c_str(), top.c_str(), gold.c_str());
}

Counts run_directory(const fs::path& dir, const Parser& parser, const SentenceScorer& scorer, std::vector<Scored>& scores,
                     std::FILE* dump, std::FILE* failures) {
    Counts counts;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        fs::path gold_path = file;
        gold_path.replace_extension(".gold.json");
        std::ifstream in(gold_path);
        if (!in) continue;
        const nlohmann::json gold = nlohmann::json::parse(in);
        const Document document = parser.parse(read_source(file.string()));
        const Article* article = nullptr;
        for (const auto& candidate : document.articles)
            if (candidate.summary && candidate.summary->title &&
                same_sentence(candidate.summary->title->text, gold["title_en"].get<std::string>()))
                article = &candidate;
        if (!article) {
            ++counts.skipped_articles;
            continue;
        }
        ++counts.articles;
        const ArticleAlignment alignment = align_article_parts(scorer, *article);
        for (const auto& support : alignment.support) {
            const std::string claim = gold_normalised(article->summary->sentences[support.en].text);
            const nlohmann::json* gold_claim = nullptr;
            for (const auto& g : gold["claims"])
                if (gold_normalised(g["text"].get<std::string>()) == claim) gold_claim = &g;
            if (!gold_claim) {
                // The segmenter joined or split claims; such a sentence has no single gold.
                ++counts.unmatched_claims;
                continue;
            }
            const bool truly = (*gold_claim)["supported"].get<bool>();
            if (dump)
                dump_options(dump, file.stem().string(), *article, scorer, scorer.prepare(article->summary->sentences[support.en].text, Lang::en),
                             support.en, *gold_claim);
            scores.push_back({support.best_score, truly});
            const std::string& claim_text = article->summary->sentences[support.en].text;
            if (!truly) {
                ++counts.unsupported;
                counts.false_support += support.supported;
                if (support.supported) print_failure(failures, "false support", file, support.best_score, claim_text, support, *gold_claim);
                continue;
            }
            ++counts.supported;
            auto& kind = counts.by_kind[(*gold_claim)["kind"].get<std::string>()];
            ++kind.second;
            if (!support.supported) {
                print_failure(failures, "missed", file, support.best_score, claim_text, support, *gold_claim);
                continue;
            }
            ++counts.found;
            ++kind.first;
            const std::string& top = support.evidence.front().text;
            bool correct = false, contains = false;
            for (const auto& e : (*gold_claim)["evidence"]) {
                const std::string gold_text = e["text"].get<std::string>();
                correct = correct || same_sentence(top, gold_text);
                const std::string g = gold_normalised(gold_text);
                contains = contains || (g.size() >= 12 && gold_normalised(top).find(g) != std::string::npos);
            }
            if (correct)
                ++counts.top_correct;
            else if (contains)
                ++counts.top_contains;
            if (!correct) print_failure(failures, contains ? "wrong top (joined gold)" : "wrong top", file, support.best_score, claim_text, support, *gold_claim);
        }
    }
    return counts;
}

void sweep(const std::vector<Scored>& scores) {
    std::size_t positives = 0, negatives = 0;
    for (const auto& s : scores) (s.gold ? positives : negatives)++;
    if (!positives || !negatives) return;
    std::printf("\nthreshold sweep on the best support score (all directories; evidence not re-ranked)\n");
    std::printf("  threshold  recall  false support\n");
    double separating = -1.0, separating_recall = 0.0;
    for (int t = 10; t <= 90; ++t) {
        const double threshold = t / 100.0;
        std::size_t tp = 0, fp = 0;
        for (const auto& s : scores) {
            if (s.best < threshold) continue;
            (s.gold ? tp : fp)++;
        }
        const double recall = double(tp) / double(positives), false_rate = double(fp) / double(negatives);
        if (t % 5 == 0) std::printf("  %.2f       %.3f   %.3f\n", threshold, recall, false_rate);
        if (separating < 0 && false_rate <= 0.03) separating = threshold, separating_recall = recall;
    }
    if (separating >= 0)
        std::printf("  lowest threshold with false support <= 0.03: %.2f (recall %.3f)\n", separating, separating_recall);
    std::printf("\nreliability (best support score of a claim; share truly supported)\n  bin          claims  mean score  supported\n");
    for (int b = 0; b < 10; ++b) {
        const double lo = b / 10.0, hi = (b + 1) / 10.0;
        std::size_t n = 0, truly = 0;
        double sum = 0.0;
        for (const auto& s : scores)
            if (s.best >= lo && (s.best < hi || (b == 9 && s.best <= 1.0))) ++n, truly += s.gold, sum += s.best;
        if (n) std::printf("  %.1f-%.1f   %6zu  %.3f       %.3f\n", lo, hi, n, sum / double(n), double(truly) / double(n));
    }
}

// The seed: the complete article's claims (gold evidence in corpus/gold) and the cut-off
// article's (none supported).
void run_seed(const std::string& source, const std::string& gold_file, const Parser& parser, const SentenceScorer& scorer,
              std::FILE* dump) {
    std::ifstream in(gold_file);
    if (!in) {
        std::printf("seed: no %s\n", gold_file.c_str());
        return;
    }
    const nlohmann::json gold = nlohmann::json::parse(in);
    const Document document = parser.parse(read_source(source));
    std::size_t article_number = 0;
    for (const auto& gold_article : gold["articles"]) {
        ++article_number;
        if (!gold_article.contains("support") || gold_article["summary_title"].is_null()) continue;
        const Article* article = nullptr;
        for (const auto& candidate : document.articles)
            if (candidate.summary && candidate.summary->title &&
                same_sentence(candidate.summary->title->text, gold_article["summary_title"].get<std::string>()))
                article = &candidate;
        if (!article) continue;
        const ArticleAlignment alignment = align_article_parts(scorer, *article);
        std::size_t expected = 0, correct = 0, wrongly = 0, unsupported = 0;
        for (std::size_t c = 0; c < alignment.support.size() && c < gold_article["support"].size(); ++c) {
            const auto& g = gold_article["support"][c];
            const auto& got = alignment.support[c];
            if (dump) {
                nlohmann::json claim = g;
                claim["any"] = true;
                dump_options(dump, "seed-" + std::to_string(article_number), *article, scorer,
                             scorer.prepare(article->summary->sentences[c].text, Lang::en), c, claim);
            }
            if (!g["supported"].get<bool>()) {
                ++unsupported;
                wrongly += got.supported;
                continue;
            }
            ++expected;
            if (!got.supported) continue;
            for (const auto& e : g["evidence"])
                if (same_sentence(got.evidence.front().text, e.get<std::string>())) {
                    ++correct;
                    break;
                }
        }
        std::printf("seed %-60.60s supported with a correct top evidence %zu/%zu; unsupported claims reported supported %zu/%zu\n",
                    gold_article["summary_title"].get<std::string>().c_str(), correct, expected, wrongly, unsupported);
    }
}

// A claim and a candidate of about `words` words each, without sentence ends: blocks of a
// sentence about a person and a quoted label, each block with names of its own (letters only,
// none shared by two blocks), so that no set of distinct words stays small. The claim names
// the person and label of block b, the candidate another surname and label in the same slots;
// a translated candidate is Danish (compounds, names kept), an untranslated one the claim's
// English with those names changed.
std::pair<std::string, std::string> hostile_pair(std::size_t words, bool translated) {
    constexpr std::size_t kClaimWords = 14, kDanishWords = 12;  // words of a block
    const std::string_view claim_block =
        "Click {p} {s} to open the \u201C{l}\u201D dialog and the font size in the sidebar ";
    const std::string_view candidate_block =
        translated ? "Klik p\u00E5 {p} {o} for at \u00E5bne dialogen \u201C{m}\u201D og skriftst\u00F8rrelsen i sidebj\u00E6lken "
                   : "Click {p} {o} to open the \u201C{m}\u201D dialog and the font size in the sidebar ";
    const std::size_t candidate_words = translated ? kDanishWords : kClaimWords;
    return {test::hostile_text((words + kClaimWords - 1) / kClaimWords, claim_block,
                               {{"{p}", "Qor"}, {"{s}", "Vel"}, {"{l}", "Kam"}}),
            test::hostile_text((words + candidate_words - 1) / candidate_words, candidate_block,
                               {{"{p}", "Qor"}, {"{o}", "Zum"}, {"{m}", "Lis"}})};
}

// --hostile: support_features on one long claim against one long candidate.
void time_hostile(const SentenceScorer& scorer, const std::vector<std::size_t>& sizes, std::size_t runs) {
    for (const std::size_t words : sizes)
        for (const bool translated : {true, false}) {
            const auto [claim_text, candidate_text] = hostile_pair(words, translated);
            const PreparedSentence claim = scorer.prepare(claim_text, Lang::en);
            const PreparedSentence candidate = scorer.prepare(candidate_text, Lang::da);
            const PreparedSentence* source[] = {&candidate};
            detail::SupportFeatures features;
            const bench::Timing timing =
                bench::median_timing(runs, [&] { features = detail::support_features(source, claim, {}); });
            // Of which the scorer's links (token_links, which support_features starts from).
            const bench::Timing links =
                bench::median_timing(runs, [&] { (void)detail::token_links(source, claim); });
            std::printf("hostile %-12s claim %6zu tokens  candidate %6zu tokens  cpu %.4f s  wall %.4f s  "
                        "(token_links cpu %.4f s; median of %zu)  features",
                        translated ? "translated" : "untranslated", claim.tokens.size(), candidate.tokens.size(),
                        timing.cpu, timing.wall, links.cpu, runs);
            for (const double v : features.values()) std::printf(" %.5f", v);
            std::printf("\n");
        }
}

}  // namespace

int main(int argc, char** argv) {
    const bench::Arguments arguments(argc, argv);
    std::vector<std::string> directories;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.starts_with("--")) {
            ++i;  // every option takes a value
            continue;
        }
        directories.push_back(arg);
    }
    const Parser parser;
    bench::warn_missing_lexicon_sources();
    const Lexicon lexicon;
    const SentenceScorer scorer(lexicon);
    if (const auto sizes = arguments.numbers("--hostile", ""); !sizes.empty()) {
        time_hostile(scorer, sizes, arguments.number("--runs", 5));
        return 0;
    }
    std::printf("support threshold %.3f\n", support_threshold());

    std::FILE* dump = nullptr;
    if (const std::string path = arguments.text("--features", ""); !path.empty()) {
        dump = std::fopen(path.c_str(), "w");
        if (!dump) {
            std::fprintf(stderr, "bench_claim_support: cannot write %s\n", path.c_str());
            return 1;
        }
        std::fprintf(dump, "article\tclaim\tsupported\tkind\tlabel\tfirst_gold");
        for (const char* name : detail::SupportFeatures::names) std::fprintf(dump, "\t%s", name);
        std::fprintf(dump, "\ttext\tclaim_text\n");
    }
    std::FILE* failures = nullptr;
    if (const std::string path = arguments.text("--failures", ""); !path.empty()) {
        failures = std::fopen(path.c_str(), "w");
        if (!failures) {
            std::fprintf(stderr, "bench_claim_support: cannot write %s\n", path.c_str());
            return 1;
        }
    }
    run_seed(arguments.text("--seed-file", bench::kSeedFile),
             arguments.text("--seed-gold", "corpus/gold/ugeskr-2003-165-stamceller.alignment.json"), parser, scorer, dump);
    if (arguments.flag("--seed-only")) {
        if (dump) std::fclose(dump);
        return 0;
    }

    std::vector<Scored> scores;
    Counts total;
    std::map<std::string, std::vector<Counts>> by_source;  // directory name without its seed suffix
    for (const auto& dir : directories) {
        if (!fs::is_directory(dir)) {
            std::fprintf(stderr, "bench_claim_support: %s: not a directory\n", dir.c_str());
            return 1;
        }
        const Counts counts = run_directory(dir, parser, scorer, scores, dump, failures);
        print_counts(fs::path(dir).filename().string(), counts);
        total.add(counts);
        std::string source = fs::path(dir).filename().string();
        if (auto dash = source.rfind('-'); dash != std::string::npos) source.resize(dash);
        by_source[source].push_back(counts);
    }
    if (directories.empty()) return 0;
    std::printf("\nper source over its splits: min / median / max\n");
    for (const auto& entry : by_source) {
        // Named references, not a structured binding: Clang 14 lets no lambda capture a binding.
        const std::string& source = entry.first;
        const auto& runs = entry.second;
        const auto stat = [&](auto value) {
            std::vector<double> v;
            for (const auto& r : runs) v.push_back(value(r));
            std::sort(v.begin(), v.end());
            const double median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
            std::printf("  %.3f / %.3f / %.3f", v.front(), median, v.back());
        };
        std::printf("%-16s %zu splits  recall", source.c_str(), runs.size());
        stat([](const Counts& c) { return c.recall(); });
        std::printf("  false support");
        stat([](const Counts& c) { return c.false_rate(); });
        std::printf("  top evidence");
        stat([](const Counts& c) { return c.top(); });
        std::printf("  (joined gold counted");
        stat([](const Counts& c) { return c.top_joined(); });
        std::printf(")\n");
    }
    print_counts("all", total);
    std::printf("top evidence counting a gold sentence the parser joined to a neighbour: %.3f\n", total.top_joined());
    std::printf("claims the segmenter joined or split (not scored): %zu\n", total.unmatched_claims);
    sweep(scores);
    if (dump) std::fclose(dump);
    if (failures) std::fclose(failures);
    return 0;
}
