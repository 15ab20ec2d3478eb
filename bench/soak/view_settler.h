#pragma once

#include "cluster_view.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace kiosk::k8s {
class ClusterMonitor;
}

namespace kiosk::bench {

class KubectlRunner;

// After the driver stops: takes kubectl's view, then gives the kiosk's informers a few seconds to
// catch up with it (checking on every change they report); when they do not, kubectl's view is
// taken again, since the cluster itself may have moved on (a crash-looping pod restarts). Done
// when the two views are equal once, or at the deadline with the last differences.
class ViewSettler : public QObject {
    Q_OBJECT

public:
    ViewSettler(k8s::ClusterMonitor *monitor, KubectlRunner *kubectl, int deadlineMs,
                QObject *parent = nullptr);

    void start();
    void setVerbose(bool verbose) { m_verbose = verbose; }
    bool equal() const { return m_equal; }
    QStringList differences() const { return m_differences; }
    int snapshots() const { return m_snapshots; }
    qint64 elapsedMs() const { return m_elapsed.elapsed(); }
    QString lastKubectlError() const { return m_kubectlError; }

signals:
    void finished();

private:
    void takeSnapshot();
    void onSnapshot();
    void compareNow();
    void finish(bool equal);

    k8s::ClusterMonitor *m_monitor;
    KubectlRunner *m_kubectl;
    int m_deadlineMs;
    QElapsedTimer m_elapsed;
    QTimer m_deadline;
    QTimer m_window; // how long the kiosk gets to catch up with one kubectl view
    QMetaObject::Connection m_changes;
    ClusterView m_reference;
    bool m_haveReference = false;
    int m_pendingAnswers = 0;
    QByteArray m_json;
    QByteArray m_table;
    bool m_answersOk = true;
    bool m_equal = false;
    bool m_done = false;
    bool m_verbose = false;
    int m_snapshots = 0;
    QStringList m_differences;
    QString m_kubectlError;
};

} // namespace kiosk::bench
