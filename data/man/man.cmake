# man.cmake - make the manual pages: run at build time by data/CMakeLists.txt
# as `cmake -DCAREERS=... -DSRC=... -DOUT=... -DVARS=... -P man.cmake`.
#
# Each data/man/NAME.SECTION.in is filled in with the commands as
# `careers help --man` writes them (from COMMAND_INFO, the table behind
# --help) and the paths careers was built with, then written to OUT as
# NAME.SECTION and, for installing, NAME.SECTION.gz (gzip -9n: no name or
# time stamp, so the package is reproducible).

include(${VARS})

execute_process(COMMAND ${CAREERS} help --man
  OUTPUT_VARIABLE CAREERS_MAN_COMMANDS RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "careers help --man failed (${rc})")
endif()
execute_process(COMMAND ${CAREERS} help --man kiosk
  OUTPUT_VARIABLE CAREERS_MAN_KIOSK RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "careers help --man kiosk failed (${rc})")
endif()

# SOURCE_DATE_EPOCH, when set, makes the date reproducible.
string(TIMESTAMP CAREERS_MAN_DATE "%Y-%m-%d" UTC)

# What only an installed careers has: the store the package brings, the
# machine's settings and the update's.
set(CAREERS_MAN_BUNDLED "")
set(CAREERS_MAN_FILES "")
if(CAREERS_BUNDLED_STORE)
  set(CAREERS_MAN_BUNDLED ".PP\nUntil that store exists (an installed careers before its first update), the\nstore that came with careers, \\fI${CAREERS_BUNDLED_STORE}\\fR, is read.")
  string(APPEND CAREERS_MAN_FILES
    ".TP\n.I ${CAREERS_BUNDLED_STORE}\n"
    "The store that came with careers (a sample for Doncaster), read-only.\n"
    ".TP\n.I ${CAREERS_SCHEMA}\n"
    "The layout of a store, as SQL.\n")
endif()
if(CAREERS_DEFAULT_DATA)
  string(APPEND CAREERS_MAN_FILES
    ".TP\n.I ${CAREERS_DEFAULT_DATA}\n"
    "What \\fBcareers build\\fR reads when no \\fB--data\\fR is given: the sample data for\n"
    "Doncaster that the store which came with careers was built from.\n")
endif()
if(CAREERS_SYSTEM_CONFIG)
  string(APPEND CAREERS_MAN_FILES
    ".TP\n.I ${CAREERS_SYSTEM_CONFIG}\n"
    "The machine's settings, used by anyone who has none of their own and may read it,\n"
    "and by the kiosk that systemd starts; see \\fBcareers-kiosk\\fR(7).\n"
    ".TP\n.I ${CAREERS_UPDATE_CONF}\n"
    "Where \\fBcareers-update.service\\fR fetches new stores from, and the key they must\n"
    "be signed with.\n")
endif()
string(REPLACE "-" "\\-" CAREERS_MAN_FILES "${CAREERS_MAN_FILES}")
string(REPLACE "-" "\\-" CAREERS_MAN_BUNDLED "${CAREERS_MAN_BUNDLED}")

find_program(GZIP gzip REQUIRED)
foreach(page IN LISTS PAGES)
  configure_file(${SRC}/${page}.in ${OUT}/${page} @ONLY)
  execute_process(COMMAND ${GZIP} -9n -c ${OUT}/${page}
    OUTPUT_FILE ${OUT}/${page}.gz RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip ${OUT}/${page} failed")
  endif()
endforeach()
