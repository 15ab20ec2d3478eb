#pragma once

#include "k8s/deployment_health.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace kiosk::k8s {

class ApiClient;

// Follows a deployment's rollout the way `kubectl rollout status` does (observedGeneration,
// updated and available replicas, ProgressDeadlineExceeded) until it completes, fails or
// times out; each new status line is reported once.
class RolloutFollower : public QObject {
    Q_OBJECT

public:
    RolloutFollower(ApiClient *client, QString nameSpace, QString deployment,
                    QObject *parent = nullptr);

    void start(int timeoutMs, int pollMs = 1000);
    bool done() const { return m_done; }
    bool failed() const { return m_failed; }
    QString message() const { return m_message; }

signals:
    void statusChanged(const QString &message);
    void finished(bool ok, const QString &message);

private:
    void poll();
    void finish(bool ok, const QString &message);

    QPointer<ApiClient> m_client;
    QString m_namespace;
    QString m_deployment;
    QTimer m_poll;
    QTimer m_deadline;
    QString m_message;
    bool m_done = false;
    bool m_failed = false;
    bool m_finished = false;
};

} // namespace kiosk::k8s
