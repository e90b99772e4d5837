// summalign eval GOLD [FILE]: scores alignment against hand-written gold (corpus/gold/*.alignment.json).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "commands.hpp"
#include "detail/messages_format.hpp"
#include "train/gold_match.hpp"
#include "summalign/align.hpp"
#include "summalign/error.hpp"
#include "summalign/journal.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/pdf.hpp"
#include "summalign/similarity.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {
namespace {

using detail::same_sentence;

std::ptrdiff_t index_of(const std::vector<Sentence>& sentences, const std::string& text) {
    for (std::size_t k = 0; k < sentences.size(); ++k)
        if (same_sentence(sentences[k].text, text)) return static_cast<std::ptrdiff_t>(k);
    return -1;
}

struct EvalArguments {
    std::string gold_file;
    std::string source_file;
    std::string output;
    unsigned threads = 1;
};

// The gold files `argument` names: itself, or the *.alignment.json files under a directory
// (recursively, in path order).
std::vector<std::string> gold_files(const std::string& argument) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::is_directory(argument, error)) return {argument};
    std::vector<std::string> found;
    for (const fs::path& file : files_under(argument, {".alignment.json"}, "directory has no *.alignment.json gold files"))
        found.push_back(file.string());
    return found;
}

}  // namespace

void register_eval(CLI::App& app, Action& action, std::string& message_language) {
    auto arguments = std::make_shared<EvalArguments>();
    auto* command = app.add_subcommand("eval", "Score the alignment of a document against hand-written alignment gold");
    command->add_option("GOLD", arguments->gold_file,
                        "Gold file (corpus/gold/NAME.alignment.json), or a directory of them (scored together)")
        ->required();
    command->add_option("FILE", arguments->source_file,
                        "The journal text to parse and align; default: the gold's \"source\", relative to the current directory");
    add_output_option(*command, arguments->output);
    add_threads_option(*command, arguments->threads, "threads parsing each document");
    command->footer(
        "Prints strict bead F1 of the Resume/Summary ladders (a bead counts only when both its sides are exactly\n"
        "the gold's), title pairs found, precision@1 of claim evidence (the top sentence is one of the gold's for\n"
        "that claim, over claims the gold supports) and the false-support rate (claims the gold leaves\n"
        "unsupported that get evidence). Sentences are matched to the gold by their text. A directory of gold\n"
        "files is scored as one: the counts of all its files are summed before the ratios are taken.\n"
        "Examples:\n"
        "  summalign eval corpus/gold/ugeskr-2003-165-stamceller.alignment.json\n"
        "  summalign eval -o scores.txt corpus/gold/");
    command->callback([arguments, &action, &message_language] {
        action = [arguments, &message_language] {
            const Messages messages = messages_for(message_language);
            const std::vector<std::string> golds = gold_files(arguments->gold_file);
            if (golds.size() > 1 && !arguments->source_file.empty())
                throw UsageError("FILE goes with one gold file; a directory's gold files name their own sources");
            const unsigned threads = thread_count(arguments->threads, messages);
            // Every gold file is read and its source found before anything is scored.
            std::vector<std::pair<nlohmann::json, std::string>> inputs;
            for (const std::string& gold_file : golds) {
                const auto gold_source = read_source(gold_file);
                nlohmann::json gold;
                try {
                    gold = nlohmann::json::parse(gold_source.bytes);
                } catch (const nlohmann::json::exception& e) {
                    throw Error(gold_file, std::nullopt, std::string("not a gold file: ") + e.what());
                }
                if (!gold.is_object() || !gold.contains("articles"))
                    throw Error(gold_file, std::nullopt, "not a gold file: no \"articles\"");
                const std::string source_path =
                    !arguments->source_file.empty() ? arguments->source_file : gold.value("source", std::string());
                if (source_path.empty()) throw Error(gold_file, std::nullopt, "no \"source\" and no FILE given");
                inputs.emplace_back(std::move(gold), source_path);
            }
            const Parser parser;
            const Lexicon lexicon;
            const SentenceScorer scorer(lexicon);

            std::size_t bead_correct = 0, bead_found = 0, bead_gold = 0;
            std::size_t titles_gold = 0, titles_found = 0;
            std::size_t supported_gold = 0, top_correct = 0, unsupported_gold = 0, false_support = 0;
            // How far the support threshold is from both sides of the gold (docs/scoring.md).
            double best_unsupported = 0.0, lowest_correct_top = 1.0;
            std::string report;
            for (const auto& [gold, source_path] : inputs) {
                // text or a PDF, as align takes it
                const Document document = parser.parse(DocumentLayout(read_input(source_path).source), threads);
                for (const auto& gold_article : gold.at("articles")) {
                    const auto& summary_title = gold_article.at("summary_title");
                    if (summary_title.is_null()) continue;  // nothing to align without a Summary
                    const Article* article = nullptr;
                    for (const auto& candidate : document.articles)
                        if (candidate.summary && candidate.summary->title &&
                            same_sentence(candidate.summary->title->text, summary_title.get<std::string>()))
                            article = &candidate;
                    const auto& gold_beads = gold_article.at("resume_summary");
                    const auto& gold_support = gold_article.at("support");
                    bead_gold += gold_beads.size();
                    if (!gold_article.at("title").is_null()) ++titles_gold;
                    for (const auto& claim : gold_support) (claim.at("supported").get<bool>() ? supported_gold : unsupported_gold) += 1;
                    if (!article) {
                        report += detail::format_message(messages, "article not found by the parser: {}{}", summary_title.get<std::string>(),
                                                       golds.size() > 1 ? " (" + source_path + ")" : std::string()) +
                              "\n";
                        continue;
                    }
                    const ArticleAlignment alignment = align_article_parts(scorer, *article);
                    if (!gold_article.at("title").is_null() && alignment.title &&
                        same_sentence(alignment.title->en, gold_article["title"]["en"].get<std::string>()))
                        ++titles_found;
                    // Gold beads in the parser's indexes.
                    std::set<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> truth;
                    for (const auto& bead : gold_beads) {
                        std::vector<std::size_t> da, en;
                        bool ok = true;
                        for (const auto& i : bead.at("da")) {
                            const auto k = index_of(article->resume, gold_article["resume"][i.get<std::size_t>()].get<std::string>());
                            ok = ok && k >= 0;
                            da.push_back(static_cast<std::size_t>(std::max<std::ptrdiff_t>(k, 0)));
                        }
                        for (const auto& i : bead.at("en")) {
                            const auto k = index_of(article->summary->sentences, gold_article["summary"][i.get<std::size_t>()].get<std::string>());
                            ok = ok && k >= 0;
                            en.push_back(static_cast<std::size_t>(std::max<std::ptrdiff_t>(k, 0)));
                        }
                        if (ok) truth.emplace(da, en);
                    }
                    bead_found += alignment.resume_summary.size();
                    for (const auto& bead : alignment.resume_summary) bead_correct += truth.contains({bead.da, bead.en});
                    for (const auto& gold_claim : gold_support) {
                        const auto k = index_of(article->summary->sentences, gold_claim.at("en").get<std::string>());
                        const ClaimSupport* claim = nullptr;
                        for (const auto& c : alignment.support)
                            if (k >= 0 && c.en == static_cast<std::size_t>(k)) claim = &c;
                        const bool system_supported = claim && claim->supported;
                        if (!gold_claim.at("supported").get<bool>()) {
                            false_support += system_supported;
                            if (claim) best_unsupported = std::max(best_unsupported, claim->best_score);
                            continue;
                        }
                        if (!system_supported) continue;
                        const auto& top = claim->evidence.front().text;
                        const auto& accepted = gold_claim.at("evidence");
                        const bool correct = std::any_of(accepted.begin(), accepted.end(), [&](const nlohmann::json& text) {
                            return same_sentence(top, text.get<std::string>());
                        });
                        top_correct += correct;
                        if (correct) lowest_correct_top = std::min(lowest_correct_top, claim->evidence.front().score);
                    }
                }
            }
            auto ratio = [](std::size_t a, std::size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; };
            const double precision = ratio(bead_correct, bead_found), recall = ratio(bead_correct, bead_gold);
            const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
            // The labels and words in the messages' language; the numbers as they are (a tab-separated table).
            report += detail::format_message(messages, "ladder strict bead F1\t{:.4f}\t(precision {:.4f}, recall {:.4f}, {} gold beads)", f1,
                                             precision, recall, bead_gold) +
                      "\n";
            report += detail::format_message(messages, "title pairs found\t{}/{}", titles_found, titles_gold) + "\n";
            report += detail::format_message(messages, "claim precision@1\t{:.4f}\t({}/{} supported claims)",
                                             ratio(top_correct, supported_gold), top_correct, supported_gold) +
                      "\n";
            report += detail::format_message(messages, "false-support rate\t{:.4f}\t({}/{} unsupported claims)",
                                             ratio(false_support, unsupported_gold), false_support, unsupported_gold) +
                      "\n";
            if (unsupported_gold > 0 && top_correct > 0)
                report += detail::format_message(messages,
                                                 "support margin\tbest unsupported {:.3f} < threshold {:.3f} <= lowest correct top {:.3f}",
                                                 best_unsupported, support_threshold(), lowest_correct_top) +
                          "\n";
            emit(arguments->output, report);
            return 0;
        };
    });
}

}  // namespace summalign::cli
