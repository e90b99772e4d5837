// Unit tests of each layout repair: de-hyphenation (removed vs kept), running heads and
// page numbers, caption lifting, and normalisation with exact byte offsets.
#include <catch2/catch.hpp>

#include <string>

#include "detail/hyphenation_patterns.hpp"
#include "detail/layout_lines.hpp"
#include "detail/layout_repair.hpp"
#include "summalign/data.hpp"
#include "summalign/layout.hpp"

using summalign::detail::HyphenDecision;
using summalign::Repair;

namespace {

const summalign::detail::Dehyphenator& dehyphenator() {
    static const summalign::detail::Dehyphenator instance;
    return instance;
}

struct Repaired {
    summalign::detail::LayoutResult layout;
    summalign::MappedText text;  // all lines joined as one paragraph
    std::vector<Repair> repairs;  // layout repairs and join repairs
};

Repaired repair(const std::string& text) {
    Repaired r;
    r.layout = summalign::detail::repair_layout(summalign::make_source(text, "test"));
    const summalign::detail::DocumentWords words(r.layout.lines);
    std::vector<const summalign::detail::SourceLine*> lines;
    for (const auto& line : r.layout.lines) lines.push_back(&line);
    r.repairs = r.layout.repairs;
    r.text = summalign::detail::join_lines(lines, dehyphenator(), words, r.repairs);
    return r;
}

std::string joined(const std::string& text) { return repair(text).text.text(); }

// A lifted caption's lines joined as the parser joins them.
summalign::MappedText caption_text(const summalign::detail::LiftedCaption& caption) {
    summalign::detail::DocumentWords words;
    std::vector<const summalign::detail::SourceLine*> lines;
    for (const auto& line : caption.lines) lines.push_back(&line);
    std::vector<Repair> repairs;
    return summalign::detail::join_lines(lines, dehyphenator(), words, repairs);
}

std::size_t count(const std::vector<Repair>& repairs, Repair::Kind kind) {
    return static_cast<std::size_t>(std::count_if(repairs.begin(), repairs.end(), [kind](const Repair& r) { return r.kind == kind; }));
}

}  // namespace

TEST_CASE("line-break hyphens that split a word are removed", "[layout][hyphen]") {
    REQUIRE(dehyphenator().has_dictionaries());
    CHECK(joined("behandling med genmanipu-\nlerede stamceller [13].") == "behandling med genmanipulerede stamceller [13].");
    CHECK(joined("vil gøre en pa-\ntient immunologisk tolerant") == "vil gøre en patient immunologisk tolerant");
    CHECK(joined("organer, der efter-\nfølgende transplanteres") == "organer, der efterfølgende transplanteres");
    // A hyphenated compound broken again at a syllable: only the syllable hyphen goes.
    CHECK(joined("autolog HSC-transplan-\ntation, syntes") == "autolog HSC-transplantation, syntes");
    const auto r = repair("genmanipu-\nlerede");
    CHECK(count(r.repairs, Repair::Kind::line_break_hyphen_removed) == 1);
}

TEST_CASE("real hyphens at a line break are kept", "[layout][hyphen]") {
    // An abbreviation in capitals or digits before the hyphen.
    CHECK(joined("Man har prøvet MSC-\ntransplantation til reparation") == "Man har prøvet MSC-transplantation til reparation");
    CHECK(joined("transplantation af HLA-\nmatchet allogen MSC") == "transplantation af HLA-matchet allogen MSC");
    CHECK(joined("faktor IX-\ngen [22] kan") == "faktor IX-gen [22] kan");
    // A suspended compound: the hyphen stands for a word part, a space follows.
    CHECK(joined("store knogle-\nog bruskdefekter") == "store knogle- og bruskdefekter");
    CHECK(joined("overført IL-3-\n[21] eller faktor") == "overført IL-3- [21] eller faktor");
    // A line that starts with a hyphen is a suspended compound's second half.
    CHECK(joined("vævsregeneration og\n-fornyelse, og dermed") == "vævsregeneration og -fornyelse, og dermed");
    // A chain of hyphenated parts.
    CHECK(joined("typisk proof-of-principle-\nforsøg med få") == "typisk proof-of-principle-forsøg med få");
    CHECK(joined("This step-\nby-step guide") == "This step-by-step guide");
    CHECK(joined("side-\nom-side og hånd-\ni-hånd") == "side-om-side og hånd-i-hånd");
    // A single letter before the hyphen: typesetters never break a word after its first letter.
    CHECK(joined("værdien for hvilken t-\nfordelingen bliver beregnet") == "værdien for hvilken t-fordelingen bliver beregnet");
    CHECK(joined("insulinproducerende β-\nceller [8].") == "insulinproducerende β-celler [8].");
    // Two suspended parts paired by a slash are written closed up.
    CHECK(joined("resultat af ETS-\n/EDS-algoritmer") == "resultat af ETS-/EDS-algoritmer");
    // A bracketed word part heads the compound on the next line.
    CHECK(joined("en (hvor)-\nsætning og værdi(er)-\nlisten") == "en (hvor)-sætning og værdi(er)-listen");
    CHECK(count(repair("en (hvor)-\nsætning").repairs, Repair::Kind::line_break_hyphen_kept) == 1);
    // A bracket closed before a hyphen that begins the next line's text is no such part.
    CHECK(joined("se (figur 2) -\nog videre") == "se (figur 2) - og videre");
    const auto r = repair("prøvet MSC-\ntransplantation");
    CHECK(count(r.repairs, Repair::Kind::line_break_hyphen_kept) == 1);
    CHECK(count(r.repairs, Repair::Kind::line_break_hyphen_removed) == 0);
}

TEST_CASE("the document's own words decide where the dictionary cannot", "[layout][hyphen]") {
    // Hunspell does not know the word; its unbroken occurrence elsewhere decides.
    CHECK_FALSE(dehyphenator().is_dictionary_word("ikkehæmopoietiske"));
    CHECK(joined("blandt de ikkehæmo-\npoietiske celler. De ikkehæmopoietiske celler") ==
          "blandt de ikkehæmopoietiske celler. De ikkehæmopoietiske celler");
    CHECK(joined("blandt de ikke-\nhæmopoietiske celler. De ikke-hæmopoietiske celler") ==
          "blandt de ikke-hæmopoietiske celler. De ikke-hæmopoietiske celler");
    // "de novo-|blodkar": Hunspell would build "novoblodkar" as a compound, but the
    // document uses "novo" as the head of a hyphenated compound.
    CHECK(joined("dannelse af de novo-\nblodkar (vaskulogenese) og de novo-syntese") ==
          "dannelse af de novo-blodkar (vaskulogenese) og de novo-syntese");

    summalign::detail::DocumentWords words;
    words.add_text("Vi så de novo-syntese og MSC-biologien.");
    CHECK(words.count("MSC-biologien") == 1);
    CHECK(words.is_compound_head("novo"));
    CHECK(dehyphenator().decide("novo", "blodkar", words) == HyphenDecision::keep);
    CHECK(dehyphenator().decide("novo", "blodkar", summalign::detail::DocumentWords{}) == HyphenDecision::join);
    CHECK(dehyphenator().decide("genmanipu", "lerede", words) == HyphenDecision::join);
    CHECK(dehyphenator().decide("MSC", "biologien", words) == HyphenDecision::keep);
    CHECK(dehyphenator().decide("knogle", "og bruskdefekter", words) == HyphenDecision::keep_with_space);
    // A capital after the hyphen keeps it ("Hansen-|Lund", "anti-|CD34"), unless the document
    // writes the word unbroken: a typesetter breaks "LibreOffice" as "Libre-|Office".
    CHECK(dehyphenator().decide("Hansen", "Lund", words) == HyphenDecision::keep);
    CHECK(dehyphenator().decide("Libre", "Office", words) == HyphenDecision::keep);
    summalign::detail::DocumentWords product;
    product.add_text("Åbn LibreOffice og vælg LibreOffice Writer.");
    CHECK(dehyphenator().decide("Libre", "Office Basic", product) == HyphenDecision::join);
    CHECK(dehyphenator().decide("Hansen", "Lund", product) == HyphenDecision::keep);
}

TEST_CASE("a real hyphen at a line end is kept where the words and the dictionaries say so", "[layout][hyphen]") {
    const summalign::detail::DocumentWords none;
    // A name or product name heading a compound inside a sentence keeps its hyphen; at the
    // start of a sentence a capital says nothing, and a compound of a compound is no name.
    CHECK(dehyphenator().decide("Data", "fanebladet i dialogen", none, "Klik på ") == HyphenDecision::keep);
    CHECK(dehyphenator().decide("ScriptsForge", "tjeneste, så", none, "instantiere en ") == HyphenDecision::keep);
    CHECK(dehyphenator().decide("Data", "fanebladet i dialogen", none, "Det er slut. ") == HyphenDecision::join);
    CHECK(dehyphenator().decide("Navigatorvin", "duet.", none, "eller i ") == HyphenDecision::join);
    CHECK(dehyphenator().decide("Funktions", "guiden, som", none, "Åbner ") == HyphenDecision::join);
    // A capitalised word split inside a closed compound leaves a rest no dictionary knows as a
    // word of its own (only its compounding rules make it up): joined.
    CHECK(dehyphenator().decide("Udskrift", "sindstillinger.", none, "under Filer - ") == HyphenDecision::join);
    CHECK(dehyphenator().decide("Dispositions", "symbolindstillingerne angive", none, "en Dispositionoutline, vil ") ==
          HyphenDecision::join);
    CHECK(dehyphenator().decide("Kapitel", "nummer og navn\"", none, "Type og \"") == HyphenDecision::join);
    // A word set in capitals is broken like any other; an abbreviation's parts make no word.
    CHECK(dehyphenator().decide("SAM", "MENKÆDNING, da", none, "forbedring af ") == HyphenDecision::join);
    CHECK(dehyphenator().decide("AG", "GREGER-funktioner.", none, "foretag ") == HyphenDecision::join);
    CHECK(dehyphenator().decide("HLA", "DR antigen", none, "med ") == HyphenDecision::keep);
    // A suspended compound before a conjunction, also after an abbreviation.
    CHECK(dehyphenator().decide("ASCII", "eller katakana-tegn", none, "(halv-bredde) ") == HyphenDecision::keep_with_space);
    // A conjunction or preposition opening a chain of hyphenated parts: a real hyphen.
    CHECK(dehyphenator().decide("Klikker", "og-trækker du med musen", none, "når du ") == HyphenDecision::keep);
    CHECK(dehyphenator().decide("drag", "and-drop editing", none, "with ") == HyphenDecision::keep);
    CHECK(dehyphenator().decide("dia", "log-boksen", none, "i ") == HyphenDecision::join);
    // A conjunction or relative pronoun as a compound's first part ends a phrase: "Gem
    // som-kommandoen"; a dictionary word that begins with one is joined ("som-|mer").
    CHECK(dehyphenator().decide("som", "kommandoen.", none, "til Gem ") == HyphenDecision::keep);
    CHECK(dehyphenator().decide("som", "mer og efterår", none, "i ") == HyphenDecision::join);
    // Danish closes compounds: two Danish words are joined ("hud-|autograft", "eksekver-|bare").
    CHECK(dehyphenator().decide("hud", "autograft, var", none, "behandling med ") == HyphenDecision::join);
    CHECK(dehyphenator().decide("eksekver", "bare programkode", none, "før den ") == HyphenDecision::join);
    // A chain keeps its hyphen only when its last part is a word: "dato-ac-|ceptmønstre".
    CHECK(dehyphenator().decide("dato-ac", "ceptmønstre, i", none, "definerede ") == HyphenDecision::join);
    // A capitalised part after an inner hyphen is a name heading the compound, never a
    // sentence's first word: "Black-Scholes-|model". A cut inside that part leaves no word.
    CHECK(dehyphenator().decide("Black-Scholes", "model. Yderligere", none,
                                "sider Options (finance) og ") == HyphenDecision::keep);
    CHECK(dehyphenator().decide("Debian-Instal", "lationen.", none, "under ") ==
          HyphenDecision::join);
    // Inside an e-mail address no compound rule applies.
    CHECK(dehyphenator().decide("dadl", "net.dk", none, "E-mail: lw@") == HyphenDecision::join);
    // The document's spelling of the part up to the next hyphen: "Libre-|Office-program".
    summalign::detail::DocumentWords product;
    product.add_text("Åbn LibreOffice og vælg LibreOffice Writer.");
    CHECK(dehyphenator().decide("Libre", "Office-program.", product, "ethvert ") == HyphenDecision::join);
    // A name the dictionaries do not know heads a compound with its hyphen where the document
    // writes it as a word of its own ("Debian Edu"); a fragment it never writes stays joined.
    summalign::detail::DocumentWords names;
    names.add_text("Manual for Debian Edu og Skolelinux.");
    CHECK(dehyphenator().decide("Edu", "maskiner i denne gruppe", names, "og debian ") == HyphenDecision::keep);
    CHECK(dehyphenator().decide("Edu", "udviklingspakkerne.", names, "se siden for Debian ") == HyphenDecision::keep);
    CHECK(dehyphenator().decide("Skolelinux", "installationsprogrammet, vil", names, "installeret via ") == HyphenDecision::keep);
    CHECK(dehyphenator().decide("Edu", "maskiner i denne gruppe", none, "og debian ") == HyphenDecision::join);
    CHECK(dehyphenator().decide("Navigatorvin", "duet.", names, "eller i ") == HyphenDecision::join);
    // In running text the paragraph so far is the context.
    CHECK(joined("Klik på Fjern-\nknappen for at fjerne den.") == "Klik på Fjern-knappen for at fjerne den.");
    CHECK(joined("Fjern-\nknappen fjerner den.") == "Fjernknappen fjerner den.");
}

TEST_CASE("two Danish words keep a hyphen where the document writes the first alone and no "
          "dictionary joins them",
          "[layout][hyphen]") {
    const summalign::detail::DocumentWords none;
    summalign::detail::DocumentWords words;
    words.add_text(
        "Forsøg in vitro og in vivo. En disk, en eksekver og flere brugere i dokumentet.");
    REQUIRE_FALSE(dehyphenator().knows("vitrostudier"));
    CHECK(dehyphenator().decide("vitro", "studier, som", words, "flere in ") ==
          HyphenDecision::keep);
    // Without the first part written alone, typesetting's cut is the likelier.
    CHECK(dehyphenator().decide("vitro", "studier, som", none, "flere in ") ==
          HyphenDecision::join);
    // A derivational suffix's form after the hyphen is a word typesetting cut.
    CHECK(dehyphenator().decide("disk", "løse arbejdsstationer", words,
                                "For arbejdsstationer, ") == HyphenDecision::join);
    CHECK(dehyphenator().decide("eksekver", "bare programkode", words, "før den ") ==
          HyphenDecision::join);
    // A plural or definite form heads no compound.
    CHECK(dehyphenator().decide("brugere", "definerede filer", words, "administrere ") ==
          HyphenDecision::join);
    CHECK(dehyphenator().decide("dokumentet", "teksten.", words, "mellem sidehovedet og ") ==
          HyphenDecision::join);
}

TEST_CASE("the hyphenation patterns allow a break where TeX's Danish or groff's English ones do", "[layout][hyphen]") {
    const summalign::detail::HyphenationPatterns patterns(
        {summalign::find_data_file(std::string(summalign::detail::danish_patterns_file)),
         summalign::find_data_file(std::string(summalign::detail::english_patterns_file))});
    REQUIRE_FALSE(patterns.empty());
    // TeX's Danish patterns set "ar-bej-der", "le-ve-rer" (the patterns as Debian ships them,
    // read without their substrings, gave "ar=bejder"); US English "ar-be-jder".
    CHECK(patterns.allows_break("arbejder", 2) == true);
    CHECK(patterns.allows_break("arbejder", 5) == true);
    CHECK(patterns.allows_break("arbejder", 4) == true);
    CHECK(patterns.allows_break("leverer", 4) == true);
    // Danish "be-taud-g-lat-ning", English "be-taudglat-ning": never after "beta".
    CHECK(patterns.allows_break("betaudglatning", 4) == false);
    // "plu-gin" only.
    CHECK(patterns.allows_break("plugin", 4) == false);
    CHECK(patterns.allows_break("plugin", 3) == true);
    // Neither set spells a Greek letter or a digit.
    CHECK_FALSE(patterns.allows_break("\xCE\xB2" "celler", 1).has_value());
    CHECK_FALSE(patterns.allows_break("il3gen", 2).has_value());
}

TEST_CASE("plain TeX's US English patterns allow breaks LibreOffice's refuse", "[layout][hyphen]") {
    const summalign::detail::HyphenationPatterns libreoffice(
        {summalign::find_data_file(std::string(summalign::detail::english_patterns_file))});
    const summalign::detail::HyphenationPatterns tex(
        {summalign::find_data_file(std::string(summalign::detail::tex_english_patterns_file))});
    REQUIRE_FALSE(tex.empty());
    // TeX and groff set "trans-par-ency", LibreOffice's set "trans-parency" only.
    CHECK(libreoffice.allows_break("transparency", 8) == false);
    CHECK(tex.allows_break("transparency", 8) == true);
    CHECK(tex.allows_break("transparency", 5) == true);
    // An exception breaks only where it says: "as-so-ciate", never "associ-ate", which the
    // patterns alone allow.
    CHECK(tex.allows_break("associate", 2) == true);
    CHECK(tex.allows_break("associate", 4) == true);
    CHECK(tex.allows_break("associate", 6) == false);
    // Neither breaks "log-in" ("lo-gin").
    CHECK(tex.allows_break("login", 3) == false);
}

// A document of `count` lines broken inside `first` + `rest` (a dictionary word), each
// broken line followed by the rest and more text.
summalign::detail::DocumentWords broken_words(const std::string& first, const std::string& rest, int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text += "Den gamle mand " + first + "-\n" + rest + " her hver dag.\n";
    const auto layout = summalign::detail::repair_layout(summalign::make_source(text, "test"));
    return summalign::detail::DocumentWords(layout.lines);
}

TEST_CASE("a line-end hyphen where no hyphenation patterns allow a break is the writer's", "[layout][hyphen]") {
    // A typesetter that breaks where the patterns allow: "ar-|bejder" twenty times.
    const auto tex = broken_words("ar", "bejder", 20);
    REQUIRE(tex.line_breaks().size() == 20);
    // da_DK builds "betaudglatning" as a compound, and no other rule keeps the hyphen.
    CHECK(dehyphenator().decide("beta", "udglatning, der", tex, "en såkaldt ") == HyphenDecision::keep);
    // en_US knows "login"; every set breaks it "lo-gin" only.
    CHECK(dehyphenator().decide("log", "in, add-on", tex, "som i ") == HyphenDecision::keep);
    // Where the patterns allow the break, the other rules decide as before.
    CHECK(dehyphenator().decide("arbej", "der med", tex, "hun ") == HyphenDecision::join);
    CHECK(dehyphenator().decide("plu", "gin, add-on", tex, "som i ") == HyphenDecision::join);
    // An English word broken where TeX and groff break it and LibreOffice's patterns do not.
    CHECK(dehyphenator().decide("transpar", "ency of the shadow.", tex, "to specify the ") == HyphenDecision::join);
    // Too few sure breaks say nothing of the typesetter.
    CHECK(dehyphenator().decide("beta", "udglatning, der", broken_words("ar", "bejder", 19), "en ") ==
          HyphenDecision::join);
    // A typesetter that breaks outside the patterns ("lo-|vende": they set "loven-de"), as a
    // journal's did, leaves the decision to the other rules.
    const auto other = broken_words("lo", "vende", 20);
    CHECK(dehyphenator().decide("beta", "udglatning, der", other, "en såkaldt ") == HyphenDecision::join);
}

TEST_CASE("a foreign first part before one Danish word keeps its hyphen when the joined form is no word", "[layout][hyphen]") {
    const summalign::detail::DocumentWords none;
    // English knows the first part, Danish does not; the rest is one Danish word and neither
    // dictionary knows the two joined.
    REQUIRE_FALSE(dehyphenator().is_dictionary_word("widgetvinduet"));
    CHECK(dehyphenator().decide("widget", "vinduet lukkes", none, "Klik i ") == HyphenDecision::keep);
    CHECK(joined("Klik i widget-\nvinduet for at lukke det.") == "Klik i widget-vinduet for at lukke det.");
    // A first part no dictionary knows keeps its hyphen only where the document writes it alone.
    summalign::detail::DocumentWords alone;
    alone.add_text("Programmet zorbix gemmer alt.");
    CHECK(dehyphenator().decide("zorbix", "indstillingen", alone, "Åbn ") == HyphenDecision::keep);
    CHECK(dehyphenator().decide("zorbix", "indstillingen", none, "Åbn ") == HyphenDecision::join);
    // The rest under four letters, or no Danish word, says nothing.
    CHECK(dehyphenator().decide("zorbix", "fil", alone, "Åbn ") == HyphenDecision::join);
    CHECK(dehyphenator().decide("zorbix", "qwertyen", alone, "Åbn ") == HyphenDecision::join);
    // A Danish first part is a closed compound's, a typesetter's break.
    CHECK(dehyphenator().decide("tabel", "vinduet", none, "Klik i ") == HyphenDecision::join);
}

TEST_CASE("the document's spelling of the same compound in another form decides a line-end hyphen", "[layout][hyphen]") {
    // The document writes "sidetypografi" and "sidetypografier" closed, though it also writes
    // "side-designs": "side-|typografien" is the same compound, closed.
    summalign::detail::DocumentWords words;
    words.add_text("Vælg en sidetypografi. Sidetypografier styrer siden. Vælg flere side-designs.");
    CHECK(words.count_beginning("sidetypograf") == 2);
    CHECK(words.count_beginning("SIDE-design") == 1);
    CHECK(words.count("sidetypografien") == 0);
    CHECK(dehyphenator().decide("side", "typografien for den", words, "og vælg så ") == HyphenDecision::join);
    CHECK(joined("Vælg en sidetypografi. Sidetypografier styrer siden. Vælg side-designs og så side-\ntypografien.") ==
          "Vælg en sidetypografi. Sidetypografier styrer siden. Vælg side-designs og så sidetypografien.");
    // A hyphenated form decides the other way: "dato-acceptmønstret" for "dato-|acceptmønstre".
    summalign::detail::DocumentWords hyphenated;
    hyphenated.add_text("Det første dato-acceptmønstret gælder.");
    CHECK(dehyphenator().decide("dato", "acceptmønstre, i en", hyphenated, "de definerede ") == HyphenDecision::keep);
    // A part after the break of under five letters has no other form to look for.
    summalign::detail::DocumentWords short_part;
    short_part.add_text("Vi har etdage her.");
    CHECK(dehyphenator().decide("et", "dags weekend", short_part, "for ") ==
          dehyphenator().decide("et", "dags weekend", summalign::detail::DocumentWords{}, "for "));
}

TEST_CASE("a hyphen kept for the part before it needs a word after it", "[layout][hyphen]") {
    // The document writes "mail" as a compound's first part, but "inglist" is no word of any
    // dictionary nor of the document: the typesetter cut "mailinglist".
    summalign::detail::DocumentWords words;
    words.add_text("Send it to the mail-server of the school.");
    REQUIRE(words.is_compound_head("mail"));
    REQUIRE_FALSE(dehyphenator().is_dictionary_word("inglist"));
    CHECK(dehyphenator().decide("mail", "inglist. Another", words, "subscribe to the commit ") == HyphenDecision::join);
    CHECK(joined("Send it to the mail-server. Subscribe to the mail-\ninglist.") ==
          "Send it to the mail-server. Subscribe to the mailinglist.");
    // A word after the cut keeps the hyphen the document's compounds vouch for.
    CHECK(dehyphenator().decide("mail", "server of the school", words, "Send it to the ") == HyphenDecision::keep);
    // A chain of hyphenated parts: its last part and a known word after it keep the hyphen;
    // a fragment after it ("LVM-par-|titioner") does not.
    const summalign::detail::DocumentWords none;
    CHECK(dehyphenator().decide("proof-of-principle", "forsøg med", none, "et ") == HyphenDecision::keep);
    REQUIRE_FALSE(dehyphenator().is_dictionary_word("titioner"));
    CHECK(dehyphenator().decide("LVM-par", "titioner som løber", none, "størrelse på ") == HyphenDecision::join);
    // A word the dictionaries do not know is a word where the document writes it alone.
    summalign::detail::DocumentWords names;
    names.add_text("Debian Edu bruger fsautoresize til det.");
    CHECK(dehyphenator().decide("debian-edu", "fsautoresize findes", names, "pakken ") == HyphenDecision::keep);
    // Where it never does, the part is a fragment, though the document knows "edu".
    summalign::detail::DocumentWords edu;
    edu.add_text("Debian Edu bruger det.");
    CHECK(dehyphenator().decide("debian-edu", "fsautoresize findes", edu, "pakken ") == HyphenDecision::join);
    // Written as the start of a longer word (a file name, a closed compound), it is a word.
    summalign::detail::DocumentWords table;
    table.add_text("Debian Edu læser /etc/fsautoresizetab hver time.");
    CHECK(table.begins_longer_word("FSautoresize"));
    CHECK_FALSE(table.begins_longer_word("fsautoresizetab"));
    CHECK(dehyphenator().decide("debian-edu", "fsautoresize findes", table, "pakken ") == HyphenDecision::keep);
}

TEST_CASE("the words of a broken line end are not counted as unbroken words", "[layout][hyphen]") {
    const auto layout = summalign::detail::repair_layout(summalign::make_source("med genmanipu-\nlerede celler\n", "t"));
    const summalign::detail::DocumentWords words(layout.lines);
    CHECK(words.count("genmanipu") == 0);
    CHECK(words.count("lerede") == 0);
    CHECK(words.count("celler") == 1);
}

TEST_CASE("a run of letters longer than any dictionary word keeps its line-end hyphen", "[layout][hyphen]") {
    std::string head, tail;
    for (int i = 0; i < 60; ++i) head += "ab";
    for (int i = 0; i < 60; ++i) tail += "cd";
    CHECK(joined("se " + head + "-\n" + tail + " her") == "se " + head + "-" + tail + " her");
    // A word of ordinary length broken so still loses the typesetter's hyphen.
    CHECK(joined("stamcelle-\ntransplantation her") == "stamcelletransplantation her");
}

TEST_CASE("running heads and page numbers between lines are dropped, also mid-paragraph", "[layout][heads]") {
    const std::string text =
        "har der vist sig\nUGESKR LÆGER 165/50 · 8. DECEMBER 2003\n4853\nuventede vanskeligheder. Således kan klo-\n\n"
        "4854 UGESKR LÆGER 165/50 · 8. DECEMBER 2003\n\nnal sygdom være et problem.";
    const auto r = repair(text);
    CHECK(r.text.text() == "har der vist sig uventede vanskeligheder. Således kan klonal sygdom være et problem.");
    REQUIRE(count(r.repairs, Repair::Kind::running_head_dropped) == 2);
    REQUIRE(count(r.repairs, Repair::Kind::page_number_dropped) == 1);
    for (const Repair& repair : r.repairs) {
        if (repair.kind == Repair::Kind::page_number_dropped) CHECK(text.substr(repair.span.start, repair.span.end - repair.span.start) == "4853");
        if (repair.kind == Repair::Kind::running_head_dropped)
            CHECK(text.substr(repair.span.start, repair.span.end - repair.span.start).find("UGESKR LÆGER 165/50") != std::string::npos);
    }
    using summalign::detail::classify_line;
    using summalign::detail::LineKind;
    CHECK(classify_line("  4853 ") == LineKind::page_number);
    CHECK(classify_line("UGESKR LÆGER 165/50 · 8. DECEMBER 2003") == LineKind::running_head);
    CHECK(classify_line("OVERSIGTSARTIKEL") == LineKind::text);
    CHECK(classify_line("Ugeskrift for Læger [1]. Formålet med denne nye oversigts-") == LineKind::text);
    CHECK(classify_line("ret om behandling med gode resultater af store knogledefek-") == LineKind::text);
    CHECK(classify_line("AC133+ (CD34)") == LineKind::text);
}

TEST_CASE("a number that ends a range broken at its hyphen is text, not a page number", "[layout][heads]") {
    const auto broken = repair("Source file. Ugeskr Læger 2004;166: 503-\n8\nIntroduction: This lets you.");
    CHECK(broken.text.text() == "Source file. Ugeskr Læger 2004;166: 503-8 Introduction: This lets you.");
    CHECK(count(broken.repairs, Repair::Kind::page_number_dropped) == 0);
    // After a blank line, or after a line that does not end in a number and a hyphen, a bare
    // number is still a page number.
    const auto page = repair("knogle-\n\n4853\n\nmarv i perioden 1998-2003,\n4854\nog blod.");
    CHECK(count(page.repairs, Repair::Kind::page_number_dropped) == 2);
    CHECK(page.text.text() == "knoglemarv i perioden 1998-2003, og blod.");
}

TEST_CASE("a figure caption spliced into a sentence is lifted out and the sentence re-joined", "[layout][caption]") {
    const std::string text =
        "injektion af MNC fra knoglemarven (som indeholder MSC og Fig. 1. Mulig klinisk anvendelse af mesenkymale "
        "stamceller (modificeret fra [9]).\n også andre stamcelletyper) direkte i m. gastrocnemius at for-\nbedre ilttensionen";
    const auto r = repair(text);
    CHECK(r.text.text() ==
          "injektion af MNC fra knoglemarven (som indeholder MSC og også andre stamcelletyper) direkte i m. gastrocnemius at "
          "forbedre ilttensionen");
    REQUIRE(r.layout.captions.size() == 1);
    const auto& caption = r.layout.captions.front();
    CHECK(caption.label == "Fig. 1");
    const auto caption_joined = caption_text(caption);
    CHECK(caption_joined.text() == "Mulig klinisk anvendelse af mesenkymale stamceller (modificeret fra [9]).");
    // The caption's bytes map back onto the source exactly.
    const auto start = caption_joined.source_start(0), end = caption_joined.source_end(caption_joined.size());
    CHECK(text.substr(start, end - start) == caption_joined.text());
    CHECK(count(r.repairs, Repair::Kind::caption_lifted) == 1);

    // In-text references are not captions.
    CHECK(repair("og aldersbetingede sygdomme (Fig. 1). På grund af").layout.captions.empty());
    CHECK(repair("at regenerere [1] (Fig. 1). Walther Flemming").layout.captions.empty());
    // A caption on a line of its own is lifted and leaves no blank line behind.
    const auto own = repair("første linje\nFig. 2. Skematisk oversigt over celletyperne.\nanden linje");
    CHECK(own.text.text() == "første linje anden linje");
    REQUIRE(own.layout.captions.size() == 1);
    CHECK(own.layout.captions.front().label == "Fig. 2");
}

TEST_CASE("a caption cut by a column break goes on in lower case after the break's blank line", "[layout][caption]") {
    const auto cut = repair("mindst tre værdier.\nFig. 1. Middelværdi er den aritmetiske middelværdi af\n\n"
                            "fordelingen.\nReturnerer antallet af permutationer.");
    REQUIRE(cut.layout.captions.size() == 1);
    CHECK(caption_text(cut.layout.captions.front()).text() == "Middelværdi er den aritmetiske middelværdi af fordelingen.");
    CHECK(cut.text.text() == "mindst tre værdier. Returnerer antallet af permutationer.");
    // A closed caption, or a capital after the blank, leaves the next block alone.
    const auto closed = repair("Fig. 1. Middelværdi af fordelingen.\n\nfordelingen er skæv.");
    REQUIRE(closed.layout.captions.size() == 1);
    CHECK(caption_text(closed.layout.captions.front()).text() == "Middelværdi af fordelingen.");
    const auto capital = repair("Fig. 1. Middelværdi er den aritmetiske middelværdi af\n\nReturnerer antallet.");
    REQUIRE(capital.layout.captions.size() == 1);
    CHECK(caption_text(capital.layout.captions.front()).text() == "Middelværdi er den aritmetiske middelværdi af");
}

TEST_CASE("CRLF and CR line ends are normalised with exact offsets", "[layout][normalise]") {
    const std::string text = "ab\r\ncd\ref\r\n";
    const auto layout = summalign::detail::repair_layout(summalign::make_source(text, "t"));
    REQUIRE(layout.lines.size() == 3);
    CHECK(layout.lines[0].text.text() == "ab");
    CHECK(layout.lines[1].text.text() == "cd");
    CHECK(layout.lines[2].text.text() == "ef");
    CHECK(layout.lines[1].start == 4);
    CHECK(layout.lines[1].end == 6);
    CHECK(layout.lines[2].text.origin(0) == 7);
    CHECK(count(layout.repairs, Repair::Kind::normalized) == 3);
}

TEST_CASE("a UTF-8 byte-order mark is removed, offsets still count it", "[layout][normalise]") {
    const auto layout = summalign::detail::repair_layout(summalign::make_source("\xEF\xBB\xBFMSC", "t"));
    REQUIRE(layout.lines.size() == 1);
    CHECK(layout.lines[0].text.text() == "MSC");
    CHECK(layout.lines[0].text.origin(0) == 3);
    CHECK(count(layout.repairs, Repair::Kind::normalized) == 1);
}

TEST_CASE("no-break spaces become spaces and soft hyphens disappear, offsets exact", "[layout][normalise]") {
    const std::string nbsp = "IL-3\xC2\xA0og IX";  // U+00A0 is two bytes
    const auto a = summalign::detail::repair_layout(summalign::make_source(nbsp, "t"));
    CHECK(a.lines[0].text.text() == "IL-3 og IX");
    CHECK(a.lines[0].text.origin(4) == 4);  // the space stands for the no-break space
    CHECK(a.lines[0].text.origin(5) == 6);  // "og" keeps its own offset
    CHECK(a.lines[0].text.source_end(a.lines[0].text.size()) == nbsp.size());

    const std::string soft = "pa\xC2\xADtient";
    const auto b = summalign::detail::repair_layout(summalign::make_source(soft, "t"));
    CHECK(b.lines[0].text.text() == "patient");
    CHECK(b.lines[0].text.origin(2) == 4);

    // A soft hyphen at a line end joins the word halves without a space.
    CHECK(joined("en pa\xC2\xAD\ntient immunologisk") == "en patient immunologisk");
}

TEST_CASE("text is NFC-normalised with every byte mapped into its source segment", "[layout][normalise]") {
    const std::string decomposed = "ste\x6D" "A\xCC\x8Arhus e\xCC\x81t";  // "stemÅrhus ét" with combining ring and acute
    const auto layout = summalign::detail::repair_layout(summalign::make_source(decomposed, "t"));
    const auto& text = layout.lines[0].text;
    CHECK(text.text() == "stem\xC3\x85rhus \xC3\xA9t");
    CHECK(text.origin(4) == 4);  // first byte of Å -> the A
    CHECK(text.origin(5) == 6);  // last byte of Å -> the last byte of the combining ring
    CHECK(text.origin(6) == 7);  // "r" keeps its offset
    const std::size_t e_acute = text.text().find("\xC3\xA9");
    CHECK(text.source_start(e_acute) == decomposed.find("e\xCC\x81"));
    CHECK(text.source_end(e_acute + 2) == decomposed.find("e\xCC\x81") + 3);
    CHECK(count(layout.repairs, Repair::Kind::normalized) == 2);
    // Already composed text is copied untouched.
    const auto composed = summalign::detail::repair_layout(summalign::make_source("Århus", "t"));
    CHECK(composed.repairs.empty());
}

TEST_CASE("a suspended compound whose hyphen the extraction dropped gets it back", "[layout][hyphen]") {
    // pdftotext's default mode joins "decimal-" | "og tusindskilletegn" into "decimalog".
    const auto r = repair("orddeling og valutaformatet, dertil kommer hvordan decimalog tusindskilletegn bruges,\n"
                          "og hvordan knogleeller bruskdefekter heles.");
    CHECK(r.text.text() == "orddeling og valutaformatet, dertil kommer hvordan decimal- og tusindskilletegn bruges, "
                           "og hvordan knogle- eller bruskdefekter heles.");
    CHECK(count(r.repairs, Repair::Kind::normalized) == 2);
    // Words the dictionaries know are left as they are, and so is a name.
    CHECK(joined("Et katalog og en dialog bruges, som Hedog skrev.") == "Et katalog og en dialog bruges, som Hedog skrev.");
    // "sysl" is a Danish word, but "syslog" is no suspended compound: "sysl" makes no word
    // with the next word's head.
    CHECK(joined("Beskederne skrives til syslog hvert minut.") == "Beskederne skrives til syslog hvert minut.");
    // The spans still point into the source: the restored hyphen stands where "og" began.
    const std::string source = "hvordan decimalog tusindskilletegn bruges.";
    const auto spans = repair(source);
    const std::size_t hyphen = spans.text.text().find("- og");
    REQUIRE(hyphen != std::string::npos);
    CHECK(spans.text.origin(hyphen) == source.find("og tusind"));
}

TEST_CASE("a capitalised first part inside a sentence loses its hyphen where the document writes "
          "it in lower case and never capitalised inside a sentence",
          "[layout][hyphen]") {
    summalign::detail::DocumentWords common;
    common.add_text("Et godt design er enkelt. Vælg et andet design.");
    summalign::detail::DocumentWords name;
    name.add_text("Et godt design er enkelt. Klik på knappen Design i værktøjslinjen.");
    REQUIRE_FALSE(dehyphenator().is_dictionary_word("Designtilstand"));
    // A common word capitalised as a title's: closed up as the word would be.
    CHECK(dehyphenator().decide("Design", "tilstand med et valgt", common,
                                "kalde dialogen Egenskaber i ") == HyphenDecision::join);
    // Capitalised inside a sentence elsewhere: a name, which heads compounds with a hyphen.
    CHECK(dehyphenator().decide("Design", "tilstand med et valgt", name,
                                "kalde dialogen Egenskaber i ") == HyphenDecision::keep);
}

TEST_CASE("a name with inner capitals cut inside its last word loses its line-end hyphen",
          "[layout][hyphen]") {
    const summalign::detail::DocumentWords none;
    REQUIRE(dehyphenator().is_dictionary_word("Support"));
    // "Sup" and "port" make "Support": typesetting's cut inside "VBASupport".
    CHECK(dehyphenator().decide("VBASup", "port 1 placeret foran", none, "udtrykket Option ") ==
          HyphenDecision::join);
    // "Forge" and "tjeneste" make no word: the name heads a compound with a hyphen.
    CHECK(dehyphenator().decide("ScriptsForge", "tjeneste giver adgang", none, "Brug ") ==
          HyphenDecision::keep);
}
