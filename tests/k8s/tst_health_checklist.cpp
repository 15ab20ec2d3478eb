#include "cluster_state_builder.h"

#include "k8s/health_checklist.h"

#include <QJsonDocument>
#include <QTest>

using namespace kiosk::k8s;
using namespace testk8s;

namespace {

QJsonObject json(const char *text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test json: %s in %s", qPrintable(error.errorString()), text);
    return doc.object();
}

const HealthCheck &check(const QList<HealthCheck> &checks, const char *id) {
    for (const HealthCheck &c : checks)
        if (c.id == QLatin1String(id))
            return c;
    qFatal("no check %s", id);
}

ChecklistOptions at(const QDateTime &now) {
    ChecklistOptions o;
    o.now = now;
    return o;
}

QJsonArray array(const QList<QJsonObject> &objects) {
    QJsonArray a;
    for (const QJsonObject &o : objects)
        a.append(o);
    return a;
}

} // namespace

class TestHealthChecklist : public QObject {
    Q_OBJECT

private slots:
    void kiloGuardianFails() {
        const ClusterState s = kiloGuardian();
        const QList<HealthCheck> checks =
            healthChecklist(s.deployments, s.replicaSets, s.pods, at(kNow));
        QCOMPARE(checks.size(), 11);
        QStringList ids;
        for (const HealthCheck &c : checks)
            ids << c.id;
        QCOMPARE(ids,
                 (QStringList{"pods-running", "no-crashloop", "no-imagepull", "no-error",
                              "no-pending", "no-unknown", "deployments-healthy", "one-current-rs",
                              "stale-within-limit", "no-orphans", "history-limit-set"}));
        const QString medsPod = s.pods.at(7)["metadata"].toObject()["name"].toString();
        QVERIFY(medsPod.startsWith("kilo-meds-"));

        const HealthCheck &running = check(checks, "pods-running");
        QVERIFY(!running.ok);
        QCOMPARE(
            running.detail,
            QStringLiteral("13/14 running; not running: %1 (CrashLoopBackOff 0/1)").arg(medsPod));
        const HealthCheck &crash = check(checks, "no-crashloop");
        QVERIFY(!crash.ok);
        QCOMPARE(crash.detail,
                 QStringLiteral("1 in CrashLoopBackOff: %1 (CrashLoopBackOff)").arg(medsPod));
        QVERIFY(check(checks, "no-imagepull").ok);
        QCOMPARE(check(checks, "no-imagepull").detail,
                 QStringLiteral("0 failing to pull their image"));
        QVERIFY(check(checks, "no-error").ok);
        QVERIFY(check(checks, "no-pending").ok);
        QVERIFY(check(checks, "no-unknown").ok);
        const HealthCheck &deploys = check(checks, "deployments-healthy");
        QVERIFY(!deploys.ok);
        QVERIFY2(deploys.detail.startsWith(
                     "13/14 healthy; unhealthy: kilo-meds (progress deadline exceeded"),
                 qPrintable(deploys.detail));
        const HealthCheck &current = check(checks, "one-current-rs");
        QVERIFY(current.ok);
        QCOMPARE(
            current.detail,
            QStringLiteral(
                "14/14 deployments have a current ReplicaSet; 78 ReplicaSets in all, 64 stale"));
        QVERIFY(check(checks, "stale-within-limit").ok); // frontend: 10 stale, limit 10
        QCOMPARE(check(checks, "stale-within-limit").detail,
                 QStringLiteral("63 stale ReplicaSets, each deployment within its limit"));
        const HealthCheck &orphans = check(checks, "no-orphans");
        QVERIFY(!orphans.ok);
        QVERIFY2(orphans.detail.startsWith("1 orphaned: kilo-legacy-"), qPrintable(orphans.detail));
        const HealthCheck &limit = check(checks, "history-limit-set");
        QVERIFY(!limit.ok);
        QCOMPARE(limit.name, QStringLiteral("revisionHistoryLimit set to 3 or less"));
        QCOMPARE(limit.detail, QStringLiteral("14 of 14 above 3: kilo-ai-brain (10), kilo-cam "
                                              "(10), kilo-financial (10) +11 more"));
        QVERIFY(!allChecksOk(checks));

        // The QJsonArray overload reads the same.
        const QList<HealthCheck> again =
            healthChecklist(array(s.deployments), array(s.replicaSets), array(s.pods), at(kNow));
        QCOMPARE(checksToJson(again), checksToJson(checks));

        // So does the overload the cluster report calls with what it has worked out already.
        QList<PodRow> rows;
        QStringList phases;
        for (const QJsonObject &p : s.pods) {
            rows << podRow(p, kNow);
            phases << p["status"].toObject()["phase"].toString();
        }
        const QList<HealthCheck> fromParts =
            healthChecklist(rows, phases, deploymentHealths(s.deployments, s.pods),
                            classifyReplicaSets(s.deployments, s.replicaSets), at(kNow));
        QCOMPARE(checksToJson(fromParts), checksToJson(checks));
        for (qsizetype i = 0; i < checks.size(); ++i) {
            QCOMPARE(fromParts.at(i).count, checks.at(i).count);
            QCOMPARE(fromParts.at(i).total, checks.at(i).total);
            QCOMPARE(fromParts.at(i).offenders, checks.at(i).offenders);
            QCOMPARE(fromParts.at(i).unset, checks.at(i).unset);
        }
    }

    void afterTheFixAllPass() {
        // The report's end state: every deployment healthy, <= 3 old ReplicaSets, limit 3, no
        // orphans.
        ClusterState s;
        addDeployment(s, "kilo-meds", 3, "kilo-meds:ai-brain-ocr-v3", true, QString(), 3);
        addDeployment(s, "kilo-cam", 0, QString(), true, QString(), 3);
        addDeployment(s, "kilo-voice", 2, QString(), true, QString(), 2);
        const QList<HealthCheck> checks =
            healthChecklist(s.deployments, s.replicaSets, s.pods, at(kNow));
        for (const HealthCheck &c : checks)
            QVERIFY2(c.ok, qPrintable(c.id + ": " + c.detail));
        QVERIFY(allChecksOk(checks));
        QCOMPARE(check(checks, "pods-running").detail, QStringLiteral("3/3 running"));
        QCOMPARE(check(checks, "history-limit-set").detail,
                 QStringLiteral("3/3 deployments at 3 or less"));
        const QJsonArray json = checksToJson(checks);
        QCOMPARE(json.size(), 11);
        QCOMPARE(json.at(0).toObject().keys(), (QStringList{"detail", "id", "name", "ok"}));
        QCOMPARE(json.at(0).toObject()["ok"].toBool(), true);
    }

    void podCategories() {
        const auto podWith = [](const char *name, const char *phase, const char *state,
                                bool ready) {
            QJsonObject p =
                json(R"({"metadata":{},"spec":{"containers":[{"name":"c"}]},"status":{}})");
            QJsonObject meta{{"name", name}};
            p["metadata"] = meta;
            p["status"] = QJsonObject{
                {"phase", phase},
                {"containerStatuses",
                 QJsonArray{QJsonObject{{"name", "c"}, {"ready", ready}, {"state", json(state)}}}}};
            return p;
        };
        const QList<QJsonObject> pods{
            podWith("ok", "Running", R"({"running":{}})", true),
            podWith("pull", "Pending", R"({"waiting":{"reason":"ImagePullBackOff"}})", false),
            podWith("errpull", "Pending", R"({"waiting":{"reason":"ErrImagePull"}})", false),
            podWith("err", "Failed", R"({"terminated":{"exitCode":1,"reason":"Error"}})", false),
            podWith("code", "Running", R"({"terminated":{"exitCode":3}})", false),
            podWith("creating", "Pending", R"({"waiting":{"reason":"ContainerCreating"}})", false),
            podWith("done", "Succeeded", R"({"terminated":{"exitCode":0,"reason":"Completed"}})",
                    false),
            podWith("lost", "Unknown", R"({"running":{}})", false),
        };
        ChecklistOptions o = at(kNow);
        o.namesShown = 10;
        const QList<HealthCheck> checks =
            healthChecklist(QList<QJsonObject>(), QList<QJsonObject>(), pods, o);
        QCOMPARE(check(checks, "pods-running").detail,
                 QStringLiteral("2/8 running; not running: pull (ImagePullBackOff 0/1), errpull "
                                "(ErrImagePull 0/1), "
                                "err (Error 0/1), code (ExitCode:3 0/1), creating "
                                "(ContainerCreating 0/1), lost (Unknown 0/1)"));
        QVERIFY(check(checks, "no-crashloop").ok);
        QCOMPARE(
            check(checks, "no-imagepull").detail,
            QStringLiteral(
                "2 failing to pull their image: pull (ImagePullBackOff), errpull (ErrImagePull)"));
        QCOMPARE(check(checks, "no-error").detail,
                 QStringLiteral("2 in error: err (Error), code (ExitCode:3)"));
        QCOMPARE(check(checks, "no-pending").detail,
                 QStringLiteral("3 pending: pull (ImagePullBackOff), errpull (ErrImagePull), "
                                "creating (ContainerCreating)"));
        QCOMPARE(check(checks, "no-unknown").detail, QStringLiteral("1 unknown: lost (Unknown)"));
        // No deployments: the deployment checks pass vacuously.
        QVERIFY(check(checks, "deployments-healthy").ok);
        QVERIFY(check(checks, "one-current-rs").ok);
    }

    void initFailuresCount() {
        QJsonObject p = json(
            R"({"metadata":{"name":"i"},"spec":{"initContainers":[{"name":"init"}],"containers":[{"name":"c"}]},
            "status":{"phase":"Pending","initContainerStatuses":[{"name":"init","state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}})");
        const QList<HealthCheck> checks =
            healthChecklist(QList<QJsonObject>(), QList<QJsonObject>(), {p}, at(kNow));
        QVERIFY(!check(checks, "no-crashloop").ok);
        QCOMPARE(check(checks, "no-crashloop").detail,
                 QStringLiteral("1 in CrashLoopBackOff: i (Init:CrashLoopBackOff)"));
    }

    void replicaSetChecks() {
        ClusterState s;
        addDeployment(s, "web", 3, QString(), true, QString(), 2);  // 3 stale > limit 2
        addDeployment(s, "api", 1, QString(), true, QString(), -1); // limit unset (10)
        // "db": its only ReplicaSet does not match and has another revision: no current one.
        DeploymentSpec db;
        db.name = "db";
        db.image = "db:9";
        db.revision = 9;
        db.historyLimit = 3;
        s.deployments << deployment(db);
        ReplicaSetSpec rs;
        rs.deployment = "db";
        rs.revision = 4;
        rs.image = "db:4";
        s.replicaSets << replicaSet(rs);
        const QList<HealthCheck> checks =
            healthChecklist(s.deployments, s.replicaSets, s.pods, at(kNow));
        QCOMPARE(check(checks, "stale-within-limit").detail,
                 QStringLiteral("over the limit: web (3 > 2)"));
        QVERIFY(!check(checks, "stale-within-limit").ok);
        QVERIFY(!check(checks, "one-current-rs").ok);
        QCOMPARE(check(checks, "one-current-rs").detail,
                 QStringLiteral("2/3 deployments have a current ReplicaSet; none for: db; 7 "
                                "ReplicaSets in all, 5 stale"));
        QVERIFY(!check(checks, "history-limit-set").ok);
        QCOMPARE(check(checks, "history-limit-set").detail, QStringLiteral("1 of 3 unset: api"));
        QVERIFY(check(checks, "no-orphans").ok);
        QCOMPARE(check(checks, "no-orphans").detail, QStringLiteral("0 orphaned"));

        ChecklistOptions loose = at(kNow);
        loose.historyLimitTarget = 10;
        s.setHistoryLimit("api", 10);
        QVERIFY(
            check(healthChecklist(s.deployments, s.replicaSets, s.pods, loose), "history-limit-set")
                .ok);
    }
};

QTEST_APPLESS_MAIN(TestHealthChecklist)
#include "tst_health_checklist.moc"
