#pragma once

// For "nothing more happens" checks on objects that hand work to a worker thread and post the
// answer back: a round trip through that thread's event loop. The worker runs one queued call
// at a time, so the probe runs after everything queued before it (a reading in flight, a frame
// being judged); what those calls posted back to this thread is queued before the probe's own
// answer, so once the returned flag is set (the event loop delivered it) every earlier answer
// has been delivered too. Wait for it with QTRY_VERIFY_WITH_TIMEOUT(flag->load(), ...), then
// check that nothing happened: a condition instead of a fixed sleep.

#include <QCoreApplication>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace kiosk::test {

inline std::shared_ptr<std::atomic<bool>> roundTripThrough(QThread *thread) {
    auto back = std::make_shared<std::atomic<bool>>(false);
    if (!thread)
        return back; // never set: the caller's wait fails and says so
    auto *probe = new QObject;
    probe->moveToThread(thread);
    QMetaObject::invokeMethod(
        probe,
        [probe, back]() {
            // Posted to the application object, which lives on the main thread, as the answers are.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(), [back]() { back->store(true); },
                Qt::QueuedConnection);
            probe->deleteLater();
        },
        Qt::QueuedConnection);
    return back;
}

} // namespace kiosk::test
