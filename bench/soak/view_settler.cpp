#include "view_settler.h"

#include "kubectl_runner.h"

#include "k8s/cluster_monitor.h"

#include <cstdio>

namespace kiosk::bench {

namespace {
constexpr int kCatchUpMs = 5000;
constexpr int kRetakeMs = 1000;
} // namespace

ViewSettler::ViewSettler(k8s::ClusterMonitor *monitor, KubectlRunner *kubectl, int deadlineMs,
                         QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_kubectl(kubectl)
    , m_deadlineMs(deadlineMs) {
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish(false); });
    m_window.setSingleShot(true);
    connect(&m_window, &QTimer::timeout, this, &ViewSettler::takeSnapshot);
}

void ViewSettler::start() {
    m_elapsed.start();
    m_deadline.start(m_deadlineMs);
    m_changes = connect(m_monitor, &k8s::ClusterMonitor::changed, this, [this] {
        if (m_haveReference)
            compareNow();
    });
    takeSnapshot();
}

void ViewSettler::takeSnapshot() {
    if (m_done)
        return;
    if (m_verbose && m_haveReference)
        std::printf("  kubectl view %d not reached in %d ms: %s\n", m_snapshots, kCatchUpMs,
                    qPrintable(m_differences.join(QStringLiteral("; "))));
    m_haveReference = false;
    m_pendingAnswers = 2;
    m_answersOk = true;
    ++m_snapshots;
    // Both at once, so they describe nearly the same moment.
    m_kubectl->run({QStringLiteral("get"), QStringLiteral("deployments,replicasets,pods"),
                    QStringLiteral("-o"), QStringLiteral("json")},
                   [this](const KubectlResult &r) {
                       m_json = r.out;
                       if (!r.ok()) {
                           m_answersOk = false;
                           m_kubectlError = QString::fromUtf8(r.err).simplified();
                       }
                       onSnapshot();
                   });
    m_kubectl->run({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("--no-headers")},
                   [this](const KubectlResult &r) {
                       m_table = r.out;
                       if (!r.ok()) {
                           m_answersOk = false;
                           m_kubectlError = QString::fromUtf8(r.err).simplified();
                       }
                       onSnapshot();
                   });
}

void ViewSettler::onSnapshot() {
    if (--m_pendingAnswers > 0 || m_done)
        return;
    if (!m_answersOk) { // an injected 503 kubectl gave up on
        m_window.start(kRetakeMs);
        return;
    }
    QString error;
    const ClusterView view = ClusterView::fromKubectl(m_json, m_table, &error);
    if (!error.isEmpty()) {
        m_kubectlError = error;
        m_window.start(kRetakeMs);
        return;
    }
    m_reference = view;
    m_haveReference = true;
    compareNow();
    if (!m_done)
        m_window.start(kCatchUpMs);
}

void ViewSettler::compareNow() {
    if (m_done || !m_monitor->hasSynced())
        return;
    m_differences = ClusterView::differences(ClusterView::fromMonitor(*m_monitor), m_reference);
    if (m_differences.isEmpty())
        finish(true);
}

void ViewSettler::finish(bool equal) {
    if (m_done)
        return;
    m_done = true;
    m_equal = equal;
    m_deadline.stop();
    m_window.stop();
    disconnect(m_changes);
    emit finished();
}

} // namespace kiosk::bench
