#include "monitor_observer.h"

#include "k8s/cluster_health_report.h"
#include "k8s/cluster_monitor.h"
#include "k8s/resource_informer.h"

namespace kiosk::bench {

namespace {
QString kindName(k8s::ApiError::Kind kind) {
    using K = k8s::ApiError::Kind;
    switch (kind) {
    case K::None:
        return QStringLiteral("None");
    case K::Network:
        return QStringLiteral("Network");
    case K::Timeout:
        return QStringLiteral("Timeout");
    case K::Tls:
        return QStringLiteral("Tls");
    case K::Unauthorized:
        return QStringLiteral("Unauthorized");
    case K::Forbidden:
        return QStringLiteral("Forbidden");
    case K::NotFound:
        return QStringLiteral("NotFound");
    case K::Conflict:
        return QStringLiteral("Conflict");
    case K::Gone:
        return QStringLiteral("Gone");
    case K::Invalid:
        return QStringLiteral("Invalid");
    case K::TooManyRequests:
        return QStringLiteral("TooManyRequests");
    case K::Server:
        return QStringLiteral("Server");
    case K::Malformed:
        return QStringLiteral("Malformed");
    }
    return QStringLiteral("Other");
}
} // namespace

MonitorObserver::MonitorObserver(k8s::ClusterMonitor *monitor, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor) {
    m_notLiveSince.start(); // not Live until the first complete lists
    for (k8s::ResourceInformer *informer :
         {monitor->deploymentInformer(), monitor->replicaSetInformer(), monitor->podInformer()}) {
        m_reconnecting.insert(informer, false);
        connect(informer, &k8s::ResourceInformer::stateChanged, this, [this, informer] {
            const bool now = informer->state() == k8s::ResourceInformer::State::Reconnecting;
            if (now && !m_reconnecting.value(informer))
                ++m_reconnects;
            m_reconnecting.insert(informer, now);
        });
        connect(informer, &k8s::ResourceInformer::errorOccurred, this,
                [this](const k8s::ApiError &error) { ++m_errors[kindName(error.kind)]; });
    }
    connect(monitor, &k8s::ClusterMonitor::stateChanged, this, &MonitorObserver::onStateChanged);
    connect(monitor, &k8s::ClusterMonitor::changed, this, &MonitorObserver::onChanged);
}

bool MonitorObserver::live() const {
    return m_monitor->state() == k8s::ClusterMonitor::State::Live;
}

qint64 MonitorObserver::currentNotLiveMs() const {
    return m_notLiveSince.isValid() ? m_notLiveSince.elapsed() : 0;
}

qint64 MonitorObserver::longestNotLiveMs() const {
    return std::max(m_longestNotLiveMs, currentNotLiveMs());
}

void MonitorObserver::onStateChanged() {
    if (live()) {
        if (m_notLiveSince.isValid()) {
            m_longestNotLiveMs = std::max(m_longestNotLiveMs, m_notLiveSince.elapsed());
            m_notLiveSince.invalidate();
        }
    } else if (!m_notLiveSince.isValid()) {
        m_notLiveSince.start();
    }
}

void MonitorObserver::onChanged() {
    if (!m_monitor->hasSynced())
        return;
    QElapsedTimer timer;
    timer.start();
    const k8s::ClusterHealthReport report =
        k8s::ClusterHealthReport::build(m_monitor->deployments(), m_monitor->replicaSets(),
                                        m_monitor->pods(), QDateTime::currentDateTimeUtc());
    const QJsonObject json =
        report.toJson(); // what `cluster status --json` and the page derive from it
    Q_UNUSED(json);
    ++m_reports;
    m_slowestReportMs = std::max(m_slowestReportMs, timer.elapsed());
}

} // namespace kiosk::bench
