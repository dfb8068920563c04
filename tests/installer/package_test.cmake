# Builds the .deb, unpacks it with dpkg-deb -x and runs the unpacked insights-admin --version.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "Failed (${rc}): ${ARGN}\n${out}\n${err}")
    endif()
    set(out "${out}" PARENT_SCOPE)
endfunction()

run(${CPACK} -G DEB --config ${BUILD_DIR}/CPackConfig.cmake -B ${WORK_DIR})
file(GLOB debs ${WORK_DIR}/*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "Expected one .deb in ${WORK_DIR}, found: ${debs}")
endif()

run(dpkg-deb -f ${debs} Depends)
foreach(dependency libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6 libqt6widgets6)
    if(NOT out MATCHES "${dependency}")
        message(FATAL_ERROR "The package does not depend on ${dependency}: ${out}")
    endif()
endforeach()

run(dpkg-deb -x ${debs} ${WORK_DIR}/root)
foreach(installed usr/bin/insights-admin usr/share/applications/insights-admin.desktop
        usr/share/metainfo/insights-admin.metainfo.xml usr/share/icons/hicolor/scalable/apps/insights-admin.svg)
    if(NOT EXISTS ${WORK_DIR}/root/${installed})
        message(FATAL_ERROR "The package lacks ${installed}")
    endif()
endforeach()

# No display and no platform plugin chosen: --version must not need either.
set(ENV{QT_QPA_PLATFORM} "")
unset(ENV{DISPLAY})
run(${WORK_DIR}/root/usr/bin/insights-admin --version)
if(NOT out STREQUAL "insights-admin ${VERSION}\n")
    message(FATAL_ERROR "Unexpected --version output: '${out}'")
endif()
message(STATUS "Package ${debs} installs a working insights-admin ${VERSION}")
