#include "openmp_limit.h"

#include <cstdlib>
#include <unistd.h>

void limitOpenMpThreads(char **argv) {
    if (std::getenv("OMP_THREAD_LIMIT"))
        return;
    const char *threads = std::getenv("KIOSK_OCR_THREADS");
    setenv("OMP_THREAD_LIMIT", threads && *threads ? threads : "1", 1);
    execv("/proc/self/exe", argv);
}
