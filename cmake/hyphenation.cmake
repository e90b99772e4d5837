# The hyphenation patterns the line-end hyphen rules ask (lib/detail/hyphenation_patterns.hpp):
# Debian's hyphen-da and hyphen-en-us (LibreOffice's, read by libhyphen), and plain TeX's US
# English patterns from groff-base, run through
# libhyphen's own substrings.pl, written to ${CMAKE_BINARY_DIR}/data/ where find_data_file
# looks. libhyphen finds a pattern's matches only where the file holds every pattern's
# substring embeddings; Debian's hyph_da_DK.dic is TeX's hyph-da as it is, without them, and
# read so it allows breaks TeX never makes nor misses ones it makes (arbejder: ar=bejder for
# TeX's ar-bej-der). Without the files the rules that ask them are left out.
set(SUMMALIGN_HYPHEN_DIR "/usr/share/hyphen" CACHE PATH "Hyphenation patterns (hyph_da_DK.dic, hyph_en_US.dic)")
set(SUMMALIGN_TEX_US_HYPHENATION "/usr/share/groff/current/tmac/hyphen.us;/usr/share/groff/current/tmac/hyphenex.us"
    CACHE STRING "Plain TeX's US English patterns and the TUGboat exceptions (hyphen.tex, ushyphex; Debian's groff-base)")
set(SUMMALIGN_HYPHEN_SUBSTRINGS "/usr/share/libhyphen/substrings.pl" CACHE FILEPATH "libhyphen's substrings.pl")
find_program(SUMMALIGN_PERL perl)
set(summalign_hyphenation_files)
if(SUMMALIGN_PERL AND EXISTS "${SUMMALIGN_HYPHEN_SUBSTRINGS}")
  foreach(language da_DK en_US)
    set(source "${SUMMALIGN_HYPHEN_DIR}/hyph_${language}.dic")
    if(NOT EXISTS "${source}")
      continue()
    endif()
    set(output "${CMAKE_BINARY_DIR}/data/hyph_${language}.dic")
    add_custom_command(OUTPUT "${output}"
      COMMAND ${CMAKE_COMMAND} -DPERL=${SUMMALIGN_PERL} -DSUBSTRINGS=${SUMMALIGN_HYPHEN_SUBSTRINGS}
              -DINPUT=${source} -DOUTPUT=${output} -P "${CMAKE_SOURCE_DIR}/cmake/hyphenation_patterns.cmake"
      DEPENDS "${source}" "${CMAKE_SOURCE_DIR}/cmake/hyphenation_patterns.cmake"
      COMMENT "Completing the hyphenation patterns hyph_${language}.dic for libhyphen"
      VERBATIM)
    list(APPEND summalign_hyphenation_files "${output}")
  endforeach()
  # Plain TeX's US English patterns (hyphen.tex, which groff ships as hyphen.us) with the
  # TUGboat exceptions (hyphenex.us): what TeX's English (hyph-en-us) and groff break by.
  # LibreOffice's hyph_en_US above is another set that refuses some of their breaks
  # ("trans=parency" only, where both set "trans-par-ency").
  set(tex_us_found TRUE)
  foreach(file IN LISTS SUMMALIGN_TEX_US_HYPHENATION)
    if(NOT EXISTS "${file}")
      set(tex_us_found FALSE)
    endif()
  endforeach()
  if(tex_us_found)
    set(output "${CMAKE_BINARY_DIR}/data/hyph_en_US_tex.dic")
    string(REPLACE ";" "|" tex_us_input "${SUMMALIGN_TEX_US_HYPHENATION}")
    add_custom_command(OUTPUT "${output}"
      COMMAND ${CMAKE_COMMAND} -DPERL=${SUMMALIGN_PERL} -DSUBSTRINGS=${SUMMALIGN_HYPHEN_SUBSTRINGS} -DFORMAT=tex
              "-DINPUT=${tex_us_input}" -DOUTPUT=${output} -P "${CMAKE_SOURCE_DIR}/cmake/hyphenation_patterns.cmake"
      DEPENDS ${SUMMALIGN_TEX_US_HYPHENATION} "${CMAKE_SOURCE_DIR}/cmake/hyphenation_patterns.cmake"
              "${CMAKE_SOURCE_DIR}/cmake/tex_hyphenation.pl"
      COMMENT "Converting plain TeX's US English hyphenation patterns for libhyphen"
      VERBATIM)
    list(APPEND summalign_hyphenation_files "${output}")
  endif()
endif()
if(summalign_hyphenation_files)
  add_custom_target(summalign_hyphenation_data ALL DEPENDS ${summalign_hyphenation_files})
  install(FILES ${summalign_hyphenation_files} DESTINATION ${CMAKE_INSTALL_DATADIR}/summalign OPTIONAL)
endif()
# Tests that read the patterns the way the library finds them (find_data_file).
foreach(hyphenation_test test_layout)
  if(TARGET ${hyphenation_test} AND TARGET summalign_hyphenation_data)
    add_dependencies(${hyphenation_test} summalign_hyphenation_data)
  endif()
endforeach()
