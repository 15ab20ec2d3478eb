#include "kubectl_runner.h"

#include <QProcess>
#include <QTimer>

namespace kiosk::bench {

KubectlRunner::KubectlRunner(QString kubectl, QString kubeconfig, QString nameSpace,
                             QString cacheDir, QObject *parent)
    : QObject(parent)
    , m_kubectl(std::move(kubectl))
    , m_globalArguments{QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("-n"), nameSpace,
                        QStringLiteral("--cache-dir"),  cacheDir} {}

void KubectlRunner::run(const QStringList &arguments,
                        std::function<void(const KubectlResult &)> done, int timeoutMs) {
    auto *process = new QProcess(this);
    auto *timer = new QTimer(process);
    auto timedOut = std::make_shared<bool>(false);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [process, timedOut] {
        *timedOut = true;
        process->kill();
    });
    ++m_running;
    auto finish = [this, process, timedOut, done = std::move(done)](bool started) {
        KubectlResult result;
        result.timedOut = *timedOut;
        if (started) {
            result.out = process->readAllStandardOutput();
            result.err = process->readAllStandardError();
            const bool normal = process->exitStatus() == QProcess::NormalExit;
            result.exitCode = normal ? process->exitCode() : -1;
            result.crashed = !normal && !result.timedOut;
        } else {
            result.err = process->errorString().toUtf8();
        }
        m_crashes += result.crashed;
        --m_running;
        process->deleteLater();
        done(result);
    };
    connect(process, &QProcess::finished, this, [finish] { finish(true); });
    connect(process, &QProcess::errorOccurred, this,
            [process, finish](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart) {
                    process->disconnect();
                    finish(false);
                }
            });
    timer->start(timeoutMs);
    process->start(m_kubectl, m_globalArguments + arguments);
}

} // namespace kiosk::bench
