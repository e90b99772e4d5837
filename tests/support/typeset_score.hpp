#pragma once
// Scores a parsed (and aligned) document of the typeset corpus against its gold
// (tests/typeset/make_corpus.py writes both; docs/typeset-corpus.md describes the gold).
// Shared by tests/test_typeset_corpus.cpp and bench/typeset_accuracy.cpp, so that the test
// and the benchmark judge alike. Every comparison is exact: the gold is what the article
// says, character for character (line-break hyphens removed, real hyphens kept).
#include <array>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "summalign/align.hpp"
#include "summalign/journal.hpp"
#include "summalign/pdf.hpp"
#include "summalign/similarity.hpp"

namespace summalign::typeset {

using Json = nlohmann::json;

// The fields scored per article. The first seven are the benchmark's columns.
// "truncated": both truncated_start and truncated_end as the gold says.
enum Field : std::size_t {
    title, kind, authors, resume, headings, summary, citation, body, figures, correspondence, truncated, field_count
};

inline constexpr std::array<const char*, field_count> field_names = {
    "title", "kind", "authors", "resume", "headings", "summary", "citation", "body", "figures", "correspondence", "truncated"};

struct Score {
    std::size_t articles = 0;                     // gold articles
    std::size_t parsed_articles = 0;              // articles the parser found
    std::array<std::size_t, field_count> right{};  // gold articles whose field matched exactly
    std::size_t beads_correct = 0, beads_found = 0, beads_gold = 0;
    // The same over the articles whose Resumé and Summary sentences both match the gold: the
    // aligner's share of the errors, apart from the parser's.
    std::size_t clean_correct = 0, clean_found = 0, clean_gold = 0;
    std::size_t sentences_gold = 0;  // gold Resumé + Summary sentences
    std::size_t sentences_lost = 0;  // of those, the ones whose words appear nowhere in the parse
    std::vector<std::string> failures;  // "article 3 (Title): resume: ..." one per failed field

    void add(const Score& o) {
        articles += o.articles;
        parsed_articles += o.parsed_articles;
        for (std::size_t f = 0; f < field_count; ++f) right[f] += o.right[f];
        beads_correct += o.beads_correct;
        beads_found += o.beads_found;
        beads_gold += o.beads_gold;
        clean_correct += o.clean_correct;
        clean_found += o.clean_found;
        clean_gold += o.clean_gold;
        sentences_gold += o.sentences_gold;
        sentences_lost += o.sentences_lost;
        failures.insert(failures.end(), o.failures.begin(), o.failures.end());
    }
    double accuracy(Field f) const { return articles ? double(right[f]) / double(articles) : 0.0; }
    double bead_f1() const {
        const double p = beads_found ? double(beads_correct) / double(beads_found) : 0.0;
        const double r = beads_gold ? double(beads_correct) / double(beads_gold) : 0.0;
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    // One named part of exact(): a field name of field_names, "articles" (as many articles
    // as the gold), "lost" (no sentence lost) or "beads" (every gold bead and no other).
    std::optional<bool> part_exact(std::string_view part) const {
        for (std::size_t f = 0; f < field_count; ++f)
            if (part == field_names[f]) return right[f] == articles;
        if (part == "articles") return parsed_articles == articles;
        if (part == "lost") return sentences_lost == 0;
        if (part == "beads") return beads_correct == beads_gold && beads_found == beads_gold;
        return std::nullopt;
    }
    double clean_bead_f1() const {
        const double p = clean_found ? double(clean_correct) / double(clean_found) : 0.0;
        const double r = clean_gold ? double(clean_correct) / double(clean_gold) : 0.0;
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    bool exact() const {
        if (parsed_articles != articles || beads_correct != beads_gold || beads_found != beads_gold || sentences_lost) return false;
        for (std::size_t f = 0; f < field_count; ++f)
            if (right[f] != articles) return false;
        return true;
    }
};

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

namespace detail {

inline std::optional<std::string> text_of(const std::optional<Sentence>& s) {
    if (!s) return std::nullopt;
    return s->text;
}

inline std::optional<std::string> gold_string(const Json& value) {
    if (value.is_null()) return std::nullopt;
    return value.get<std::string>();
}

inline std::vector<std::string> texts(const std::vector<Sentence>& sentences) {
    std::vector<std::string> out;
    for (const Sentence& s : sentences) out.push_back(s.text);
    return out;
}

inline std::string show(const std::optional<std::string>& s) { return s ? "\"" + *s + "\"" : "null"; }

inline std::string show(const std::vector<std::string>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? " | " : "") + v[i];
    return out + "]";
}

// The first place two sentence lists differ, for the failure message.
inline std::string first_difference(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    const std::size_t n = std::min(got.size(), want.size());
    for (std::size_t i = 0; i < n; ++i)
        if (got[i] != want[i]) return "sentence " + std::to_string(i) + ": got \"" + got[i] + "\", gold \"" + want[i] + "\"";
    return "got " + std::to_string(got.size()) + " sentences, gold " + std::to_string(want.size()) +
           (got.size() > n ? "; extra \"" + got[n] + "\"" : want.size() > n ? "; missing \"" + want[n] + "\"" : "");
}

// Letters and digits only: what is left of a text whatever the layout did to spaces,
// hyphens and line ends.
inline std::string alphanumerics(std::string_view s) {
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c)) out.push_back(ch);
    }
    return out;
}

// Every text the parser kept, in document order, as letters and digits.
inline std::string parsed_letters(const Document& document) {
    std::string out;
    auto add = [&](const std::string& text) { out += alphanumerics(text); };
    for (const Article& a : document.articles) {
        if (a.title) add(a.title->text);
        if (a.subtitle) add(a.subtitle->text);
        for (const auto& s : a.resume) add(s.text);
        for (const auto& section : a.sections) {
            if (section.heading) add(section.heading->text);
            for (const auto& s : section.sentences) add(s.text);
        }
        for (const auto& f : a.figures) add(f.caption.text);
        if (a.summary) {
            if (a.summary->title) add(a.summary->title->text);
            for (const auto& s : a.summary->sentences) add(s.text);
        }
        if (a.correspondence) add(a.correspondence->text);
    }
    return out;
}

struct GoldBead {
    std::vector<std::size_t> da, en;
    auto operator<=>(const GoldBead&) const = default;
};

}  // namespace detail

// Scores one parsed document against the gold of its document. `alignments` (parallel to
// document.articles) may be empty: then beads are not scored. Gold articles are paired with
// parsed ones by position when the counts agree, otherwise by exact title (in order); a gold
// article without a partner fails every field.
inline Score score_document(const Json& gold, const Document& document, const std::vector<ArticleAlignment>& alignments) {
    using namespace detail;
    Score score;
    const Json& golds = gold.at("articles");
    score.articles = golds.size();
    score.parsed_articles = document.articles.size();
    std::vector<const Article*> partner(golds.size(), nullptr);
    std::vector<std::size_t> partner_index(golds.size(), 0);
    if (document.articles.size() == golds.size()) {
        for (std::size_t i = 0; i < golds.size(); ++i) partner[i] = &document.articles[i], partner_index[i] = i;
    } else {
        std::size_t next = 0;
        for (std::size_t i = 0; i < golds.size(); ++i) {
            const auto want = gold_string(golds[i]["title"]);
            for (std::size_t j = next; j < document.articles.size(); ++j) {
                if (text_of(document.articles[j].title) == want) {
                    partner[i] = &document.articles[j];
                    partner_index[i] = j;
                    next = j + 1;
                    break;
                }
            }
        }
        score.failures.push_back("document: parsed " + std::to_string(document.articles.size()) + " articles, gold " +
                                 std::to_string(golds.size()));
    }
    const std::string letters = parsed_letters(document);
    for (std::size_t i = 0; i < golds.size(); ++i) {
        const Json& g = golds[i];
        const std::string name = "article " + std::to_string(i) + " (" + (g["title"].is_null() ? std::string("no title") : g["title"].get<std::string>()) + ")";
        auto fail = [&](Field f, const std::string& why) { score.failures.push_back(name + ": " + field_names[f] + ": " + why); };

        // Lost sentences are judged on the whole parse, whatever article they landed in.
        std::vector<std::string> gold_sentences = g["resume"].get<std::vector<std::string>>();
        if (!g["summary"].is_null())
            for (const auto& s : g["summary"]["sentences"]) gold_sentences.push_back(s.get<std::string>());
        for (const auto& s : gold_sentences) {
            ++score.sentences_gold;
            if (letters.find(alphanumerics(s)) == std::string::npos) {
                ++score.sentences_lost;
                score.failures.push_back(name + ": lost: \"" + s + "\"");
            }
        }
        std::size_t gold_beads = 0;
        if (!g["summary"].is_null()) gold_beads = g["resume_summary"].size();
        score.beads_gold += gold_beads;

        const Article* a = partner[i];
        if (!a) {
            for (std::size_t f = 0; f < field_count; ++f) fail(Field(f), "no parsed article with this title");
            continue;
        }
        auto check = [&](Field f, bool ok, const std::string& why) {
            if (ok) ++score.right[f];
            else fail(f, why);
        };
        const auto title_got = text_of(a->title), subtitle_got = text_of(a->subtitle);
        const auto title_want = gold_string(g["title"]), subtitle_want = gold_string(g["subtitle"]);
        check(Field::title, title_got == title_want && subtitle_got == subtitle_want,
              "got " + show(title_got) + " / " + show(subtitle_got) + ", gold " + show(title_want) + " / " + show(subtitle_want));
        check(Field::truncated,
              a->truncated_start == g["truncated_start"].get<bool>() && a->truncated_end == g["truncated_end"].get<bool>(),
              std::string("got start ") + (a->truncated_start ? "true" : "false") + " end " + (a->truncated_end ? "true" : "false") +
                  ", gold start " + (g["truncated_start"].get<bool>() ? "true" : "false") + " end " +
                  (g["truncated_end"].get<bool>() ? "true" : "false"));
        check(Field::kind, a->kind == gold_string(g["kind"]), "got " + show(a->kind) + ", gold " + show(gold_string(g["kind"])));
        const auto authors_want = g["authors"].get<std::vector<std::string>>();
        check(Field::authors, a->authors == authors_want, "got " + show(a->authors) + ", gold " + show(authors_want));
        const auto resume_got = texts(a->resume);
        const auto resume_want = g["resume"].get<std::vector<std::string>>();
        check(Field::resume, resume_got == resume_want, first_difference(resume_got, resume_want));

        std::vector<std::string> headings_got, headings_want, body_got, body_want;
        for (const auto& section : a->sections) {
            headings_got.push_back(section.heading ? section.heading->text : "(none)");
            for (const auto& s : section.sentences) body_got.push_back(s.text);
        }
        for (const auto& section : g["sections"]) {
            headings_want.push_back(section["heading"].is_null() ? "(none)" : section["heading"].get<std::string>());
            for (const auto& s : section["sentences"]) body_want.push_back(s.get<std::string>());
        }
        check(Field::headings, headings_got == headings_want, "got " + show(headings_got) + ", gold " + show(headings_want));
        check(Field::body, body_got == body_want, first_difference(body_got, body_want));

        std::vector<std::string> figures_got, figures_want;
        for (const auto& f : a->figures) figures_got.push_back(f.label + " " + f.caption.text);
        for (const auto& f : g["figures"]) figures_want.push_back(f["label"].get<std::string>() + " " + f["caption"].get<std::string>());
        check(Field::figures, figures_got == figures_want, "got " + show(figures_got) + ", gold " + show(figures_want));
        check(Field::correspondence, text_of(a->correspondence) == gold_string(g["correspondence"]),
              "got " + show(text_of(a->correspondence)) + ", gold " + show(gold_string(g["correspondence"])));

        const Json& gs = g["summary"];
        if (gs.is_null()) {
            check(Field::summary, !a->summary, "the parser found a Summary the article does not have");
            check(Field::citation, !a->summary || !a->summary->citation, "the parser found a citation the article does not have");
        } else if (!a->summary) {
            fail(Field::summary, "no Summary found");
            fail(Field::citation, "no Summary found");
        } else {
            const auto& s = *a->summary;
            const auto sentences_got = texts(s.sentences);
            const auto sentences_want = gs["sentences"].get<std::vector<std::string>>();
            const auto authors_want_en = gs["authors"].get<std::vector<std::string>>();
            std::string why;
            if (s.authors != authors_want_en) why = "authors: got " + show(s.authors) + ", gold " + show(authors_want_en);
            else if (text_of(s.title) != gold_string(gs["title"]))
                why = "title: got " + show(text_of(s.title)) + ", gold " + show(gold_string(gs["title"]));
            else if (sentences_got != sentences_want) why = first_difference(sentences_got, sentences_want);
            check(Field::summary, why.empty(), why);
            const Json& gc = gs["citation"];
            const bool cite_ok = s.citation && s.citation->journal == gc["journal"].get<std::string>() &&
                                 s.citation->year == gc["year"].get<int>() && s.citation->volume == gc["volume"].get<int>() &&
                                 s.citation->pages == gc["pages"].get<std::string>();
            const std::string cite_got = s.citation ? s.citation->journal + " " + std::to_string(s.citation->year) + ";" +
                                                          std::to_string(s.citation->volume) + ":" + s.citation->pages
                                                    : std::string("none");
            check(Field::citation, cite_ok,
                  "got " + cite_got + ", gold " + gc["journal"].get<std::string>() + " " + std::to_string(gc["year"].get<int>()) +
                      ";" + std::to_string(gc["volume"].get<int>()) + ":" + gc["pages"].get<std::string>());
        }

        // Beads: strict, the parser's sentence indices against the gold's.
        if (alignments.empty()) continue;
        const auto& found = alignments[partner_index[i]].resume_summary;
        // A one-sided ladder (no Resumé or no Summary) is not a Resumé/Summary alignment.
        const bool two_sided = !a->resume.empty() && a->summary && !a->summary->sentences.empty();
        if (!two_sided) {
            if (gold_beads) score.failures.push_back(name + ": beads: no Resumé/Summary alignment (a side is empty)");
            continue;
        }
        score.beads_found += found.size();
        std::set<GoldBead> truth;
        if (!gs.is_null())
            for (const auto& b : g["resume_summary"])
                truth.insert(GoldBead{b["da"].get<std::vector<std::size_t>>(), b["en"].get<std::vector<std::size_t>>()});
        std::size_t correct = 0;
        for (const auto& bead : found) correct += truth.contains(GoldBead{bead.da, bead.en});
        score.beads_correct += correct;
        if (!gs.is_null() && resume_got == resume_want && texts(a->summary->sentences) == gs["sentences"].get<std::vector<std::string>>()) {
            score.clean_correct += correct;
            score.clean_found += found.size();
            score.clean_gold += truth.size();
        }
        if (correct != truth.size() || found.size() != truth.size())
            score.failures.push_back(name + ": beads: " + std::to_string(correct) + " of " + std::to_string(truth.size()) +
                                     " gold beads found, " + std::to_string(found.size()) + " beads in all");
    }
    return score;
}

// The corpus the generator wrote: its variants, modes and documents (manifest.json).
struct Corpus {
    std::filesystem::path root;
    std::vector<std::string> variants, modes, documents;
    std::vector<Json> gold;  // parallel to documents

    static Corpus load(const std::filesystem::path& root) {
        Corpus c;
        c.root = root;
        const std::string text = read_text(root / "manifest.json");
        if (text.empty()) return c;
        const Json manifest = Json::parse(text);
        for (const auto& [name, _] : manifest["variants"].items()) c.variants.push_back(name);
        c.modes = manifest["modes"].get<std::vector<std::string>>();
        c.documents = manifest["documents"].get<std::vector<std::string>>();
        for (const auto& d : c.documents) c.gold.push_back(Json::parse(read_text(root / "gold" / (d + ".json"))));
        return c;
    }
    std::filesystem::path extraction(const std::string& variant, const std::string& document, const std::string& mode) const {
        return root / variant / (document + "." + mode + ".txt");
    }
};

// Parses every document of one variant in one mode ("pdf": VARIANT/docNN.pdf through
// read_input, its pages attached; else the pdftotext extraction of that mode), with a scorer
// aligns its Resumés and Summaries, and scores it against the gold; `inspect` sees each input
// and its document.
inline Score score_extraction(const Corpus& corpus, const std::string& variant, const std::string& mode, const Parser& parser,
                              const SentenceScorer* scorer,
                              const std::function<void(const Input&, const Document&)>& inspect = {}) {
    Score total;
    for (std::size_t d = 0; d < corpus.documents.size(); ++d) {
        const std::filesystem::path path = mode == "pdf" ? corpus.root / variant / (corpus.documents[d] + ".pdf")
                                                         : corpus.extraction(variant, corpus.documents[d], mode);
        const Input input = read_input(path.string());
        Document document = parser.parse(input.source);
        attach_pages(document, input);
        std::vector<ArticleAlignment> alignments;
        if (scorer)
            for (Article& article : document.articles) {
                settle_resume_end(*scorer, article, input.source.bytes);
                alignments.push_back(align_article_parts(*scorer, article));
            }
        Score s = score_document(corpus.gold[d], document, alignments);
        for (auto& f : s.failures) f = corpus.documents[d] + " " + f;
        total.add(s);
        if (inspect) inspect(input, document);
    }
    return total;
}

}  // namespace summalign::typeset
