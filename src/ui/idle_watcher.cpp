#include "ui/idle_watcher.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk::ui {

namespace {
constexpr qint64 kActivitySignalIntervalMs = 1000;
}

IdleWatcher::IdleWatcher(QObject *parent)
    : QObject(parent) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::check);
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
    m_lastActivity.start();
    m_timer.start(timeoutMs());
}

IdleWatcher::~IdleWatcher() {
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

qint64 IdleWatcher::timeoutMs() const {
    return std::max<qint64>(1, std::llround(m_timeoutSeconds * 1000));
}

void IdleWatcher::setTimeoutSeconds(double seconds) {
    seconds = std::max(seconds, 0.05);
    if (seconds == m_timeoutSeconds)
        return;
    m_timeoutSeconds = seconds;
    emit timeoutSecondsChanged();
    if (m_enabled && !m_idle)
        check();
}

void IdleWatcher::setEnabled(bool enabled) {
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    emit enabledChanged();
    if (enabled) {
        reset();
    } else {
        m_timer.stop();
        if (m_idle) {
            m_idle = false;
            emit idleChanged();
        }
    }
}

bool IdleWatcher::isUserActivity(int eventType) {
    switch (eventType) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event) {
    if (m_enabled && isUserActivity(event->type()))
        noteActivity();
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::reset() {
    noteActivity();
}

void IdleWatcher::noteActivity() {
    m_lastActivity.restart();
    if (m_idle) {
        m_idle = false;
        emit idleChanged();
    }
    if (m_enabled && !m_timer.isActive())
        m_timer.start(timeoutMs());
    if (!m_lastActivitySignal.isValid() ||
        m_lastActivitySignal.elapsed() >= kActivitySignalIntervalMs) {
        m_lastActivitySignal.restart();
        emit activity();
    }
}

// The timer is not restarted on every event: when it fires, it waits for the rest of the
// timeout counted from the last activity.
void IdleWatcher::check() {
    if (!m_enabled || m_idle)
        return;
    const qint64 elapsed = m_lastActivity.elapsed();
    const qint64 timeout = timeoutMs();
    if (elapsed < timeout) {
        m_timer.start(int(std::min<qint64>(timeout - elapsed, std::numeric_limits<int>::max())));
        return;
    }
    m_idle = true;
    emit idleChanged();
    emit timedOut();
}

} // namespace kiosk::ui
