# package.cmake - the Debian package, careers_VERSION_ARCH.deb, made by
# CPack from this CMake build (included by data/CMakeLists.txt when
# CAREERS_PACKAGE is on):
#
#   cmake -S . -B build-deb -DCAREERS_PACKAGE=ON -DCAREERS_TESTS=OFF
#   cmake --build build-deb -j2 && (cd build-deb && cpack -G DEB)
#
# CPack rather than debhelper: the package is built from the same CMake
# build and install rules as everything else, in one step, with no debian/
# folder at the top of the tree. What debhelper would add is here by hand:
# dependencies from the libraries the program links (dpkg-shlibdeps; and
# by hand, the two it loads only when needed), the
# conffiles, the changelog and copyright, stripped binaries, and maintainer
# scripts doing what dh_installsysusers, dh_installtmpfiles and
# dh_installsystemd would do (see postinst.in, prerm.in, postrm.in).

set(CAREERS_PACKAGE_MAINTAINER "careers maintainers <careers@example.org>" CACHE STRING
    "Maintainer field of the Debian package (name <address>)")

set(deb ${CMAKE_BINARY_DIR}/debian)
string(TIMESTAMP CAREERS_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
foreach(script postinst prerm postrm)
  configure_file(${CMAKE_CURRENT_SOURCE_DIR}/debian/${script}.in ${deb}/${script} @ONLY
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                     WORLD_READ WORLD_EXECUTE)
endforeach()
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/debian/conffiles.in ${deb}/conffiles @ONLY)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/debian/changelog.in ${deb}/changelog @ONLY)

# /usr/share/doc/careers: the copyright file and the changelog (gzip -9n).
find_program(GZIP gzip REQUIRED)
execute_process(COMMAND ${GZIP} -9n -c ${deb}/changelog OUTPUT_FILE ${deb}/changelog.gz
  COMMAND_ERROR_IS_FATAL ANY)
install(FILES ${deb}/changelog.gz debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Strip as dh_strip does: CPack's strip leaves the compilers' notes (.comment).
find_program(OBJCOPY NAMES ${CMAKE_OBJCOPY} objcopy)
if(OBJCOPY)
  install(CODE "execute_process(COMMAND ${OBJCOPY} --remove-section=.comment
    \"\$ENV{DESTDIR}${CMAKE_INSTALL_FULL_BINDIR}/careers\" COMMAND_ERROR_IS_FATAL ANY)")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME careers)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${CAREERS_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "pupils' careers kiosk and advisers' tool, from open data")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "careers shows young people in England the careers, courses, sixth forms,
apprenticeships, jobs with training and university courses that fit their
age, interests and location, with when they could start each one and why it
is shown. It reads the open data of the Department for Education, the ONS
and others from one local SQLite store and works offline.
.
This package turns a PC into a locked-down careers kiosk: the kiosk runs on
a virtual terminal in place of the login prompt (careers-kiosk@.service) as
a user with no rights, restarts if it ever ends, and keeps nothing about the
learner. A daily timer fetches the council's newest signed store. It also
has the adviser's screens and the command-line tools (search, build,
import). See careers-kiosk(7).")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not libraries: the kiosk unit and the maintainer scripts need systemd
# (sysusers, tmpfiles), and chvt (kbd) shows a login prompt after the PIN.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd, kbd")
# Libraries dpkg-shlibdeps cannot see: careers loads libcurl (downloads, the
# daily update) and libarchive (zips, workbooks) only when a command needs
# them (app/dynlib.c), so the binary does not name them. The packages and
# versions are those this build compiled against (app/dynlib.cmake).
foreach(lib CURL LIBARCHIVE)
  if(NOT CAREERS_${lib}_PACKAGE OR NOT CAREERS_${lib}_PACKAGE_VERSION)
    message(FATAL_ERROR "the Debian package that holds ${CAREERS_${lib}_SONAME} is not known "
                        "(dpkg-query -S found none): the package cannot name it in Depends")
  endif()
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS
         ", ${CAREERS_${lib}_PACKAGE} (>= ${CAREERS_${lib}_PACKAGE_VERSION})")
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  "${deb}/conffiles;${deb}/postinst;${deb}/prerm;${deb}/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
# Only what install() put there: no /usr or /etc folders of our own in the list.
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
include(CPack)
