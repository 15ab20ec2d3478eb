#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kiosk::ui {

// Notices when nobody has touched the kiosk for a while. Installed as an event filter on the
// application, it counts every touch, mouse, wheel and key event of every window as activity.
// After `timeoutSeconds` without any, timedOut() is emitted once (and `idle` becomes true)
// until the next activity. activity() is emitted at most once a second, so it can drive
// AdminSession::touch() without a call per mouse move.
class IdleWatcher : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(double timeoutSeconds READ timeoutSeconds WRITE setTimeoutSeconds NOTIFY
                   timeoutSecondsChanged)
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY enabledChanged)
    Q_PROPERTY(bool idle READ idle NOTIFY idleChanged)

public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;

    double timeoutSeconds() const { return m_timeoutSeconds; }
    void setTimeoutSeconds(double seconds);
    bool enabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    bool idle() const { return m_idle; }

    // Counts as activity (e.g. a page change made by code).
    Q_INVOKABLE void reset();

    static bool isUserActivity(int eventType);

Q_SIGNALS:
    void timeoutSecondsChanged();
    void enabledChanged();
    void idleChanged();
    void timedOut();
    void activity();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void noteActivity();
    void check();
    qint64 timeoutMs() const;

    double m_timeoutSeconds = 120;
    bool m_enabled = true;
    bool m_idle = false;
    QElapsedTimer m_lastActivity;
    QElapsedTimer m_lastActivitySignal;
    QTimer m_timer;
};

} // namespace kiosk::ui
