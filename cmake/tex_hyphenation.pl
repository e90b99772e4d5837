#!/usr/bin/perl
# perl tex_hyphenation.pl FILE... > patterns
# Prints the hyphenation patterns of plain TeX pattern files (groff's hyphen.us and its
# exceptions hyphenex.us) one per line, for libhyphen's substrings.pl: the patterns inside
# \patterns{...} as they are, and each word of \hyphenation{...} as a pattern of its own that
# matches the whole word only, with 9 (odd: break) at its hyphens and 8 (even: no break)
# between its other letters. Liang's rule takes the largest number at each point and the
# patterns' numbers go up to 5, so the word breaks where the exception says and nowhere else,
# as TeX and groff break it.
use strict;
use warnings;

for my $file (@ARGV) {
    open(my $in, '<', $file) or die "$file: $!\n";
    local $/;
    my $text = <$in>;
    close($in);
    $text =~ s/%[^\n]*//g;
    while ($text =~ /\\(patterns|hyphenation)\s*\{([^}]*)\}/g) {
        my ($kind, $body) = ($1, $2);
        for my $item (split ' ', $body) {
            if ($kind eq 'patterns') {
                print "$item\n";
                next;
            }
            my @parts = split /-/, lc $item;
            my $pattern = join '9', map { join '8', split //, $_ } @parts;
            print ".$pattern.\n";
        }
    }
}
