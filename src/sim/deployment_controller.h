#pragma once

#include "sim/object_store.h"

#include <QObject>
#include <QSet>

namespace kiosk::sim {

class EventRecorder;
class ObjectService;

// The Deployment controller, after kube-controller-manager's: finds the ReplicaSet whose
// template matches (ignoring pod-template-hash) or creates "<deployment>-<hash>" with the
// revision / desired-replicas / max-replicas annotations, reuses an old one with the next
// revision (recording revision-history), rolls (RollingUpdate with maxSurge/maxUnavailable,
// or Recreate), scales proportionally, honours paused, keeps status and the Progressing /
// Available conditions with the real reasons (including ProgressDeadlineExceeded), and removes
// old ReplicaSets beyond revisionHistoryLimit once a rollout is complete.
class DeploymentController : public QObject {
    Q_OBJECT

public:
    DeploymentController(ObjectService *service, EventRecorder *events, QObject *parent = nullptr);

    void enqueue(const QString &ns, const QString &name);
    // Queues every deployment whose rollout is not complete (after a scenario loads).
    void resyncIncomplete();

    static const QString kRevision;
    static const QString kRevisionHistory;
    static const QString kDesiredReplicas;
    static const QString kMaxReplicas;

private:
    void onChange(const StoreEvent &event);
    void schedule();
    void run();
    void sync(const QString &key);

    ObjectService *m_service;
    ObjectStore *m_store;
    EventRecorder *m_events;
    QSet<QString> m_queue;
    bool m_scheduled = false;
};

} // namespace kiosk::sim
