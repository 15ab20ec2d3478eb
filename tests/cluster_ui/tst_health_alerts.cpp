// The alert banner's policy against the real simulators: a failing service check raises one
// alert (not repeated), in a caregiver's words, recorded as an audit event; it clears itself when
// the service answers again; the incident's crash-looping kilo-meds is one alert; an API gone for
// longer than the grace time is one more. Also draws the banner on the real Main.qml.
#include "security/audit_log.h"
#include "sim/ai_brain_simulator.h"
#include "sim/api_server.h"
#include "ui/admin_session.h"
#include "ui/cluster_controller.h"
#include "ui/health_alerts.h"
#include "ui/language_preference.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using kiosk::sim::AiBrainSimulator;
using kiosk::ui::ClusterController;
using kiosk::ui::HealthAlerts;

namespace {

kiosk::sim::ApiServerOptions scenario(const QString &name) {
    kiosk::sim::ApiServerOptions options;
    options.scenario = name;
    return options;
}

bool hasCheck(ClusterController &cluster, const QString &name, bool ok) {
    auto *model = cluster.checks();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QVariantMap r = model->get(row);
        if (r.value("name").toString() == name)
            return r.value("ok").toBool() == ok;
    }
    return false;
}

// A controller on `server` with the banner's policy over it, auditing into its own folder.
struct Watched {
    kiosk::ui::AdminSession session;
    ClusterController cluster;
    HealthAlerts alerts;
    Watched(const QString &stateDirectory, const QUrl &server,
            int unreachableGraceMs = HealthAlerts::kDefaultUnreachableGraceMs) {
        session.setStateDirectory(stateDirectory);
        kiosk::k8s::ClusterConnection connection;
        connection.server = server;
        cluster.connectTo(connection, true);
        alerts.setAdminSession(&session);
        alerts.setUnreachableGraceMs(unreachableGraceMs);
        alerts.setCluster(&cluster);
    }
};

} // namespace

class TestHealthAlerts : public QObject {
    Q_OBJECT

    QTemporaryDir m_state;
    std::unique_ptr<kiosk::ui::LanguagePreference> m_language;

    QList<kiosk::security::AuditEntry> events(kiosk::ui::AdminSession &session) {
        QList<kiosk::security::AuditEntry> out;
        for (const auto &e : session.auditLog().lastEntries(50)) {
            if (e.actor == QLatin1String("kiosk"))
                out << e;
        }
        return out;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // English as the app shows it: its plural forms (%n) come from kilo-kiosk_en.qm.
        m_language = std::make_unique<kiosk::ui::LanguagePreference>(std::make_unique<QSettings>(
            m_state.filePath(QStringLiteral("language.ini")), QSettings::IniFormat));
        m_language->overrideForThisRun(QStringLiteral("en"));
    }

    void aServiceCheckRaisesAndClearsOneAlert() {
        kiosk::sim::ApiServer server(scenario(QStringLiteral("empty")));
        QVERIFY(server.listen());
        AiBrainSimulator aiBrain;
        QVERIFY(aiBrain.listen());
        Watched watched(m_state.filePath(QStringLiteral("service")), server.url());
        auto &[session, cluster, alerts] = watched;
        cluster.watchServices(
            [&] {
                return kiosk::ops::ServiceChecks::Endpoints{{aiBrain.url(), {}}, {}};
            },
            3600 * 1000); // rounds only when the test asks
        QSignalSpy raised(&alerts, &HealthAlerts::raised);
        QSignalSpy cleared(&alerts, &HealthAlerts::cleared);
        QTRY_VERIFY_WITH_TIMEOUT(cluster.hasData(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(hasCheck(cluster, QStringLiteral("AI Brain answers"), true),
                                 10000);
        QCOMPARE(alerts.count(), 0);
        QVERIFY(!alerts.showing());

        QSignalSpy round(cluster.serviceChecks(), &kiosk::ops::ServiceChecks::finished);
        aiBrain.setHealthMode(AiBrainSimulator::HealthMode::Down);
        cluster.checkServicesNow();
        QVERIFY(round.wait(10000));
        QVERIFY(hasCheck(cluster, QStringLiteral("AI Brain answers"), false));
        QTRY_VERIFY(alerts.showing());
        QCOMPARE(raised.count(), 1);
        QCOMPARE(alerts.activeKeys(), QStringList{QStringLiteral("service:ai-brain")});
        QVERIFY2(alerts.message().startsWith(
                     QStringLiteral("Reading labels with AI Brain is not working")),
                 qPrintable(alerts.message()));
        QVERIFY(alerts.detail().contains(QStringLiteral("/health")));
        auto logged = events(session);
        QCOMPARE(logged.size(), 1);
        QCOMPARE(logged.at(0).action, QStringLiteral("event.alert"));
        QCOMPARE(logged.at(0).target, QStringLiteral("service:ai-brain"));

        // Still down: the same problem is not raised, shown or logged again.
        alerts.dismiss();
        QVERIFY(!alerts.showing());
        cluster.checkServicesNow();
        QVERIFY(round.wait(10000));
        // Reports keep coming (every watch event makes one) while the service stays down.
        for (int i = 0; i < 3; ++i)
            QVERIFY(QMetaObject::invokeMethod(&cluster, "reportChanged"));
        QCOMPARE(raised.count(), 1);
        QCOMPARE(alerts.count(), 1);
        QVERIFY(!alerts.showing());
        QCOMPARE(events(session).size(), 1);

        aiBrain.setHealthMode(AiBrainSimulator::HealthMode::Ok);
        cluster.checkServicesNow();
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 10000);
        QCOMPARE(alerts.count(), 0);
        QVERIFY(!alerts.showing());
        QVERIFY(hasCheck(cluster, QStringLiteral("AI Brain answers"), true));
        logged = events(session);
        QCOMPARE(logged.size(), 2);
        QCOMPARE(logged.at(0).action, QStringLiteral("event.recovered")); // newest first
        QCOMPARE(logged.at(0).outcome, kiosk::security::AuditEntry::Outcome::Success);

        // Down again: a new occurrence is news again, dismissed or not before.
        aiBrain.setHealthMode(AiBrainSimulator::HealthMode::Down);
        cluster.checkServicesNow();
        QTRY_COMPARE_WITH_TIMEOUT(raised.count(), 2, 10000);
        QVERIFY(alerts.showing());
    }

    void theIncidentIsOneAlertForTheMedicationService() {
        kiosk::sim::ApiServer server; // kilo-meds crash-looping, as in the incident report
        QVERIFY(server.listen());
        Watched watched(m_state.filePath(QStringLiteral("incident")), server.url());
        auto &[session, cluster, alerts] = watched;
        QTRY_VERIFY_WITH_TIMEOUT(alerts.activeKeys().contains(QStringLiteral("service:meds")),
                                 20000);
        QVERIFY(alerts.showing());
        // The deployment unavailable and its pod crash-looping are one problem, told once.
        QCOMPARE(alerts.activeKeys().count(QStringLiteral("service:meds")), 1);
        QCOMPARE(
            alerts.message().section(QStringLiteral(" ("), 0, 0),
            QStringLiteral(
                "The medication service is not working. The list on this tablet still works."));
        QVERIFY2(alerts.detail().contains(QStringLiteral("kilo-meds")),
                 qPrintable(alerts.detail()));
    }

    void anUnreachableApiIsAnAlertAfterTheGraceTime() {
        kiosk::sim::ApiServer server(scenario(QStringLiteral("empty")));
        QVERIFY(server.listen());
        const quint16 port = server.port();
        Watched watched(m_state.filePath(QStringLiteral("api")), server.url(), 1500);
        auto &[session, cluster, alerts] = watched;
        QTRY_VERIFY_WITH_TIMEOUT(cluster.hasData(), 15000);
        QSignalSpy raised(&alerts, &HealthAlerts::raised);

        server.close();
        server.dropConnections();
        QTRY_VERIFY_WITH_TIMEOUT(cluster.state() == ClusterController::State::Reconnecting, 20000);
        QCOMPARE(raised.count(), 0); // not yet: a blip is not an alert
        QVERIFY(raised.wait(5000));
        QCOMPARE(alerts.activeKeys(), QStringList{QStringLiteral("api-unreachable")});
        QVERIFY(alerts.message().startsWith(QStringLiteral("The tablet cannot reach")));

        QVERIFY(server.listen(QHostAddress::LocalHost, port));
        QTRY_VERIFY_WITH_TIMEOUT(alerts.count() == 0, 30000);
        QCOMPARE(events(session).constFirst().action, QStringLiteral("event.recovered"));
    }

    void aCrashLoopInAnAvailableDeploymentIsStillAnAlert() {
        kiosk::k8s::ClusterHealthReport report;
        kiosk::k8s::PodRow pod;
        pod.name = QStringLiteral("kilo-cam-7d9f-abcde");
        pod.status = QStringLiteral("CrashLoopBackOff");
        pod.restarts = 12;
        report.pods << pod;
        report.podDeployment.insert(pod.name, QStringLiteral("kilo-cam"));
        const auto problems = HealthAlerts::problemsOf(report, true, false);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.at(0).key, QStringLiteral("deployment:kilo-cam"));
        QVERIFY(problems.at(0).message.contains(QStringLiteral("kilo-cam")));
        QVERIFY(problems.at(0).detail.contains(QStringLiteral("12 restarts")));
        QVERIFY(HealthAlerts::problemsOf(report, false, false).isEmpty()); // no report yet
    }
};

QTEST_MAIN(TestHealthAlerts)
#include "tst_health_alerts.moc"
