#pragma once

#include "k8s/line_splitter.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QNetworkReply;

namespace kiosk::k8s {

class ApiClient;

// A container's log as `kubectl logs [-f] (POD | deployment/NAME)` shows it, kept flowing: the
// stream (follow=true) is reopened when it drops, from the last line already shown (the server's
// timestamps tell them apart); for a deployment, when its pod is replaced the newest one is
// followed next, and the lines already shown stay. The lines kept are bounded (the oldest go).
class LogFollower : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString container;  // empty: the pod's only (or first) container
        int tailLines = -1; // of the first pod only; -1: all
        qint64 sinceSeconds = -1;
        bool previous = false; // the crashed instance's log (never followed)
        bool follow = false;
        int maxLines = 5000;    // lines kept in lines()
        int reconnectMs = 1000; // wait before reopening a dropped stream
    };

    // Either pod or deployment is set: a deployment's newest ready pod is the one read.
    LogFollower(ApiClient *client, QString nameSpace, QString pod, QString deployment,
                Options options, QObject *parent = nullptr);
    ~LogFollower() override;

    void start();
    void stop();
    QString pod() const { return m_pod; }
    const QStringList &lines() const { return m_lines; }
    bool running() const { return m_running; }

signals:
    void lineReceived(const QString &pod, const QString &line);
    void podChanged(const QString &pod);
    void notice(const QString &text); // "the log stream ended; reconnecting..." and the like
    // Without follow, when the log was read; with follow, only on an error that retrying cannot
    // mend (no such pod or deployment, a refused request) or stop().
    void finished(bool ok, const QString &error);

private:
    void resolvePod();
    void openStream();
    void onData();
    void onStreamEnded();
    void retryLater(const QString &why);
    void finish(bool ok, const QString &error);
    void keep(const QString &line);

    QPointer<ApiClient> m_client;
    QString m_nameSpace;
    QString m_deployment;
    Options m_options;
    QString m_pod;
    QStringList m_lines;
    QPointer<QNetworkReply> m_stream;
    LineSplitter m_splitter;
    QDateTime m_lastLineTime;  // the newest line shown, by the server's timestamp
    int m_linesAtLastTime = 0; // how many lines carried exactly that time (shown already)
    int m_seenAtLastTime = 0;  // of those, how many this stream has passed so far
    bool m_firstStream = true;
    bool m_running = false;
    QTimer m_retry;
};

} // namespace kiosk::k8s
