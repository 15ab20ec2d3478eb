#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace kiosk::bench {

// What one kubectl command did.
struct KubectlResult {
    int exitCode = -1;    // -1: it crashed, timed out or did not start
    bool crashed = false; // ended by a signal (a timeout kill is not counted as a crash)
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
};

// Runs kubectl against one kubeconfig without blocking the event loop (the informers under test
// share it): each command is a QProcess whose result arrives in a callback.
class KubectlRunner : public QObject {
    Q_OBJECT

public:
    KubectlRunner(QString kubectl, QString kubeconfig, QString nameSpace, QString cacheDir,
                  QObject *parent = nullptr);

    // `arguments` follow the global flags (--kubeconfig, -n, --cache-dir); killed after timeoutMs.
    void run(const QStringList &arguments, std::function<void(const KubectlResult &)> done,
             int timeoutMs = 60000);
    int running() const { return m_running; }
    int crashes() const { return m_crashes; }

private:
    QString m_kubectl;
    QStringList m_globalArguments;
    int m_running = 0;
    int m_crashes = 0;
};

} // namespace kiosk::bench
