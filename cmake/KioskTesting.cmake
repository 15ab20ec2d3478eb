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
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;${T_ENV}")
endfunction()
