// The runbook's last steps on the Cluster page's controller against the real simulator: restart
// a deployment behind the admin session (audited), follow its log live across the pod
// replacement with the earlier lines kept, pause and resume, and the pod's and deployment's
// events as a timeline.
#include "security/audit_log.h"
#include "sim/api_server.h"
#include "sim_incident.h"
#include "ui/admin_session.h"
#include "ui/cluster_controller.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using kiosk::ui::ClusterController;

class TestClusterRunbook : public QObject {
    Q_OBJECT

    QTemporaryDir m_state;
    kiosk::sim::ApiServer m_server;
    kiosk::ui::AdminSession m_session;
    ClusterController m_cluster;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_server.listen());
        QTRY_VERIFY_WITH_TIMEOUT(kiosk::test::incidentSettled(m_server), 15000);
        m_session.setStateDirectory(m_state.path());
        m_cluster.setAdminSession(&m_session);
        kiosk::k8s::ClusterConnection connection;
        connection.server = m_server.url();
        m_cluster.connectTo(connection, true);
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.hasData(), 15000);
    }

    void restartIsRefusedWhileLocked() {
        QVERIFY(!m_session.unlocked());
        QVERIFY(!m_cluster.restart(QStringLiteral("kilo-cam")));
        QCOMPARE(m_cluster.restartPhase(), ClusterController::ActionPhase::Idle); // nothing sent
        const auto entries = m_session.auditLog().lastEntries(1);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).action, QStringLiteral("cluster.restart"));
        QCOMPARE(entries.at(0).outcome, kiosk::security::AuditEntry::Outcome::Denied);
    }

    void followTheLogAcrossARestart() {
        const QByteArray startup = "Uvicorn running on http://0.0.0.0:9002";
        QVERIFY(m_session.setPin(QStringLiteral("482916"), QStringLiteral("482916")));
        QVERIFY(m_session.unlocked());
        m_cluster.selectDeployment(QStringLiteral("kilo-cam"));
        QTRY_VERIFY(!m_cluster.selectedPod().isEmpty());
        const QString firstPod = m_cluster.selectedPod();

        m_cluster.followPodLog(true);
        QVERIFY(m_cluster.podLogFollowing());
        QVERIFY(m_cluster.podLogTitle().contains(firstPod));
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.podLog().count(QString::fromUtf8(startup)) == 1, 20000);

        // Paused: the shown text stands still while the new pod's lines are held.
        m_cluster.pausePodLog(true);
        const QString shown = m_cluster.podLog();
        QVERIFY(m_cluster.restart(QStringLiteral("kilo-cam")));
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.restartPhase(),
                                  ClusterController::ActionPhase::Succeeded, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.podLogHeldLines() > 0, 30000);
        QCOMPARE(m_cluster.podLog(), shown);
        QVERIFY(m_cluster.podLogFollowing());

        // Resumed: the first pod's lines kept, the new pod's after them, each start-up once.
        m_cluster.pausePodLog(false);
        QCOMPARE(m_cluster.podLogHeldLines(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.podLog().count(QString::fromUtf8(startup)) == 2, 30000);
        QVERIFY(m_cluster.podLog().startsWith(shown.left(200)));
        QTRY_VERIFY_WITH_TIMEOUT(!m_cluster.podLogTitle().contains(firstPod), 20000);
        QVERIFY(m_cluster.podLogTitle().contains(QStringLiteral("kilo-cam-")));

        const auto entries = m_session.auditLog().lastEntries(10);
        const bool audited = std::any_of(entries.cbegin(), entries.cend(), [](const auto &e) {
            return e.action == QLatin1String("cluster.restart") &&
                   e.outcome == kiosk::security::AuditEntry::Outcome::Success;
        });
        QVERIFY(audited);

        m_cluster.followPodLog(false);
        QVERIFY(!m_cluster.podLogFollowing());
        QTRY_VERIFY_WITH_TIMEOUT(!m_cluster.podLogLoading() && !m_cluster.podLog().isEmpty(),
                                 10000);
    }

    void eventsOfThePodAndItsDeployment() {
        m_cluster.selectDeployment(QStringLiteral("kilo-meds")); // crash-looping: back-off events
        const auto events = [&] { return m_cluster.podDetail().value("events").toList(); };
        QTRY_VERIFY_WITH_TIMEOUT(!events().isEmpty(), 15000);
        bool podWarning = false;
        bool deploymentEvent = false;
        for (const QVariant &v : events()) {
            const QVariantMap e = v.toMap();
            QVERIFY(!e.value("reason").toString().isEmpty());
            QVERIFY(e.value("count").toInt() >= 1);
            podWarning |= e.value("warning").toBool() &&
                          e.value("object").toString().startsWith(QLatin1String("pod/kilo-meds-"));
            deploymentEvent |=
                e.value("object").toString() == QLatin1String("deployment/kilo-meds");
        }
        QVERIFY(podWarning);
        QVERIFY(deploymentEvent);
        m_cluster.clearSelection();
        QVERIFY(!m_cluster.podLogFollowing());
    }
};

QTEST_MAIN(TestClusterRunbook)
#include "tst_cluster_runbook.moc"
