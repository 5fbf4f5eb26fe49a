# buildflags.cmake - Debian's compiler and linker flags for the package
# build (included by the top CMakeLists.txt when CAREERS_PACKAGE is on):
# dpkg-buildflags with every hardening feature (stack protector, fortify,
# format checks, full RELRO, bind-now, PIE), as a package built by
# debhelper would get, and as lintian checks for.

find_program(DPKG_BUILDFLAGS dpkg-buildflags)
if(NOT DPKG_BUILDFLAGS)
  message(WARNING "dpkg-buildflags not found (apt-get install dpkg-dev): "
                  "the package is built without Debian's hardening flags")
  return()
endif()
foreach(kind CFLAGS CPPFLAGS LDFLAGS)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all
            ${DPKG_BUILDFLAGS} --get ${kind}
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    OUTPUT_VARIABLE deb_${kind} OUTPUT_STRIP_TRAILING_WHITESPACE)
endforeach()
set(CMAKE_C_FLAGS "${CMAKE_C_FLAGS} ${deb_CPPFLAGS} ${deb_CFLAGS}")
set(CMAKE_EXE_LINKER_FLAGS "${CMAKE_EXE_LINKER_FLAGS} ${deb_LDFLAGS}")
