#pragma once

// The kubectl that the kubectl comparison tests (tst_sim_kubectl, tst_cluster_actions) drive:
// $KIOSK_KUBECTL when set (e.g. Debian's, unpacked from kubernetes-client), else the one on PATH.
// A missing kubectl is a failure, never a skip: the caller QFAILs with `error`, which says what
// to install. The version is asked once (`kubectl version --client -o json`) so a test can log
// it and allow for what an older kubectl cannot do.

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QVersionNumber>

namespace kiosk::test {

struct Kubectl {
    QString path;          // empty when there is no usable kubectl (then `error` says why)
    QString gitVersion;    // as kubectl reports it, e.g. "v1.20.2" or "v1.32.4-dispatcher"
    QVersionNumber number; // e.g. 1.20.2
    QString error;
};

inline QString kubectlInstallHint() {
    return QStringLiteral(
        "install kubectl (on Debian 12: apt-get install kubernetes-client; ./kiosk test installs "
        "it "
        "when the machine has no kubectl) or point KIOSK_KUBECTL at a kubectl binary");
}

inline Kubectl findKubectl() {
    Kubectl k;
    const QString chosen = qEnvironmentVariable("KIOSK_KUBECTL");
    if (!chosen.isEmpty()) {
        const QFileInfo info(chosen);
        if (!info.isFile() || !info.isExecutable()) {
            k.error = QStringLiteral("KIOSK_KUBECTL=%1 is not an executable file; %2")
                          .arg(chosen, kubectlInstallHint());
            return k;
        }
        k.path = info.absoluteFilePath();
    } else {
        k.path = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (k.path.isEmpty()) {
            k.error =
                QStringLiteral("kubectl is not installed, and these tests compare with it: %1")
                    .arg(kubectlInstallHint());
            return k;
        }
    }
    // No server is running yet: blocking here is fine. --client: the version needs no cluster.
    QProcess process;
    process.start(k.path, {QStringLiteral("version"), QStringLiteral("--client"),
                           QStringLiteral("-o"), QStringLiteral("json")});
    const bool finished = process.waitForFinished(60000);
    const QJsonObject client = QJsonDocument::fromJson(process.readAllStandardOutput())
                                   .object()
                                   .value(QStringLiteral("clientVersion"))
                                   .toObject();
    k.gitVersion = client.value(QStringLiteral("gitVersion")).toString();
    // "v1.32.4-dispatcher" -> 1.32.4: fromString stops at the first character that is no part of a
    // number.
    k.number = QVersionNumber::fromString(k.gitVersion.mid(1));
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 ||
        k.number.isNull()) {
        k.error =
            QStringLiteral(
                "%1 does not run or says no version (kubectl version --client -o json: %2); %3")
                .arg(k.path, QString::fromUtf8(process.readAllStandardError()).trimmed(),
                     kubectlInstallHint());
        k.path.clear();
    }
    return k;
}

} // namespace kiosk::test
