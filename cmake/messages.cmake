# The Danish message catalog (include/summalign/messages.hpp): po/da.po compiled by msgfmt
# (Debian gettext) into ${CMAKE_BINARY_DIR}/data/locale/da/LC_MESSAGES/summalign.mo, where
# find_data_file looks, and installed beside the other data. Without msgfmt the texts stay
# English (Messages falls back when the catalog is missing).
find_program(SUMMALIGN_MSGFMT msgfmt)
if(SUMMALIGN_MSGFMT)
  set(SUMMALIGN_DANISH_CATALOG "${CMAKE_BINARY_DIR}/data/locale/da/LC_MESSAGES/summalign.mo")
  add_custom_command(OUTPUT "${SUMMALIGN_DANISH_CATALOG}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/data/locale/da/LC_MESSAGES"
    # --check-format: a translation whose format differs from its English text is refused here.
    COMMAND "${SUMMALIGN_MSGFMT}" --check-format --check-domain -o "${SUMMALIGN_DANISH_CATALOG}" "${CMAKE_SOURCE_DIR}/po/da.po"
    DEPENDS "${CMAKE_SOURCE_DIR}/po/da.po"
    COMMENT "Building the Danish message catalog"
    VERBATIM)
  add_custom_target(summalign_messages ALL DEPENDS "${SUMMALIGN_DANISH_CATALOG}")
  install(FILES "${SUMMALIGN_DANISH_CATALOG}" DESTINATION ${CMAKE_INSTALL_DATADIR}/summalign/locale/da/LC_MESSAGES OPTIONAL)
  foreach(test_target test_messages summalign_cli)
    if(TARGET ${test_target})
      add_dependencies(${test_target} summalign_messages)
    endif()
  endforeach()
else()
  message(STATUS "msgfmt not found: messages stay English (apt-get install gettext)")
endif()

# The template for translators, ${CMAKE_BINARY_DIR}/po/summalign.pot: the texts xgettext finds
# where the code hands them to Messages (translate, t, format_message), throws them
# (Error's message, UsageError, an error's text with values: error_text), names the system's
# reasons (SystemReason) or describes the command's subcommands and options for --help
# (CLI11's add_subcommand, add_option, add_flag, footer), joined with every text po/da.po translates today (texts
# chosen by a condition, `a ? "x" : "y"`, show xgettext only their first branch). A new
# language starts from it (msginit -i summalign.pot -l sv); po/da.po is brought up to date
# with `msgmerge -U po/da.po build/po/summalign.pot`. Sources are found anywhere in the tree
# (not only lib/), so that moving a folder keeps them in.
find_program(SUMMALIGN_XGETTEXT xgettext)
find_program(SUMMALIGN_MSGFILTER msgfilter)
find_program(SUMMALIGN_MSGCAT msgcat)
if(SUMMALIGN_XGETTEXT AND SUMMALIGN_MSGFILTER AND SUMMALIGN_MSGCAT)
  file(GLOB_RECURSE SUMMALIGN_POT_SOURCES RELATIVE "${CMAKE_SOURCE_DIR}" CONFIGURE_DEPENDS
       "${CMAKE_SOURCE_DIR}/lib/*.cpp" "${CMAKE_SOURCE_DIR}/lib/*.hpp" "${CMAKE_SOURCE_DIR}/include/*.hpp"
       "${CMAKE_SOURCE_DIR}/tools/*.cpp" "${CMAKE_SOURCE_DIR}/tools/*.hpp"
       "${CMAKE_SOURCE_DIR}/examples/*.cpp" "${CMAKE_SOURCE_DIR}/examples/*.hpp")
  set(SUMMALIGN_POT "${CMAKE_BINARY_DIR}/po/summalign.pot")
  set(SUMMALIGN_POT_WORK "${CMAKE_BINARY_DIR}/po/work")
  add_custom_command(OUTPUT "${SUMMALIGN_POT}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${SUMMALIGN_POT_WORK}"
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8
            "${SUMMALIGN_XGETTEXT}" --from-code=UTF-8 --package-name=summalign --add-comments --sort-by-file
            --keyword --keyword=translate --keyword=t --keyword=format_message:2 --keyword=Error:3 --keyword=UsageError
            --keyword=error_text --keyword=SystemReason:2
            --keyword=add_option:3 --keyword=add_flag:3 --keyword=add_subcommand:2 --keyword=add_threads_option:3 --keyword=footer
            -o "${SUMMALIGN_POT_WORK}/code.pot" ${SUMMALIGN_POT_SOURCES}
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8
            "${SUMMALIGN_MSGFILTER}" --keep-header -i po/da.po -o "${SUMMALIGN_POT_WORK}/da-texts.pot" sed -e d
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8
            "${SUMMALIGN_MSGCAT}" --use-first -o "${SUMMALIGN_POT}" "${SUMMALIGN_POT_WORK}/code.pot" "${SUMMALIGN_POT_WORK}/da-texts.pot"
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
    DEPENDS ${SUMMALIGN_POT_SOURCES} "${CMAKE_SOURCE_DIR}/po/da.po"
    COMMENT "Extracting the message template po/summalign.pot"
    VERBATIM)
  add_custom_target(summalign_pot ALL DEPENDS "${SUMMALIGN_POT}")
  if(TARGET test_cli_messages_template)
    add_dependencies(test_cli_messages_template summalign_pot)
  endif()
else()
  message(STATUS "xgettext/msgfilter/msgcat not found: no message template (apt-get install gettext)")
endif()
