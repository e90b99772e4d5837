# The lexicon stage's build rules (included at the end of the top-level CMakeLists.txt).

# The default learned lexicon: trained at build time by the CLI's learn-lexicon from the
# Danish and English LibreOffice help (Debian packages libreoffice-help-da and
# libreoffice-help-en-us), written to ${CMAKE_BINARY_DIR}/data/ where find_data_file looks.
# Without those packages nothing is trained and the library simply has no learned table.
option(SUMMALIGN_LEARN_LEXICON "Train the default learned lexicon at build time when LibreOffice's help is installed" ON)
set(SUMMALIGN_HELP_DA "/usr/share/libreoffice/help/da" CACHE PATH "Danish LibreOffice help (training corpus)")
set(SUMMALIGN_HELP_EN "/usr/share/libreoffice/help/en-US" CACHE PATH "English LibreOffice help (training corpus)")
if(SUMMALIGN_LEARN_LEXICON AND IS_DIRECTORY "${SUMMALIGN_HELP_DA}/text" AND IS_DIRECTORY "${SUMMALIGN_HELP_EN}/text")
  set(SUMMALIGN_LEARNED_LEXICON "${CMAKE_BINARY_DIR}/data/lexicon-learned.bin")
  # Re-trained when the learning code changes, not on every relink of the CLI (naming the
  # executable target in COMMAND orders the build without a file-level dependency).
  set(SUMMALIGN_LEXICON_LEARNING_SOURCES
    ${CMAKE_SOURCE_DIR}/lib/train/learn.cpp
    ${CMAKE_SOURCE_DIR}/lib/train/lexicon_ibm1.cpp
    ${CMAKE_SOURCE_DIR}/lib/train/lexicon_corpus.cpp
    ${CMAKE_SOURCE_DIR}/lib/train/train.hpp
    ${CMAKE_SOURCE_DIR}/lib/detail/lexicon_binary.cpp
    ${CMAKE_SOURCE_DIR}/lib/detail/mapped_file.cpp
    ${CMAKE_SOURCE_DIR}/lib/detail/lexicon_text.cpp
    ${CMAKE_SOURCE_DIR}/tools/summalign/learn_lexicon.cpp
    ${CMAKE_SOURCE_DIR}/include/summalign/lexicon.hpp
    ${CMAKE_SOURCE_DIR}/lib/detail/lexicon_binary.hpp)
  # FreeDict and the glossary are bundled into the same file so that loading the default
  # lexicon is one mmap; the library re-reads either when its files no longer match.
  set(SUMMALIGN_LEXICON_BUNDLE)
  if(EXISTS "/usr/share/dictd/freedict-dan-eng.index")
    list(APPEND SUMMALIGN_LEXICON_BUNDLE --bundle-freedict /usr/share/dictd)
  endif()
  if(EXISTS "${CMAKE_SOURCE_DIR}/data/glossary-da-en.tsv")
    list(APPEND SUMMALIGN_LEXICON_BUNDLE --bundle-glossary "${CMAKE_SOURCE_DIR}/data/glossary-da-en.tsv")
    list(APPEND SUMMALIGN_LEXICON_LEARNING_SOURCES "${CMAKE_SOURCE_DIR}/data/glossary-da-en.tsv")
  endif()
  add_custom_command(OUTPUT "${SUMMALIGN_LEARNED_LEXICON}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/data"
    COMMAND summalign_cli learn-lexicon --libreoffice-help "${SUMMALIGN_HELP_DA}" "${SUMMALIGN_HELP_EN}"
            ${SUMMALIGN_LEXICON_BUNDLE} --output "${SUMMALIGN_LEARNED_LEXICON}"
    DEPENDS ${SUMMALIGN_LEXICON_LEARNING_SOURCES} ${CMAKE_SOURCE_DIR}/lib/detail/lexicon_tables.cpp ${CMAKE_SOURCE_DIR}/lib/detail/dictd.cpp
    COMMENT "Training the learned lexicon (IBM Model 1) from LibreOffice's Danish and English help"
    VERBATIM)
  add_custom_target(summalign_learned_lexicon ALL DEPENDS "${SUMMALIGN_LEARNED_LEXICON}")
  install(FILES "${SUMMALIGN_LEARNED_LEXICON}" DESTINATION ${CMAKE_INSTALL_DATADIR}/summalign OPTIONAL)
endif()
