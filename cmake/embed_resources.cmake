# Embeds every file under the given directories into one generated C++ source, so the binary carries its SQL
# migrations and web assets and runs from any folder. Done in CMake script because no Debian package offers a
# resource compiler for C++ and xxd is not guaranteed on a fresh machine.
set(VMST_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_resources_generate.cmake)

function(vmst_embed_resources target)
  cmake_parse_arguments(ARG "" "OUTPUT" "DIRECTORIES" ${ARGN})
  set(inputs "")
  foreach(dir ${ARG_DIRECTORIES})
    file(GLOB_RECURSE found CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*)
    list(APPEND inputs ${found})
  endforeach()
  list(SORT inputs)
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_CURRENT_SOURCE_DIR} "-DDIRECTORIES=${ARG_DIRECTORIES}"
            -DOUTPUT=${ARG_OUTPUT} -P ${VMST_EMBED_SCRIPT}
    DEPENDS ${inputs} ${VMST_EMBED_SCRIPT}
    COMMENT "Embedding ${ARG_DIRECTORIES}"
    VERBATIM)
  add_custom_target(${target} DEPENDS ${ARG_OUTPUT})
endfunction()
