#include "k8s/rollout_follower.h"

#include "k8s/api_client.h"
#include "k8s/object_fields.h"
#include "k8s/resource_path.h"

#include <QJsonArray>

namespace kiosk::k8s {

RolloutFollower::RolloutFollower(ApiClient *client, QString nameSpace, QString deployment,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_namespace(std::move(nameSpace))
    , m_deployment(std::move(deployment)) {
    m_poll.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &RolloutFollower::poll);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish(false, QStringLiteral("timed out waiting for the rollout: %1").arg(m_message));
    });
}

void RolloutFollower::start(int timeoutMs, int pollMs) {
    m_poll.setInterval(pollMs);
    m_deadline.start(timeoutMs);
    poll();
}

void RolloutFollower::finish(bool ok, const QString &message) {
    if (m_finished)
        return;
    m_finished = true;
    m_poll.stop();
    m_deadline.stop();
    m_message = message;
    emit finished(ok, message);
}

void RolloutFollower::poll() {
    if (!m_client || m_finished)
        return;
    const QString path = ResourcePath::object(ResourceKind::Deployment, m_namespace, m_deployment);
    m_client->get(path, {}, this, [this](const ApiResponse &response) {
        if (m_finished)
            return;
        if (response.error.isError()) {
            if (response.error.kind == ApiError::Kind::NotFound) {
                finish(false, response.error.message);
                return;
            }
            m_poll.start(); // a passing network error: keep following until the deadline
            return;
        }
        const QJsonObject deployment = response.object;
        // The pods only add kubectl's warning suffix (e.g. CrashLoopBackOff); fetch them by
        // selector.
        QStringList selector;
        const QJsonObject labels =
            fields::spec(deployment).value(u"selector").toObject().value(u"matchLabels").toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            selector << it.key() + u'=' + it.value().toString();
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("labelSelector"), selector.join(u','));
        m_client->get(ResourcePath::collection(ResourceKind::Pod, m_namespace), query, this,
                      [this, deployment](const ApiResponse &podsResponse) {
                          if (m_finished)
                              return;
                          QList<QJsonObject> pods;
                          for (const auto &p : podsResponse.object.value(u"items").toArray())
                              pods.append(p.toObject());
                          const RolloutStatus status = rolloutStatus(deployment, 0, pods);
                          if (status.message != m_message) {
                              m_message = status.message;
                              emit statusChanged(m_message);
                          }
                          m_done = status.done;
                          m_failed = status.failed;
                          if (status.done || status.failed)
                              finish(status.done, status.message);
                          else
                              m_poll.start();
                      });
    });
}

} // namespace kiosk::k8s
