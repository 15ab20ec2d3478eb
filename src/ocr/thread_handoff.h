#pragma once

// Marks a hand-over between threads through a queued call, for ThreadSanitizer. Qt Core posts a
// queued call under its own futex-based lock, which TSan cannot see when Qt is not built with
// -fsanitize=thread (Debian's is not), so everything a worker reads of what the caller wrote
// before posting (a cancel flag, a result) reads as a race. The sender calls sent(receiver) right
// before posting, the receiving call starts with received(receiver): the happens-before edge Qt's
// lock really gives, spelt out. Both are empty outside a TSan build.

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace kiosk::ocr {

class ThreadHandoff {
public:
#if defined(__SANITIZE_THREAD__)
    static void sent(const void *receiver) {
        __tsan_release(const_cast<void *>(receiver));
    }
    static void received(const void *receiver) {
        __tsan_acquire(const_cast<void *>(receiver));
    }
#else
    static void sent(const void *) {}
    static void received(const void *) {}
#endif
};

} // namespace kiosk::ocr
