// The real kubectl against the in-process simulator: what an administrator does during the
// incident (get, describe, logs, scale, patch, delete, rollout undo/status/history/pause,
// create and status replace), the scale scenario's numbers, and tokens / TLS / client
// certificates through a kubeconfig. Without kubectl every test fails and says what to install
// (kubectl_binary.h); KIOSK_KUBECTL picks the binary, and its version is in the log.
#include "sim/api_server.h"
#include "sim/object_store.h"
#include "sim/resource_type.h"

#include "kubectl_binary.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVersionNumber>

using namespace kiosk::sim;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    bool timedOut = false;
    QStringList lines() const { return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
};

QString fixture(const QString &name) {
    return QStringLiteral(KIOSK_SOURCE_DIR "/tests/fixtures/sim/") + name;
}

} // namespace

class TestSimKubectl : public QObject {
    Q_OBJECT

private:
    QString m_kubectl;
    QVersionNumber m_kubectlVersion;
    QTemporaryDir m_home;

    // Runs kubectl without blocking the event loop (the server lives on this thread).
    Run kubectl(const QString &kubeconfig, const QStringList &arguments,
                const QByteArray &input = {}, int timeoutMs = 60000) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.remove(QStringLiteral("KUBERNETES_SERVICE_HOST"));
        process.setProcessEnvironment(env);
        QStringList args = {QStringLiteral("--cache-dir"), m_home.filePath(QStringLiteral("cache")),
                            QStringLiteral("--request-timeout=30s")};
        args += arguments;
        QEventLoop loop;
        Run run;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        process.start(m_kubectl, args);
        if (!input.isEmpty()) {
            process.write(input);
        }
        process.closeWriteChannel();
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, [&]() {
            run.timedOut = true;
            loop.quit();
        });
        timer.start(timeoutMs);
        if (process.state() != QProcess::NotRunning)
            loop.exec();
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(2000);
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QString writeKubeconfig(const ApiServer &server, const QString &name,
                            const QString &ns = QStringLiteral("kilo-guardian"),
                            const QString &ca = {}, const QString &cert = {},
                            const QString &key = {}) {
        const QString path = m_home.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(server.kubeconfig(ns, ca, cert, key).toUtf8());
        return path;
    }

    // Polls kubectl until `predicate` holds on its output (or the time is up). The pause between
    // polls only spares the CPU; the timeout is a generous upper bound (each kubectl run takes
    // a second or more on a loaded machine), not a guess at how long the change takes.
    bool eventually(const QString &kubeconfig, const QStringList &arguments,
                    const std::function<bool(const Run &)> &predicate, int timeoutMs = 30000) {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (predicate(kubectl(kubeconfig, arguments)))
                return true;
            QTest::qWait(250);
        }
        return false;
    }

private slots:
    void initTestCase() {
        // No kubectl is a failure, not a skip: these tests are the simulator's check against the
        // real client (tst_sim_api covers the API over raw HTTP, which kubectl does not replace).
        const kiosk::test::Kubectl found = kiosk::test::findKubectl();
        if (found.path.isEmpty())
            QFAIL(qPrintable(found.error));
        m_kubectl = found.path;
        m_kubectlVersion = found.number;
        qInfo("kubectl %s (%s)", qPrintable(found.gitVersion), qPrintable(m_kubectl));
        QVERIFY(m_home.isValid());
    }

    void incidentNumbers() {
        ApiServer server;
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        const QString kc = writeKubeconfig(server, QStringLiteral("numbers.yaml"));
        const Run deployments = kubectl(kc, {"get", "deployments", "-o", "name"});
        QVERIFY2(deployments.exitCode == 0, qPrintable(deployments.err));
        QCOMPARE(deployments.lines().size(), 14);
        const Run sets = kubectl(kc, {"get", "replicasets", "-o", "name"});
        QCOMPARE(sets.lines().size(), 78);
        const Run pods = kubectl(kc, {"get", "pods"});
        QCOMPARE(pods.lines().size(), 15); // header + 14
        QVERIFY(pods.lines().first().startsWith(QStringLiteral("NAME")));
        QVERIFY(pods.out.contains(QStringLiteral("CrashLoopBackOff")));
        QCOMPARE(kubectl(kc, {"get", "services", "--no-headers"}).lines().size(), 15);
        const Run zero = kubectl(
            kc, {"get", "rs", "-o",
                 "jsonpath={range .items[?(@.spec.replicas==0)]}{.metadata.name}{\"\\n\"}{end}"});
        QCOMPARE(zero.lines().size(), 64);
        const Run wide = kubectl(kc, {"get", "deployment", "kilo-meds", "-o", "wide"});
        QVERIFY2(wide.out.contains(QStringLiteral("kilo-meds:ai-brain-ocr-v2")),
                 qPrintable(wide.out));
        QVERIFY(wide.out.contains(QStringLiteral("app=kilo-meds")));
        const Run describe = kubectl(kc, {"describe", "pod", "-l", "app=kilo-meds"});
        QVERIFY2(describe.exitCode == 0, qPrintable(describe.err));
        QVERIFY(describe.out.contains(QStringLiteral("CrashLoopBackOff")));
        QVERIFY(describe.out.contains(QStringLiteral("Back-off restarting failed container meds")));
        const Run logs = kubectl(kc, {"logs", "deployment/kilo-meds", "--previous", "--tail=1"});
        QCOMPARE(logs.out.trimmed(),
                 QStringLiteral("ModuleNotFoundError: No module named 'prometheus_client'"));
        const Run missing = kubectl(kc, {"get", "deployment", "kilo-nope"});
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains(QStringLiteral("deployments.apps \"kilo-nope\" not found")),
                 qPrintable(missing.err));
        QCOMPARE(kubectl(kc, {"auth", "can-i", "delete", "replicasets"}).out.trimmed(),
                 QStringLiteral("yes"));
        const Run all = kubectl(kc, {"get", "all", "-o", "name"});
        QCOMPARE(all.lines().size(), 14 + 15 + 14 + 78);
    }

    void rollbackTheIncident() {
        ApiServer server;
        QVERIFY(server.listen());
        const QString kc = writeKubeconfig(server, QStringLiteral("rollback.yaml"));
        const Run history = kubectl(kc, {"rollout", "history", "deployment/kilo-meds"});
        QVERIFY(history.out.contains(QStringLiteral(
            "8         kubectl set image deployment/kilo-meds meds=kilo-meds:ai-brain-ocr-v2")));
        const Run undo = kubectl(kc, {"rollout", "undo", "deployment/kilo-meds"});
        QVERIFY2(undo.exitCode == 0, qPrintable(undo.err));
        QCOMPARE(undo.out.trimmed(), QStringLiteral("deployment.apps/kilo-meds rolled back"));
        QElapsedTimer timer;
        timer.start();
        const Run status =
            kubectl(kc, {"rollout", "status", "deployment/kilo-meds", "--timeout=60s"});
        QVERIFY2(status.exitCode == 0, qPrintable(status.err + status.out));
        QVERIFY(status.out.contains(
            QStringLiteral("deployment \"kilo-meds\" successfully rolled out")));
        qInfo("rollout status completed %lld ms after the undo", timer.elapsed());
        const Run image = kubectl(kc, {"get", "deployment", "kilo-meds", "-o",
                                       "jsonpath={.spec.template.spec.containers[0].image}"});
        QCOMPARE(image.out, QStringLiteral("kilo-meds:cb1"));
        const Run after = kubectl(kc, {"rollout", "history", "deployment/kilo-meds"});
        QVERIFY2(after.out.contains(QStringLiteral(
                     "9         kubectl set image deployment/kilo-meds meds=kilo-meds:cb1")),
                 qPrintable(after.out));
        QVERIFY(!after.out.contains(QStringLiteral("\n7 ")));
        QCOMPARE(kubectl(kc, {"get", "rs", "-o", "name"}).lines().size(), 78);
        const Run pods = kubectl(kc, {"get", "pods", "-l", "app=kilo-meds", "--no-headers"});
        QVERIFY2(pods.lines().size() == 1 && pods.out.contains(QStringLiteral("Running")),
                 qPrintable(pods.out));
        // Undoing to a template that already matches is a no-op, as kubectl reports it.
        const Run again =
            kubectl(kc, {"rollout", "undo", "deployment/kilo-meds", "--to-revision=9"});
        QVERIFY2(again.out.contains(QStringLiteral("skipped rollback")),
                 qPrintable(again.out + again.err));
    }

    void scalePatchPauseDelete() {
        ApiServer server;
        QVERIFY(server.listen());
        const QString kc = writeKubeconfig(server, QStringLiteral("ops.yaml"));
        const Run scaled = kubectl(kc, {"scale", "deployment", "kilo-voice", "--replicas=2"});
        QVERIFY2(scaled.exitCode == 0, qPrintable(scaled.err));
        QVERIFY(eventually(
            kc, {"get", "pods", "-l", "app=kilo-voice", "--no-headers"}, [](const Run &r) {
                return r.lines().size() == 2 && r.out.count(QStringLiteral("Running")) == 2 &&
                       r.out.count(QStringLiteral("1/1")) == 2;
            }));

        const Run patched = kubectl(kc, {"patch", "deployment", "kilo-gateway", "-p",
                                         "{\"spec\":{\"revisionHistoryLimit\":3}}"});
        QVERIFY2(patched.exitCode == 0, qPrintable(patched.err));
        QCOMPARE(patched.out.trimmed(), QStringLiteral("deployment.apps/kilo-gateway patched"));
        QVERIFY(eventually(kc, {"get", "rs", "-l", "app=kilo-gateway", "-o", "name"},
                           [](const Run &r) { return r.lines().size() == 4; }));
        const Run jsonPatch = kubectl(
            kc, {"patch", "service", "kilo-voice", "--type=json", "-p",
                 "[{\"op\":\"add\",\"path\":\"/metadata/labels/tier\",\"value\":\"edge\"}]"});
        QVERIFY2(jsonPatch.exitCode == 0, qPrintable(jsonPatch.err));
        QCOMPARE(kubectl(kc, {"get", "svc", "-l", "tier=edge", "-o", "name"}).out.trimmed(),
                 QStringLiteral("service/kilo-voice"));

        const Run paused = kubectl(kc, {"rollout", "pause", "deployment/kilo-cam"});
        QVERIFY2(paused.exitCode == 0, qPrintable(paused.err));
        QCOMPARE(
            kubectl(kc, {"get", "deployment", "kilo-cam", "-o", "jsonpath={.spec.paused}"}).out,
            QStringLiteral("true"));
        const Run refused = kubectl(kc, {"rollout", "undo", "deployment/kilo-cam"});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(QStringLiteral("paused")), qPrintable(refused.err));
        QVERIFY(kubectl(kc, {"rollout", "resume", "deployment/kilo-cam"}).exitCode == 0);

        QString orphan;
        for (const QJsonObject &rs : server.store()->list(ResourceCatalog::instance().replicaSets(),
                                                          QStringLiteral("kilo-guardian")))
            if (rs.value("metadata").toObject().value("ownerReferences").toArray().isEmpty())
                orphan = rs.value("metadata").toObject().value("name").toString();
        const Run deleted = kubectl(kc, {"delete", "rs", orphan});
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err));
        QCOMPARE(deleted.out.trimmed(),
                 QStringLiteral("replicaset.apps \"%1\" deleted").arg(orphan));
        QCOMPARE(kubectl(kc, {"get", "rs", "-o", "name"}).lines().size(),
                 78 - 1 - 2); // the orphan, and 2 of kilo-gateway's 5 old sets above the new limit

        // Deleting a pod: its ReplicaSet replaces it.
        const QString pod = kubectl(kc, {"get", "pods", "-l", "app=kilo-habits", "-o",
                                         "jsonpath={.items[0].metadata.name}"})
                                .out;
        const Run podDeleted = kubectl(kc, {"delete", "pod", pod, "--wait=true"});
        QVERIFY2(podDeleted.exitCode == 0, qPrintable(podDeleted.err));
        QVERIFY(eventually(kc, {"get", "pods", "-l", "app=kilo-habits", "--no-headers"},
                           [&](const Run &r) {
                               return r.lines().size() == 1 && !r.out.contains(pod) &&
                                      r.out.contains(QStringLiteral("Running"));
                           }));
    }

    void createAndReplaceStatus() {
        ApiServer server;
        QVERIFY(server.listen());
        const QString kc = writeKubeconfig(server, QStringLiteral("create.yaml"));
        const QByteArray deployment =
            R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"kilo-printer"},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"kilo-printer"}},
            "template":{"metadata":{"labels":{"app":"kilo-printer"}},"spec":{"containers":[{"name":"printer","image":"nginx:1.27"}]}}}})";
        const Run created = kubectl(kc, {"create", "--validate=false", "-f", "-"}, deployment);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QCOMPARE(created.out.trimmed(), QStringLiteral("deployment.apps/kilo-printer created"));
        const Run status =
            kubectl(kc, {"rollout", "status", "deployment/kilo-printer", "--timeout=30s"});
        QVERIFY2(status.exitCode == 0, qPrintable(status.err + status.out));
        const Run duplicate = kubectl(kc, {"create", "--validate=false", "-f", "-"}, deployment);
        QVERIFY(duplicate.exitCode != 0);
        QVERIFY2(duplicate.err.contains(QStringLiteral("AlreadyExists")) ||
                     duplicate.err.contains(QStringLiteral("already exists")),
                 qPrintable(duplicate.err));

        // A bare pod; its status is whatever kubectl replace --subresource=status says.
        const QByteArray pod =
            R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"probe"},"spec":{"containers":[{"name":"c","image":"busybox"}]}})";
        QCOMPARE(kubectl(kc, {"create", "--validate=false", "-f", "-"}, pod).exitCode, 0);
        QJsonObject object =
            QJsonDocument::fromJson(kubectl(kc, {"get", "pod", "probe", "-o", "json"}).out.toUtf8())
                .object();
        object.insert(
            "status",
            QJsonObject{
                {"phase", "Running"},
                {"conditions", QJsonArray{QJsonObject{{"type", "Ready"}, {"status", "False"}}}},
                {"containerStatuses",
                 QJsonArray{QJsonObject{
                     {"name", "c"},
                     {"image", "busybox"},
                     {"imageID", ""},
                     {"ready", false},
                     {"restartCount", 4},
                     {"state",
                      QJsonObject{{"waiting", QJsonObject{{"reason", "CrashLoopBackOff"}}}}}}}}});
        if (m_kubectlVersion >= QVersionNumber(1, 24)) {
            const Run replaced =
                kubectl(kc, {"replace", "--subresource=status", "--validate=false", "-f", "-"},
                        QJsonDocument(object).toJson());
            QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.err));
            QCOMPARE(replaced.out.trimmed(), QStringLiteral("pod/probe replaced"));
        } else {
            // A real version difference: `kubectl replace --subresource` came with kubectl 1.24,
            // and Debian 12's kubectl is 1.20. It PUTs the same object to the same status
            // subresource with --raw and prints the server's answer (the stored pod) instead of
            // "pod/probe replaced".
            const Run replaced =
                kubectl(kc,
                        {"replace", "--raw", "/api/v1/namespaces/kilo-guardian/pods/probe/status",
                         "--validate=false", "-f", "-"},
                        QJsonDocument(object).toJson());
            QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.err));
            const QJsonObject stored = QJsonDocument::fromJson(replaced.out.toUtf8()).object();
            QCOMPARE(stored.value("metadata").toObject().value("name").toString(),
                     QStringLiteral("probe"));
            QCOMPARE(stored.value("status")
                         .toObject()
                         .value("containerStatuses")
                         .toArray()
                         .at(0)
                         .toObject()
                         .value("restartCount")
                         .toInt(),
                     4);
        }
        // First the written status shows (the positive condition), then it stays: the kubelet
        // never writes a pod no ReplicaSet owns. A negative check needs a bounded wait; 500 ms
        // outlasts the kubelet's steps for a new pod (bind after 50 ms, start 100 ms later).
        const auto showsWrittenStatus = [](const Run &r) {
            return r.out.contains(QStringLiteral("CrashLoopBackOff")) &&
                   r.out.contains(QStringLiteral(" 4 "));
        };
        const Run shown = kubectl(kc, {"get", "pod", "probe", "--no-headers"});
        QVERIFY2(showsWrittenStatus(shown), qPrintable(shown.out));
        QTest::qWait(500);
        const Run still = kubectl(kc, {"get", "pod", "probe", "--no-headers"});
        QVERIFY2(showsWrittenStatus(still), qPrintable(still.out));
        const Run invalid = kubectl(
            kc, {"create", "--validate=false", "-f", "-"},
            R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"Bad_Name"},"spec":{"containers":[]}})");
        QVERIFY(invalid.exitCode != 0);
        QVERIFY2(invalid.err.contains(QStringLiteral("is invalid")), qPrintable(invalid.err));
    }

    void scaleScenario() {
        ApiServerOptions options;
        options.scenario = QStringLiteral("scale");
        ApiServer server(options);
        QVERIFY(server.listen());
        const QString kc =
            writeKubeconfig(server, QStringLiteral("scale.yaml"), QStringLiteral("scale"));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(kubectl(kc, {"get", "deployments", "-o", "name"}, {}, 120000).lines().size(),
                 5000);
        QCOMPARE(kubectl(kc, {"get", "replicasets", "-o", "name"}, {}, 120000).lines().size(),
                 25000);
        const Run pods = kubectl(kc, {"get", "pods", "--no-headers"}, {}, 120000);
        QCOMPARE(pods.lines().size(), 5000);
        QCOMPARE(pods.out.count(QStringLiteral("Running")), 5000);
        qInfo("kubectl listed 5,000 + 25,000 + 5,000 objects in %lld ms", timer.elapsed());
    }

    void tokenOverTlsWithKubeconfig() {
        ApiServerOptions options;
        options.token = QStringLiteral("kilo-token");
        options.tlsCertificateFile = fixture(QStringLiteral("server.crt"));
        options.tlsKeyFile = fixture(QStringLiteral("server.key"));
        ApiServer server(options);
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        QCOMPARE(server.url().scheme(), QStringLiteral("https"));
        const QString kc =
            writeKubeconfig(server, QStringLiteral("tls.yaml"), QStringLiteral("kilo-guardian"),
                            fixture(QStringLiteral("ca.crt")));
        const Run ok = kubectl(kc, {"get", "deployments", "-o", "name"});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QCOMPARE(ok.lines().size(), 14);
        const Run wrongToken = kubectl(kc, {"--token=wrong", "get", "pods"});
        QVERIFY(wrongToken.exitCode != 0);
        QVERIFY2(wrongToken.err.contains(QStringLiteral("Unauthorized")) ||
                     wrongToken.err.contains(QStringLiteral("credentials")),
                 qPrintable(wrongToken.err));
        // Without the CA kubectl refuses the certificate, as it would a real cluster's.
        const QString noCa = writeKubeconfig(server, QStringLiteral("tls-noca.yaml"));
        QFile file(noCa);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(file.readAll());
        file.close();
        text.replace(QStringLiteral("    insecure-skip-tls-verify: true\n"), QString());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
        file.close();
        const Run untrusted = kubectl(noCa, {"get", "pods"});
        QVERIFY(untrusted.exitCode != 0);
        QVERIFY2(untrusted.err.contains(QStringLiteral("certificate")), qPrintable(untrusted.err));
    }

    void clientCertificates() {
        ApiServerOptions options;
        options.tlsCertificateFile = fixture(QStringLiteral("server.crt"));
        options.tlsKeyFile = fixture(QStringLiteral("server.key"));
        options.clientCaFile = fixture(QStringLiteral("ca.crt"));
        ApiServer server(options);
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        const QString kc = writeKubeconfig(
            server, QStringLiteral("mtls.yaml"), QStringLiteral("kilo-guardian"),
            fixture(QStringLiteral("ca.crt")), fixture(QStringLiteral("client.crt")),
            fixture(QStringLiteral("client.key")));
        const Run ok = kubectl(kc, {"get", "deployments", "-o", "name"});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QCOMPARE(ok.lines().size(), 14);
        const QString intruder = writeKubeconfig(
            server, QStringLiteral("intruder.yaml"), QStringLiteral("kilo-guardian"),
            fixture(QStringLiteral("ca.crt")), fixture(QStringLiteral("intruder.crt")),
            fixture(QStringLiteral("intruder.key")));
        QVERIFY(kubectl(intruder, {"get", "pods"}, {}, 20000).exitCode != 0);
        const QString none =
            writeKubeconfig(server, QStringLiteral("nocert.yaml"), QStringLiteral("kilo-guardian"),
                            fixture(QStringLiteral("ca.crt")));
        QVERIFY(kubectl(none, {"get", "pods"}, {}, 20000).exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TestSimKubectl)
#include "tst_sim_kubectl.moc"
