# kiosk_add_test(NAME <tst_name> SOURCES <files...> LIBS <targets...> [ENV <VAR=value...>] [TIMEOUT s])
# One Qt Test executable registered with ctest, rendering offscreen so no display is needed.
function(kiosk_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;ENV;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    # Helpers every test may use (screenshots of windows).
    target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
    target_compile_definitions(${T_NAME} PRIVATE
        KIOSK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        KIOSK_SHARED_DIR="${KIOSK_SHARED_DIR}"
        KIOSK_BINARY_DIR="${CMAKE_BINARY_DIR}")
    set_target_properties(${T_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    # Sorted into the sanitize stage once the folder has added its dependencies.
    cmake_language(EVAL CODE "cmake_language(DEFER CALL kiosk_label_for_sanitizers [[${T_NAME}]])")
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    if(KIOSK_SANITIZE)
        # Debug code under a sanitizer runs several times slower than the Release build.
        math(EXPR T_TIMEOUT "${T_TIMEOUT} * 3")
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        TIMEOUT ${T_TIMEOUT}
        # Without timings from an earlier run (a fresh CI machine) ctest -j starts the tests with
        # the highest cost first: the slow ones, which declare a long timeout, then overlap the rest.
        COST ${T_TIMEOUT}
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;${T_ENV}")
endfunction()

# The code that runs on threads (OcrWorker, FrameSampler, the reading engine's fallback, the PIN
# hashing) and the tests that drive it: the ThreadSanitizer stage runs these.
set(KIOSK_THREADED_TESTS tst_ocr_pipeline tst_frame_sampler tst_reading_engine tst_admin_pin)

# The sanitize stage (`./kiosk test --sanitize`) builds and runs the libraries' own tests only:
# not the ones that start the kilo-kiosk executable or load the QML UI, which would mean
# building the whole app under the sanitizers, and which the Release suite already covers.
# Labels "sanitize" and "threads"; tests/CMakeLists.txt makes the build targets.
function(kiosk_label_for_sanitizers test_target)
    get_target_property(test_dependencies ${test_target} MANUALLY_ADDED_DEPENDENCIES)
    get_target_property(test_libraries ${test_target} LINK_LIBRARIES)
    if("kilo-kiosk" IN_LIST test_dependencies OR "kiosk_ui" IN_LIST test_libraries
       OR CMAKE_CURRENT_SOURCE_DIR MATCHES "/tests/(ui|qml|cluster_ui|packaging)$")
        return()
    endif()
    set_property(TEST ${test_target} APPEND PROPERTY LABELS sanitize)
    set_property(GLOBAL APPEND PROPERTY KIOSK_SANITIZE_TESTS ${test_target})
    if(test_target IN_LIST KIOSK_THREADED_TESTS)
        set_property(TEST ${test_target} APPEND PROPERTY LABELS threads)
        set_property(GLOBAL APPEND PROPERTY KIOSK_THREADED_TEST_TARGETS ${test_target})
    endif()
endfunction()
