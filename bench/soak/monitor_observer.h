#pragma once

#include "k8s/api_error.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>

namespace kiosk::k8s {
class ClusterMonitor;
class ResourceInformer;
} // namespace kiosk::k8s

namespace kiosk::bench {

// Watches a ClusterMonitor the way a person watches the Cluster page's status line: how often an
// informer fell to Reconnecting, which errors it met, and the longest stretch the monitor was
// not Live (not yet synced, or reconnecting), the one in progress included. It also rebuilds the
// health report on every change, as ClusterController does, so the soak runs that code too.
class MonitorObserver : public QObject {
    Q_OBJECT

public:
    explicit MonitorObserver(k8s::ClusterMonitor *monitor, QObject *parent = nullptr);

    int reconnects() const { return m_reconnects; } // informer entries into Reconnecting
    const QMap<QString, int> &errors() const { return m_errors; } // by ApiError kind
    int reportsBuilt() const { return m_reports; }
    qint64 longestNotLiveMs() const; // since start, the current stretch included
    qint64 currentNotLiveMs() const; // 0 while Live
    bool live() const;
    qint64 slowestReportMs() const { return m_slowestReportMs; }

private:
    void onStateChanged();
    void onChanged();

    k8s::ClusterMonitor *m_monitor;
    QMap<const k8s::ResourceInformer *, bool> m_reconnecting;
    QMap<QString, int> m_errors;
    int m_reconnects = 0;
    int m_reports = 0;
    qint64 m_slowestReportMs = 0;
    qint64 m_longestNotLiveMs = 0;
    QElapsedTimer m_notLiveSince; // valid while the monitor is not Live
};

} // namespace kiosk::bench
