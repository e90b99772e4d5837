#!/usr/bin/env bash
# Installs the Debian packages summalign builds and tests with (root or sudo needed).
# Skips apt entirely when everything is already installed.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  libicu-dev libboost-locale-dev libfmt-dev catch2 libstemmer-dev
  gettext  # msgfmt: the Danish message catalog from po/da.po (cmake/messages.cmake)
  libhunspell-dev hunspell-da hunspell-en-us hunspell-en-gb
  libhyphen-dev hyphen-da hyphen-en-us  # hyphenation patterns: line-end hyphens (lib/detail/hyphenation_patterns.cpp)
  hunspell  # the hunspell command: bench/devset/inject_typos.py keeps only the typos it rejects
  hunspell-tools  # unmunch: the English word forms of the spelling index (tools/make_spelling_index.cpp)
  nlohmann-json3-dev libcli11-dev zlib1g-dev libpugixml-dev libxml2-dev
  libpoppler-cpp-dev  # PDF input (lib/pdf.cpp)
  ghostscript qpdf  # tests/test_pdf.cpp: image-only (gs pdfimage8) and encrypted (qpdf) PDFs; groff below typesets them
  libgoogle-perftools-dev  # tcmalloc for the summalign command (CMakeLists.txt, SUMMALIGN_TCMALLOC)
  dict-freedict-dan-eng dict-freedict-eng-dan
  libreoffice-help-da libreoffice-help-en-us
  python3 gimp-help-da gimp-help-en debian-edu-doc-da debian-edu-doc-en  # claim-support dev sets (bench/devset/make_articles.py)
  installation-guide-amd64  # the installation-manual spelling set (make_articles.py --source installation-guide: Danish and English HTML)
  manpages-da manpages coreutils  # the manual-page spelling set (make_articles.py --source manpages: Danish pages and the English ones of the same name)
  chromium  # headless browser for the HTML report test (skipped when absent)
  translate-toolkit  # an independent TMX reader for the TMX test (skipped when absent)
  clang libclang-rt-14-dev time
  texlive-latex-base texlive-lang-european texlive-fonts-recommended  # make_corpus.py --typesetter latex: the same articles typeset by pdflatex (Times, Danish hyphenation)
  python3 groff perl poppler-utils  # tests/typeset/make_corpus.py: typesets test articles (groff -ms -Tpdf; gropdf is a Perl script, a Recommends of groff), extracts them (pdftotext)
  python3-dev pybind11-dev python3-pybind11  # the Python module (python/, docs/python.md)
  python3-pytest python3-dask python3-distributed parallel  # its tests, the Dask job, the GNU parallel recipe
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
