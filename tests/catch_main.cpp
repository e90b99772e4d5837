#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

// The command speaks the language of the locale (include/summalign/messages.hpp): every
// command a test runs gets English and the C locale, whatever the tester's own locale
// (LANG=da_DK.UTF-8), unless the test chooses a language itself (--lang, or env in its command).
int main(int argc, char* argv[]) {
    ::setenv("LC_ALL", "C.UTF-8", 1);
    ::setenv("LANG", "C.UTF-8", 1);
    ::unsetenv("LC_MESSAGES");
    ::unsetenv("LANGUAGE");
    return Catch::Session().run(argc, argv);
}
