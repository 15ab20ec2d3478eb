#include "k8s/duration_format.h"
#include "k8s/pod_status.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace kiosk::k8s;

namespace {

QJsonObject fixture(const QString &relative) {
    QFile f(QStringLiteral(KIOSK_K8S_FIXTURES "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject json(const char *text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test json: %s in %s", qPrintable(error.errorString()), text);
    return doc.object();
}

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2022-01-01T00:10:00Z"), Qt::ISODate);

// JSON text where "NOW-10s", "NOW-2m", "NOW-5d" stand for times before kNow.
QJsonObject jsonAt(const char *text) {
    QString t = QString::fromUtf8(text);
    static const QRegularExpression re(QStringLiteral("NOW-(\\d+)([smhd])"));
    QRegularExpressionMatch m;
    while ((m = re.match(t)).hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 secs = unit == 's'   ? n
                            : unit == 'm' ? n * 60
                            : unit == 'h' ? n * 3600
                                          : n * 86400;
        t.replace(m.capturedStart(), m.capturedLength(), kNow.addSecs(-secs).toString(Qt::ISODate));
    }
    return json(t.toUtf8().constData());
}

} // namespace

class TestPodStatus : public QObject {
    Q_OBJECT

private slots:
    void fixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("ready");
        QTest::addColumn<int>("restarts");
        QTest::addColumn<QString>("restartsText");
        QTest::addColumn<bool>("healthy");

        QTest::newRow("k9s po") << "k9s/render/po.json"
                                << "nginx"
                                << "Running"
                                << "1/1" << 0 << "0" << true;
        QTest::newRow("k9s p1") << "k9s/render/p1.json"
                                << "nginx-7fb78fb6d8-2w75j"
                                << "Running"
                                << "1/1" << 0 << "0" << true;
        // The init container still reports running: kubectl sets "Init:0/1"; the Initialized
        // condition is True, so it reads the app containers too (READY 1/1), but a running, ready
        // container does not overwrite the reason. kubectl prints Init:0/1 with 1/1 here.
        QTest::newRow("k9s po_init") << "k9s/render/po_init.json"
                                     << "nginx"
                                     << "Init:0/1"
                                     << "1/1" << 0 << "0" << false;
        // A restartable (sidecar) init container counts as a container: 2/2.
        QTest::newRow("k9s po_sidecar") << "k9s/render/po_sidecar.json"
                                        << "sleep"
                                        << "Running"
                                        << "2/2" << 0 << "0" << true;
        QTest::newRow("k9s xray po") << "k9s/xray/po.json"
                                     << "nginx"
                                     << "Running"
                                     << "1/1" << 0 << "0" << true;
        QTest::newRow("k9s xray init") << "k9s/xray/init.json"
                                       << "hurry-up-and-wait"
                                       << "Running"
                                       << "1/1" << 0 << "0" << true;
        QTest::newRow("k9s cilium") << "k9s/xray/cilium.json"
                                    << "cilium-operator-55658fb5c4-rxtnl"
                                    << "Running"
                                    << "1/1" << 0 << "0" << true;
        // lastState.terminated.finishedAt is 2022-01-01T00:05:00Z, five minutes before kNow.
        QTest::newRow("headlamp crashloop") << "headlamp/pod-crashloopbackoff-liveness.json"
                                            << "liveness-http"
                                            << "CrashLoopBackOff"
                                            << "0/1" << 337 << "337 (5m ago)" << false;
        QTest::newRow("headlamp imagepull") << "headlamp/pod-imagepullbackoff.json"
                                            << "imagepullbackoff"
                                            << "ImagePullBackOff"
                                            << "0/1" << 1 << "1 (5m ago)" << false;
        QTest::newRow("headlamp error") << "headlamp/pod-failed-error-terminated.json"
                                        << "terminated"
                                        << "Error"
                                        << "0/1" << 0 << "0" << false;
    }

    void fixtures() {
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(QString, status);
        QFETCH(QString, ready);
        QFETCH(int, restarts);
        QFETCH(QString, restartsText);
        QFETCH(bool, healthy);
        const QJsonObject pod = fixture(file);
        QCOMPARE(pod.value("kind").toString(), QStringLiteral("Pod"));
        const PodRow row = podRow(pod, kNow);
        QCOMPARE(row.name, name);
        QCOMPARE(row.status, status);
        QCOMPARE(row.ready, ready);
        QCOMPARE(row.restarts, restarts);
        QCOMPARE(row.restartsText, restartsText);
        QCOMPARE(row.healthy, healthy);
        QCOMPARE(row.healthy, row.reason.isEmpty());
    }

    void headlampDetails() {
        const PodRow row = podRow(fixture("headlamp/pod-crashloopbackoff-liveness.json"), kNow);
        QCOMPARE(row.lastRestartAge, QStringLiteral("5m"));
        QCOMPARE(row.lastRestartTime, QDateTime::fromString("2022-01-01T00:05:00Z", Qt::ISODate));
        QCOMPARE(row.age, QStringLiteral("10m"));
        QVERIFY2(row.reason.contains("CrashLoopBackOff"), qPrintable(row.reason));
        QVERIFY2(row.reason.contains("last exit Error (code 2)"), qPrintable(row.reason));
        QCOMPARE(row.readyContainers, 0);
        QCOMPARE(row.totalContainers, 1);
    }

    void hand_data() {
        QTest::addColumn<QByteArray>("pod");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("ready");
        QTest::addColumn<QString>("restartsText");

        QTest::newRow("status.reason wins over phase")
            << QByteArray(
                   R"({"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Failed","reason":"Evicted"}})")
            << "Evicted"
            << "0/1"
            << "0";
        QTest::newRow("phase only")
            << QByteArray(R"({"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Pending"}})")
            << "Pending"
            << "0/1"
            << "0";
        QTest::newRow("init running: Init:0/2")
            << QByteArray(
                   R"({"spec":{"initContainers":[{"name":"i1"},{"name":"i2"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Pending","initContainerStatuses":[
                  {"name":"i1","state":{"running":{}}},{"name":"i2","state":{"waiting":{"reason":"PodInitializing"}}}],
                "containerStatuses":[{"name":"a","state":{"waiting":{"reason":"PodInitializing"}}}]}})")
            << "Init:0/2"
            << "0/1"
            << "0";
        QTest::newRow("second init: Init:1/2")
            << QByteArray(
                   R"({"spec":{"initContainers":[{"name":"i1"},{"name":"i2"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Pending","initContainerStatuses":[
                  {"name":"i1","state":{"terminated":{"exitCode":0,"reason":"Completed"}}},
                  {"name":"i2","state":{"running":{}}}]}})")
            << "Init:1/2"
            << "0/1"
            << "0";
        QTest::newRow("init waiting PodInitializing counts as Init:i/n")
            << QByteArray(R"({"spec":{"initContainers":[{"name":"i1"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Pending","initContainerStatuses":[{"name":"i1","state":{"waiting":{"reason":"PodInitializing"}}}]}})")
            << "Init:0/1"
            << "0/1"
            << "0";
        QTest::newRow("Init:CrashLoopBackOff with init restarts")
            << QByteArray(R"({"spec":{"initContainers":[{"name":"i1"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Pending","initContainerStatuses":[{"name":"i1","restartCount":4,
                  "state":{"waiting":{"reason":"CrashLoopBackOff"}},
                  "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2022-01-01T00:08:00Z"}}}],
                "containerStatuses":[{"name":"a","restartCount":0,"state":{"waiting":{"reason":"PodInitializing"}}}]}})")
            << "Init:CrashLoopBackOff"
            << "0/1"
            << "4 (2m ago)";
        QTest::newRow("Init:Error")
            << QByteArray(R"({"spec":{"initContainers":[{"name":"i1"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Pending","initContainerStatuses":[{"name":"i1","state":{"terminated":{"exitCode":1,"reason":"Error"}}}]}})")
            << "Init:Error"
            << "0/1"
            << "0";
        QTest::newRow("Init:ExitCode")
            << QByteArray(R"({"spec":{"initContainers":[{"name":"i1"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Pending","initContainerStatuses":[{"name":"i1","state":{"terminated":{"exitCode":3}}}]}})")
            << "Init:ExitCode:3"
            << "0/1"
            << "0";
        QTest::newRow("Init:Signal")
            << QByteArray(R"({"spec":{"initContainers":[{"name":"i1"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Pending","initContainerStatuses":[{"name":"i1","state":{"terminated":{"exitCode":137,"signal":9}}}]}})")
            << "Init:Signal:9"
            << "0/1"
            << "0";
        QTest::newRow("completed init restarts are not counted once initialized")
            << QByteArray(R"({"spec":{"initContainers":[{"name":"i1"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],
                "initContainerStatuses":[{"name":"i1","restartCount":2,"state":{"terminated":{"exitCode":0,"reason":"Completed"}},
                  "lastState":{"terminated":{"exitCode":1,"finishedAt":"2022-01-01T00:01:00Z"}}}],
                "containerStatuses":[{"name":"a","ready":true,"restartCount":0,"state":{"running":{}}}]}})")
            << "Running"
            << "1/1"
            << "0";
        QTest::newRow("sidecar started and ready counts, its restarts count")
            << QByteArray(
                   R"({"spec":{"initContainers":[{"name":"side","restartPolicy":"Always"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"},{"type":"Ready","status":"True"}],
                "initContainerStatuses":[{"name":"side","started":true,"ready":true,"restartCount":2,"state":{"running":{}},
                  "lastState":{"terminated":{"exitCode":1,"finishedAt":"2022-01-01T00:09:00Z"}}}],
                "containerStatuses":[{"name":"a","ready":true,"restartCount":1,"state":{"running":{}},
                  "lastState":{"terminated":{"exitCode":1,"finishedAt":"2022-01-01T00:07:00Z"}}}]}})")
            << "Running"
            << "2/2"
            << "3 (60s ago)";
        QTest::newRow("sidecar started, not ready")
            << QByteArray(
                   R"({"spec":{"initContainers":[{"name":"side","restartPolicy":"Always"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"}],
                "initContainerStatuses":[{"name":"side","started":true,"ready":false,"state":{"running":{}}}],
                "containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}}]}})")
            << "Running"
            << "1/2"
            << "0";
        QTest::newRow("sidecar not started yet: Init:0/2")
            << QByteArray(
                   R"({"spec":{"initContainers":[{"name":"side","restartPolicy":"Always"},{"name":"i2"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Pending","initContainerStatuses":[{"name":"side","started":false,"state":{"running":{}}},
                  {"name":"i2","state":{"waiting":{"reason":"PodInitializing"}}}]}})")
            << "Init:0/2"
            << "0/2"
            << "0";
        // Same quirk as k9s/render/po_init.json: the containers are read (1/1) but keep the Init
        // reason.
        QTest::newRow("initializing but Initialized condition True reads containers")
            << QByteArray(R"({"spec":{"initContainers":[{"name":"i1"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"}],
                "initContainerStatuses":[{"name":"i1","state":{"waiting":{"reason":"ErrImagePull"}}}],
                "containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}}]}})")
            << "Init:ErrImagePull"
            << "1/1"
            << "0";
        QTest::newRow("initializing, Initialized True, app container waiting overrides")
            << QByteArray(R"({"spec":{"initContainers":[{"name":"i1"}],"containers":[{"name":"a"}]},
                "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"}],
                "initContainerStatuses":[{"name":"i1","state":{"running":{}}}],
                "containerStatuses":[{"name":"a","state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}})")
            << "CrashLoopBackOff"
            << "0/1"
            << "0";
        QTest::newRow("waiting reason: CrashLoopBackOff")
            << QByteArray(R"({"spec":{"containers":[{"name":"meds"}]},"status":{"phase":"Running",
                "containerStatuses":[{"name":"meds","ready":false,"restartCount":12,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
                  "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2022-01-01T00:06:30Z"}}}]}})")
            << "CrashLoopBackOff"
            << "0/1"
            << "12 (3m30s ago)";
        QTest::newRow("waiting without reason keeps phase")
            << QByteArray(R"({"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Pending",
                "containerStatuses":[{"name":"a","state":{"waiting":{}}}]}})")
            << "Pending"
            << "0/1"
            << "0";
        QTest::newRow("ContainerCreating")
            << QByteArray(R"({"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Pending",
                "containerStatuses":[{"name":"a","state":{"waiting":{"reason":"ContainerCreating"}}}]}})")
            << "ContainerCreating"
            << "0/1"
            << "0";
        QTest::newRow("terminated reason")
            << QByteArray(R"({"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Running",
                "containerStatuses":[{"name":"a","state":{"terminated":{"exitCode":137,"reason":"OOMKilled"}}}]}})")
            << "OOMKilled"
            << "0/1"
            << "0";
        QTest::newRow("ExitCode:N")
            << QByteArray(R"({"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Running",
                "containerStatuses":[{"name":"a","state":{"terminated":{"exitCode":2}}}]}})")
            << "ExitCode:2"
            << "0/1"
            << "0";
        QTest::newRow("Signal:N")
            << QByteArray(R"({"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Running",
                "containerStatuses":[{"name":"a","state":{"terminated":{"exitCode":0,"signal":15}}}]}})")
            << "Signal:15"
            << "0/1"
            << "0";
        QTest::newRow("Completed")
            << QByteArray(R"({"spec":{"containers":[{"name":"job"}]},"status":{"phase":"Succeeded",
                "containerStatuses":[{"name":"job","state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}})")
            << "Completed"
            << "0/1"
            << "0";
        QTest::newRow("Completed with a running container and Ready: Running")
            << QByteArray(
                   R"({"spec":{"containers":[{"name":"a"},{"name":"b"}]},"status":{"phase":"Running",
                "conditions":[{"type":"Ready","status":"True"}],
                "containerStatuses":[{"name":"a","ready":false,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}},
                                     {"name":"b","ready":true,"state":{"running":{}}}]}})")
            << "Running"
            << "1/2"
            << "0";
        QTest::newRow("Completed with a running container, not Ready: NotReady")
            << QByteArray(
                   R"({"spec":{"containers":[{"name":"a"},{"name":"b"}]},"status":{"phase":"Running",
                "conditions":[{"type":"Ready","status":"False"}],
                "containerStatuses":[{"name":"a","ready":false,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}},
                                     {"name":"b","ready":true,"state":{"running":{}}}]}})")
            << "NotReady"
            << "1/2"
            << "0";
        QTest::newRow("first container's reason wins")
            << QByteArray(
                   R"({"spec":{"containers":[{"name":"a"},{"name":"b"}]},"status":{"phase":"Running",
                "containerStatuses":[{"name":"a","state":{"waiting":{"reason":"CrashLoopBackOff"}},"restartCount":2},
                                     {"name":"b","ready":true,"state":{"running":{}},"restartCount":1}]}})")
            << "CrashLoopBackOff"
            << "1/2"
            << "3";
        QTest::newRow("running, not ready")
            << QByteArray(R"({"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Running",
                "containerStatuses":[{"name":"a","ready":false,"state":{"running":{}}}]}})")
            << "Running"
            << "0/1"
            << "0";
        QTest::newRow("SchedulingGated")
            << QByteArray(R"({"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Pending",
                "conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]}})")
            << "SchedulingGated"
            << "0/1"
            << "0";
        QTest::newRow("Terminating")
            << QByteArray(
                   R"({"metadata":{"deletionTimestamp":"2022-01-01T00:09:00Z"},"spec":{"containers":[{"name":"a"}]},
                "status":{"phase":"Running","containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}}]}})")
            << "Terminating"
            << "1/1"
            << "0";
        QTest::newRow("terminal pod being deleted keeps its status")
            << QByteArray(
                   R"({"metadata":{"deletionTimestamp":"2022-01-01T00:09:00Z"},"spec":{"containers":[{"name":"a"}]},
                "status":{"phase":"Succeeded","containerStatuses":[{"name":"a","state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}})")
            << "Completed"
            << "0/1"
            << "0";
        QTest::newRow("NodeLost: Unknown")
            << QByteArray(
                   R"({"metadata":{"deletionTimestamp":"2022-01-01T00:09:00Z"},"spec":{"containers":[{"name":"a"}]},
                "status":{"phase":"Running","reason":"NodeLost","containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}}]}})")
            << "Unknown"
            << "1/1"
            << "0";
        QTest::newRow("restarts: newest finishedAt of all containers")
            << QByteArray(
                   R"({"spec":{"containers":[{"name":"a"},{"name":"b"}]},"status":{"phase":"Running",
                "conditions":[{"type":"Ready","status":"True"}],
                "containerStatuses":[
                  {"name":"a","ready":true,"restartCount":3,"state":{"running":{}},"lastState":{"terminated":{"exitCode":1,"finishedAt":"2021-12-31T21:00:00Z"}}},
                  {"name":"b","ready":true,"restartCount":2,"state":{"running":{}},"lastState":{"terminated":{"exitCode":1,"finishedAt":"2021-12-31T22:00:00Z"}}}]}})")
            << "Running"
            << "2/2"
            << "5 (130m ago)";
        QTest::newRow("restarts without a last termination time")
            << QByteArray(R"({"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Running",
                "containerStatuses":[{"name":"a","ready":true,"restartCount":5,"state":{"running":{}}}]}})")
            << "Running"
            << "1/1"
            << "5";
    }

    void hand() {
        QFETCH(QByteArray, pod);
        QFETCH(QString, status);
        QFETCH(QString, ready);
        QFETCH(QString, restartsText);
        const PodRow row = podRow(json(pod.constData()), kNow);
        QCOMPARE(row.status, status);
        QCOMPARE(row.ready, ready);
        QCOMPARE(row.restartsText, restartsText);
        QCOMPARE(row.restarts, restartsText.section(' ', 0, 0).toInt());
        QCOMPARE(row.ready,
                 QStringLiteral("%1/%2").arg(row.readyContainers).arg(row.totalContainers));
    }

    // The cases of kubectl's own printer tests (TestPrintPod,
    // TestPrintPodWithRestartableInitContainer, TestPrintPodConditions in kubernetes
    // pkg/printers/internalversion/printers_test.go), written out here as API JSON with the STATUS
    // / READY / RESTARTS those tests expect.
    void kubectlPrinterCases_data() {
        QTest::addColumn<QByteArray>("pod");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("ready");
        QTest::addColumn<QString>("restartsText");
        QTest::newRow("restarts of all containers, one ready")
            << QByteArray(
                   R"({"spec":{"containers":[{},{}]},"status":{"phase":"podPhase","containerStatuses":[
                {"ready":true,"restartCount":3,"state":{"running":{}}},{"restartCount":3}]}})")
            << "podPhase"
            << "1/2"
            << "6";
        QTest::newRow("container waiting reason overwrites phase")
            << QByteArray(
                   R"({"spec":{"containers":[{},{}]},"status":{"phase":"podPhase","containerStatuses":[
                {"ready":true,"restartCount":3,"state":{"running":{}}},
                {"restartCount":3,"state":{"waiting":{"reason":"ContainerWaitingReason"}}}]}})")
            << "ContainerWaitingReason"
            << "1/2"
            << "6";
        QTest::newRow("first container overwrites the rest")
            << QByteArray(
                   R"({"spec":{"containers":[{},{}]},"status":{"phase":"podPhase","containerStatuses":[
                {"restartCount":3,"state":{"waiting":{"reason":"ContainerWaitingReason"}}},
                {"restartCount":3,"state":{"terminated":{"reason":"ContainerTerminatedReason"}}}]}})")
            << "ContainerWaitingReason"
            << "0/2"
            << "6";
        QTest::newRow("ready without running is not counted")
            << QByteArray(
                   R"({"spec":{"containers":[{},{}]},"status":{"phase":"podPhase","containerStatuses":[
                {"ready":true,"restartCount":3,"state":{"running":{}}},{"ready":true,"restartCount":3}]}})")
            << "podPhase"
            << "1/2"
            << "6";
        QTest::newRow("pod reason")
            << QByteArray(
                   R"({"spec":{"containers":[{},{}]},"status":{"reason":"podReason","phase":"podPhase","containerStatuses":[
                {"ready":true,"restartCount":3,"state":{"running":{}}},{"ready":true,"restartCount":3}]}})")
            << "podReason"
            << "1/2"
            << "6";
        QTest::newRow("completed + running, no Ready condition")
            << QByteArray(
                   R"({"spec":{"containers":[{},{}]},"status":{"phase":"Running","containerStatuses":[
                {"ready":true,"restartCount":3,"state":{"terminated":{"reason":"Completed","exitCode":0}}},
                {"ready":true,"restartCount":3,"state":{"running":{}}}]}})")
            << "NotReady"
            << "1/2"
            << "6";
        QTest::newRow("init container restarting")
            << QByteArray(
                   R"({"spec":{"initContainers":[{}],"containers":[{}]},"status":{"phase":"podPhase",
                "initContainerStatuses":[{"restartCount":3,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-10s"}}}],
                "containerStatuses":[{"state":{"waiting":{}}}]}})")
            << "Init:0/1"
            << "0/1"
            << "3 (10s ago)";
        QTest::newRow("two init containers, first restarting")
            << QByteArray(
                   R"({"spec":{"initContainers":[{},{}],"containers":[{}]},"status":{"phase":"podPhase",
                "initContainerStatuses":[{"restartCount":3,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-10s"}}},
                  {"state":{"waiting":{}}}],
                "containerStatuses":[{"state":{"waiting":{}}}]}})")
            << "Init:0/2"
            << "0/1"
            << "3 (10s ago)";
        QTest::newRow("first init done after restarts, second restarting")
            << QByteArray(
                   R"({"spec":{"initContainers":[{},{}],"containers":[{}]},"status":{"phase":"podPhase",
                "initContainerStatuses":[{"restartCount":2,"state":{"terminated":{}},"lastState":{"terminated":{"finishedAt":"NOW-2m"}}},
                  {"restartCount":3,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-10s"}}}],
                "containerStatuses":[{"state":{"waiting":{}}}]}})")
            << "Init:1/2"
            << "0/1"
            << "5 (10s ago)";
        QTest::newRow("init done with restarts, container restarting")
            << QByteArray(
                   R"({"spec":{"initContainers":[{}],"containers":[{}]},"status":{"phase":"Running",
                "initContainerStatuses":[{"restartCount":2,"state":{"terminated":{}},"lastState":{"terminated":{"finishedAt":"NOW-2m"}}}],
                "containerStatuses":[{"restartCount":4,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-20s"}}}]}})")
            << "Running"
            << "0/1"
            << "4 (20s ago)";
        QTest::newRow("restarted 5d ago")
            << QByteArray(
                   R"({"spec":{"containers":[{}]},"status":{"phase":"Running","containerStatuses":[
                {"ready":true,"restartCount":3,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-5d"}}}]}})")
            << "Running"
            << "1/1"
            << "3 (5d ago)";
        QTest::newRow("one never restarted, other 10d ago")
            << QByteArray(
                   R"({"spec":{"containers":[{},{}]},"status":{"phase":"Running","containerStatuses":[
                {"ready":true,"restartCount":0,"state":{"running":{}}},
                {"ready":true,"restartCount":3,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-10d"}}}]}})")
            << "Running"
            << "2/2"
            << "3 (10d ago)";
        QTest::newRow("5d and 20d ago: the newest")
            << QByteArray(
                   R"({"spec":{"containers":[{},{}]},"status":{"phase":"Running","containerStatuses":[
                {"ready":true,"restartCount":6,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-5d"}}},
                {"ready":true,"restartCount":3,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-20d"}}}]}})")
            << "Running"
            << "2/2"
            << "9 (5d ago)";
        QTest::newRow("Pending with deletion")
            << QByteArray(
                   R"({"metadata":{"deletionTimestamp":"NOW-10s"},"spec":{"containers":[{}]},"status":{"phase":"Pending"}})")
            << "Terminating"
            << "0/1"
            << "0";
        QTest::newRow("Succeeded with a running container")
            << QByteArray(
                   R"({"spec":{"containers":[{},{}]},"status":{"phase":"Succeeded","containerStatuses":[
                {"ready":true,"restartCount":3,"state":{"running":{}}},{"restartCount":3}]}})")
            << "Succeeded"
            << "1/2"
            << "6";
        QTest::newRow("Failed with a running container")
            << QByteArray(
                   R"({"spec":{"containers":[{},{}]},"status":{"phase":"Failed","containerStatuses":[
                {"ready":true,"restartCount":3,"state":{"running":{}}},{"restartCount":3}]}})")
            << "Failed"
            << "1/2"
            << "6";
        QTest::newRow("sidecars: first running, not started")
            << QByteArray(
                   R"({"spec":{"initContainers":[{"name":"r1","restartPolicy":"Always"},{"name":"r2","restartPolicy":"Always"}],"containers":[{}]},
                "status":{"phase":"Pending","conditions":[{"type":"Initialized","status":"False"}],
                "initContainerStatuses":[
                  {"name":"r1","restartCount":3,"started":false,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-10s"}}},
                  {"name":"r2","started":false,"state":{"waiting":{}}}],
                "containerStatuses":[{"state":{"waiting":{}}}]}})")
            << "Init:0/2"
            << "0/3"
            << "3 (10s ago)";
        QTest::newRow("sidecars: first started, second not")
            << QByteArray(
                   R"({"spec":{"initContainers":[{"name":"r1","restartPolicy":"Always"},{"name":"r2","restartPolicy":"Always"}],"containers":[{}]},
                "status":{"phase":"Pending","conditions":[{"type":"Initialized","status":"False"}],
                "initContainerStatuses":[
                  {"name":"r1","restartCount":3,"started":true,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-10s"}}},
                  {"name":"r2","started":false,"state":{"running":{}}}],
                "containerStatuses":[{"state":{"waiting":{}}}]}})")
            << "Init:1/2"
            << "0/3"
            << "3 (10s ago)";
        QTest::newRow("sidecars started, container running")
            << QByteArray(
                   R"({"spec":{"initContainers":[{"name":"r1","restartPolicy":"Always"},{"name":"r2","restartPolicy":"Always"}],"containers":[{}]},
                "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"}],
                "initContainerStatuses":[
                  {"name":"r1","restartCount":3,"started":true,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-10s"}}},
                  {"name":"r2","started":true,"state":{"running":{}}}],
                "containerStatuses":[{"ready":true,"restartCount":4,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"NOW-20s"}}}]}})")
            << "Running"
            << "1/3"
            << "7 (10s ago)";
        QTest::newRow("sidecars killed, container completed")
            << QByteArray(
                   R"({"spec":{"initContainers":[{"name":"r1","restartPolicy":"Always"},{"name":"r2","restartPolicy":"Always"}],"containers":[{}]},
                "status":{"phase":"Succeeded","conditions":[{"type":"Initialized","status":"True"}],
                "initContainerStatuses":[
                  {"name":"r1","restartCount":3,"started":false,"state":{"terminated":{"reason":"Error","exitCode":137}},"lastState":{"terminated":{"finishedAt":"NOW-10s"}}},
                  {"name":"r2","started":false,"state":{"terminated":{"reason":"Error","exitCode":137}}}],
                "containerStatuses":[{"restartCount":4,"state":{"terminated":{"reason":"Completed","exitCode":0}},"lastState":{"terminated":{"finishedAt":"NOW-20s"}}}]}})")
            << "Completed"
            << "0/3"
            << "7 (10s ago)";
        QTest::newRow("statuses for containers not in the spec")
            << QByteArray(
                   R"({"spec":{"initContainers":[{"name":"init1"},{"name":"sidecar1","restartPolicy":"Always"}],"containers":[{"name":"container1"}]},
                "status":{"phase":"Running",
                "initContainerStatuses":[{"name":"initinvalid"},{"name":"init1"},{"name":"sidecar1"}],
                "containerStatuses":[{"name":"containerinvalid"},{"name":"container1"}]}})")
            << "Init:0/2"
            << "0/2"
            << "0";
    }

    void kubectlPrinterCases() {
        QFETCH(QByteArray, pod);
        QFETCH(QString, status);
        QFETCH(QString, ready);
        QFETCH(QString, restartsText);
        const PodRow row = podRow(jsonAt(pod.constData()), kNow);
        QCOMPARE(row.status, status);
        QCOMPARE(row.ready, ready);
        QCOMPARE(row.restartsText, restartsText);
        QCOMPARE(row.age, QStringLiteral("<unknown>"));
    }

    void healthVerdict() {
        QVERIFY(podHealthy(QStringLiteral("Running"), 2, 2));
        QVERIFY(!podHealthy(QStringLiteral("Running"), 1, 2));
        QVERIFY(podHealthy(QStringLiteral("Completed"), 0, 1));
        QVERIFY(!podHealthy(QStringLiteral("CrashLoopBackOff"), 0, 1));
        QVERIFY(!podHealthy(QStringLiteral("NotReady"), 1, 2));
        QVERIFY(!podHealthy(QStringLiteral("Terminating"), 1, 1));
        const PodRow notReady =
            podRow(json(R"({"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}]},
            "status":{"phase":"Running","containerStatuses":[{"name":"a","ready":false,"state":{"running":{}}}]}})"),
                   kNow);
        QVERIFY(!notReady.healthy);
        QCOMPARE(notReady.reason, QStringLiteral("a: running, not ready"));
        QVERIFY(podHealthy(fixture("k9s/render/po.json")));
        QVERIFY(!podHealthy(fixture("headlamp/pod-imagepullbackoff.json")));
    }

    void durations_data() {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("human");
        QTest::addColumn<QString>("shortHuman");
        QTest::newRow("-2s") << qint64(-2) << "<invalid>"
                             << "<invalid>";
        QTest::newRow("-1s") << qint64(-1) << "0s"
                             << "0s";
        QTest::newRow("0") << qint64(0) << "0s"
                           << "0s";
        QTest::newRow("59s") << qint64(59) << "59s"
                             << "59s";
        QTest::newRow("119s") << qint64(119) << "119s"
                              << "1m";
        QTest::newRow("2m") << qint64(120) << "2m"
                            << "2m";
        QTest::newRow("3m30s") << qint64(210) << "3m30s"
                               << "3m";
        QTest::newRow("10m") << qint64(600) << "10m"
                             << "10m";
        QTest::newRow("179m") << qint64(179 * 60 + 59) << "179m"
                              << "2h";
        QTest::newRow("3h") << qint64(3 * 3600) << "3h"
                            << "3h";
        QTest::newRow("3h20m") << qint64(3 * 3600 + 20 * 60) << "3h20m"
                               << "3h";
        QTest::newRow("8h") << qint64(8 * 3600 + 59) << "8h"
                            << "8h";
        QTest::newRow("47h") << qint64(47 * 3600) << "47h"
                             << "1d";
        QTest::newRow("2d") << qint64(48 * 3600) << "2d"
                            << "2d";
        QTest::newRow("3d4h") << qint64(76 * 3600) << "3d4h"
                              << "3d";
        QTest::newRow("8d") << qint64(8 * 24 * 3600) << "8d"
                            << "8d";
        QTest::newRow("400d") << qint64(400 * 24 * 3600) << "400d"
                              << "1y";
        QTest::newRow("2y5d") << qint64((2 * 365 + 5) * 24 * 3600) << "2y5d"
                              << "2y";
        QTest::newRow("3y") << qint64(3 * 365 * 24 * 3600) << "3y"
                            << "3y";
        QTest::newRow("9y") << qint64(9 * 365 * 24 * 3600 + 100 * 24 * 3600) << "9y"
                            << "9y";
    }

    void durations() {
        QFETCH(qint64, seconds);
        QFETCH(QString, human);
        QFETCH(QString, shortHuman);
        QCOMPARE(humanDuration(seconds * 1000), human);
        QCOMPARE(shortHumanDuration(seconds * 1000), shortHuman);
    }

    void unknownAge() {
        QCOMPARE(humanAge(QDateTime(), kNow), QStringLiteral("<unknown>"));
        QCOMPARE(podRow(QJsonObject(), kNow).age, QStringLiteral("<unknown>"));
        // An invalid "now" means the current time: a pod created a minute ago is 60s old.
        const QJsonObject recent{
            {"metadata",
             QJsonObject{{"creationTimestamp",
                          QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate)}}}};
        const QString age = podRow(recent, QDateTime()).age;
        QVERIFY2(age == QLatin1String("60s") || age == QLatin1String("61s"), qPrintable(age));
    }
};

QTEST_APPLESS_MAIN(TestPodStatus)
#include "tst_pod_status.moc"
