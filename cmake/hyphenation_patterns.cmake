# cmake -DPERL=... -DSUBSTRINGS=... -DINPUT=... -DOUTPUT=... [-DFORMAT=tex] -P hyphenation_patterns.cmake
# Runs libhyphen's substrings.pl on a pattern file. A libhyphen file's first line names its
# encoding (ISO8859-1, UTF-8); substrings.pl writes that line itself from its third argument,
# so the patterns go in without it (else it would be read as a pattern). FORMAT=tex: INPUT is
# plain TeX pattern files separated by "|" (groff's hyphen.us and hyphenex.us), whose patterns
# and exceptions tex_hyphenation.pl writes as libhyphen patterns.
if(FORMAT STREQUAL "tex")
  string(REPLACE "|" ";" INPUT "${INPUT}")
  execute_process(COMMAND "${PERL}" "${CMAKE_CURRENT_LIST_DIR}/tex_hyphenation.pl" ${INPUT}
                  OUTPUT_VARIABLE patterns RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "tex_hyphenation.pl failed on ${INPUT}: ${result}")
  endif()
  set(encoding "UTF-8")
else()
  file(READ "${INPUT}" content)
  string(FIND "${content}" "\n" first_end)
  string(SUBSTRING "${content}" 0 ${first_end} encoding)
  string(STRIP "${encoding}" encoding)
  math(EXPR rest_start "${first_end} + 1")
  string(SUBSTRING "${content}" ${rest_start} -1 patterns)
endif()
get_filename_component(output_dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${output_dir}")
file(WRITE "${OUTPUT}.patterns" "${patterns}")
execute_process(COMMAND "${PERL}" "${SUBSTRINGS}" "${OUTPUT}.patterns" "${OUTPUT}" "${encoding}"
                RESULT_VARIABLE result OUTPUT_QUIET)
file(REMOVE "${OUTPUT}.patterns")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "substrings.pl failed on ${INPUT}: ${result}")
endif()
