# dynlib.cmake - the libraries app/dynlib.c loads at run time instead of
# linking them (included by the top CMakeLists.txt).
#
# careers_dynlib(PREFIX LIB) reads, for the pkg-config module found as
# PREFIX (pkg_check_modules) whose library is libLIB.so:
#
#   CAREERS_<PREFIX>_SONAME            the SONAME the library file carries (libcurl.so.4),
#                                      which is what dlopen asks for
#   CAREERS_<PREFIX>_PACKAGE           the Debian package with that file (libcurl4), or ""
#                                      where there is no dpkg
#   CAREERS_<PREFIX>_PACKAGE_VERSION   its upstream version (7.88.1), or ""
#
# The SONAME comes from the library itself (objdump -p), not from a guess, so
# the build and the name loaded agree; the package is what the Debian package's
# Depends names (data/debian/package.cmake), since dpkg-shlibdeps no longer sees
# these libraries in the binary.

function(careers_dynlib prefix lib)
  set(file "")
  foreach(candidate IN LISTS ${prefix}_LINK_LIBRARIES)
    get_filename_component(name "${candidate}" NAME)
    if(name MATCHES "^lib${lib}\\.so")
      set(file "${candidate}")
      break()
    endif()
  endforeach()
  if(NOT file)
    message(FATAL_ERROR "lib${lib}.so is not among the libraries pkg-config gave for ${prefix}: "
                        "${${prefix}_LINK_LIBRARIES}")
  endif()
  if(NOT CMAKE_OBJDUMP)
    message(FATAL_ERROR "objdump is needed to read the SONAME of ${file} (apt-get install binutils)")
  endif()
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p "${file}" OUTPUT_VARIABLE dump
                  RESULT_VARIABLE failed ERROR_QUIET)
  if(failed OR NOT dump MATCHES "SONAME[ \t]+([^ \t\r\n]+)")
    message(FATAL_ERROR "cannot read the SONAME of ${file} with ${CMAKE_OBJDUMP} -p")
  endif()
  set(soname "${CMAKE_MATCH_1}")

  set(package "")
  set(version "")
  find_program(DPKG_QUERY dpkg-query)
  if(DPKG_QUERY)
    # (dpkg knows a file by the path its package installed it at: with a merged
    # /usr that may be the folder's real path rather than the one pkg-config gave.)
    get_filename_component(dir "${file}" DIRECTORY)
    get_filename_component(real "${dir}" REALPATH)
    set(owner "")
    foreach(where IN ITEMS "${dir}" "${real}")
      execute_process(COMMAND ${DPKG_QUERY} -S "${where}/${soname}" OUTPUT_VARIABLE owner
                      RESULT_VARIABLE failed ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
      if(NOT failed)
        break()
      endif()
      set(owner "")
    endforeach()
    if(owner MATCHES "^([^:, ]+)(:[^:, ]+)?: ")
      set(package "${CMAKE_MATCH_1}")
      execute_process(COMMAND ${DPKG_QUERY} -W -f=\${Version} "${CMAKE_MATCH_1}${CMAKE_MATCH_2}"
                      OUTPUT_VARIABLE version ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
      # The upstream part (and epoch), not the Debian revision: "7.88.1-10+deb12u15" -> "7.88.1".
      string(REGEX REPLACE "-[^-]*$" "" version "${version}")
    endif()
  endif()
  set(CAREERS_${prefix}_SONAME "${soname}" PARENT_SCOPE)
  set(CAREERS_${prefix}_PACKAGE "${package}" PARENT_SCOPE)
  set(CAREERS_${prefix}_PACKAGE_VERSION "${version}" PARENT_SCOPE)
  message(STATUS "Loaded when needed: ${soname} (${file}; Debian package: "
                 "${package} ${version})")
endfunction()

careers_dynlib(CURL curl)
careers_dynlib(LIBARCHIVE archive)
