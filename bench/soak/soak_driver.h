#pragma once

#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>

namespace kiosk::bench {

class KubectlRunner;

// Changes the cluster the way an administrator would, through kubectl, one command at a time on
// a timer: scale, roll out a new image, delete pods, roll back, roll out an image that
// crash-loops or cannot be pulled, restart. The commands come from a seeded generator, so one
// seed gives the same sequence every run (the simulator's injected faults are not seeded).
class SoakDriver : public QObject {
    Q_OBJECT

public:
    struct Tally {
        int done = 0; // kubectl exited 0
        int refused =
            0; // kubectl said no for a reason of the cluster's (e.g. nothing to roll back to)
        int failed = 0; // still failing after the retries (injected 503s, timeouts)
        int retries = 0;
    };

    // `containers`: deployment name -> its first container's name (for `set image`).
    SoakDriver(KubectlRunner *kubectl, QMap<QString, QString> containers, quint32 seed,
               int intervalMs, QObject *parent = nullptr);

    void start();
    // No new command after this; `stopped` fires once the one in flight (if any) has ended.
    void stop();
    bool isStopped() const { return m_stopping && !m_busy; }

    int operations() const;
    const QMap<QString, Tally> &tallies() const { return m_tallies; }
    QStringList lastFailures() const { return m_failures; }

signals:
    void stopped();

private:
    struct Operation {
        QString kind;
        QStringList arguments;
    };
    Operation next();
    void runNext();
    void attempt(const Operation &operation, int attemptNumber);
    void finished();

    KubectlRunner *m_kubectl;
    QStringList m_deployments;
    QMap<QString, QString> m_containers;
    QRandomGenerator m_random;
    int m_intervalMs;
    int m_imageCounter = 0;
    bool m_busy = false;
    bool m_stopping = false;
    QTimer m_timer;
    QMap<QString, Tally> m_tallies;
    QStringList m_failures; // the last few, for the report
};

} // namespace kiosk::bench
