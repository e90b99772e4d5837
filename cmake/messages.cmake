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
