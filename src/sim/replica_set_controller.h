#pragma once

#include "sim/object_store.h"

#include <QObject>
#include <QSet>

namespace kiosk::sim {

class EventRecorder;
class ObjectService;

// The ReplicaSet controller: creates pods from the template (generateName "<rs>-") and deletes
// surplus ones (unscheduled, pending and not-ready first, then the newest) until the pods it
// controls match spec.replicas; keeps status (replicas, fullyLabeled, ready, available,
// observedGeneration) current.
class ReplicaSetController : public QObject {
    Q_OBJECT

public:
    ReplicaSetController(ObjectService *service, EventRecorder *events, QObject *parent = nullptr);

    void enqueue(const QString &ns, const QString &name);

private:
    void onChange(const StoreEvent &event);
    void schedule(int delayMs = 20);
    void run();
    void sync(const QString &key);

    ObjectService *m_service;
    ObjectStore *m_store;
    EventRecorder *m_events;
    QSet<QString> m_queue;
    bool m_scheduled = false;
};

} // namespace kiosk::sim
