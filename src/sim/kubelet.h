#pragma once

#include "sim/log_source.h"
#include "sim/object_store.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace kiosk::sim {

class EventRecorder;
class ObjectService;

// What running an image does on the simulated node.
struct ImageProfile {
    enum class Behaviour { Healthy, CrashLoop };
    Behaviour behaviour = Behaviour::Healthy;
    QStringList startupLog; // printed when a container starts
    QStringList crashLog;   // printed before a CrashLoop container exits
    int exitCode = 1;
    int runMilliseconds = 2500; // how long a CrashLoop container runs before it exits
};

// The node: a scheduler that binds pods to it and a kubelet stand-in that runs the containers
// of pods a ReplicaSet owns. Known healthy images are Running and Ready within a second;
// CrashLoop images run, exit with their code and back off (10s, 20s, ... 5m) with growing
// restart counts, CrashLoopBackOff and a previous log; unknown images go ErrImagePull /
// ImagePullBackOff. Pods nobody owns keep whatever status clients write. Graceful deletions
// end here. Events are recorded as the real components record them.
class Kubelet : public LogSource {
    Q_OBJECT

public:
    Kubelet(ObjectService *service, EventRecorder *events, const QString &nodeName,
            QObject *parent = nullptr);

    QString nodeName() const { return m_nodeName; }
    // Exact "repo:tag" match first, then the repository alone (any tag), then prefixes
    // registered with a trailing '*' ("registry.local/scale/*").
    void registerImage(const QString &image, const ImageProfile &profile);
    std::optional<ImageProfile> profileFor(const QString &image) const;

    // Takes over pods that already exist (a scenario's): seeds their logs from their status and
    // schedules what comes next for crash-looping ones.
    void adoptExisting();

    std::optional<QList<LogLine>> logs(const QJsonObject &pod, const QString &container,
                                       bool previous, QString *error) const override;

private:
    struct ContainerRun {
        QList<LogLine> current;
        QList<LogLine> previous;
        bool started = false;
        bool running = false;
        int attempts = 0; // image pulls tried
    };
    struct PodRun {
        QString ns;
        QString name;
        QHash<QString, ContainerRun> containers;
        QString ip;
        bool scheduled = false;
        bool started = false;
        bool terminating = false;
    };

    void onChange(const StoreEvent &event);
    bool managed(const QJsonObject &pod) const;
    std::optional<QJsonObject> currentPod(const QString &uid) const;
    void writePod(const QJsonObject &pod);
    void bind(const QString &uid);
    void startPod(const QString &uid);
    void startContainer(const QString &uid, const QString &container, bool restart);
    void crashContainer(const QString &uid, const QString &container);
    void failPull(const QString &uid, const QString &container);
    void terminate(const QString &uid);
    void updateReadiness(QJsonObject &pod) const;
    void later(int ms, const QString &uid, std::function<void()> action);
    QString nextIp();
    static int backoffSeconds(qint64 restarts);

    ObjectService *m_service;
    ObjectStore *m_store;
    EventRecorder *m_events;
    QString m_nodeName;
    QHash<QString, ImageProfile> m_images;
    QHash<QString, PodRun> m_pods; // by uid
    int m_nextIp = 2;
};

} // namespace kiosk::sim
