// The checklist's service checks against the real AI Brain and medication service simulators on
// loopback ports: answering, down, hanging past the timeout, gone and back, not configured.
#include "ops/service_checks.h"
#include "sim/ai_brain_simulator.h"
#include "sim/meds_service_simulator.h"

#include <QSignalSpy>
#include <QTest>

using kiosk::ops::ServiceChecks;
using kiosk::sim::AiBrainSimulator;
using kiosk::sim::MedsServiceSimulator;

class TestServiceChecks : public QObject {
    Q_OBJECT

    static QHash<QString, kiosk::k8s::HealthCheck>
    byId(const QList<kiosk::k8s::HealthCheck> &rows) {
        QHash<QString, kiosk::k8s::HealthCheck> out;
        for (const auto &row : rows)
            out.insert(row.id, row);
        return out;
    }
    // One round, waited for on its finished() signal.
    static void round(ServiceChecks &checks) {
        QSignalSpy finished(&checks, &ServiceChecks::finished);
        checks.probe(); // finished() always comes later, from the event loop
        QVERIFY(finished.wait(20000));
        QVERIFY(!checks.busy());
    }

private slots:
    void nothingConfiguredMeansNoRows() {
        ServiceChecks checks;
        QSignalSpy finished(&checks, &ServiceChecks::finished);
        checks.probe();
        QVERIFY(finished.wait(2000));
        QVERIFY(checks.checks().isEmpty());
    }

    void bothAnswer() {
        AiBrainSimulator aiBrain;
        QVERIFY(aiBrain.listen());
        MedsServiceSimulator meds;
        QVERIFY(meds.listen());
        ServiceChecks checks;
        checks.setEndpoints({{aiBrain.url(), {}}, {meds.url(), {}}});
        QSignalSpy changed(&checks, &ServiceChecks::checksChanged);
        round(checks);
        const auto rows = checks.checks();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).id, ServiceChecks::AiBrainCheckId); // AI Brain first
        QCOMPARE(rows.at(0).name, QStringLiteral("AI Brain answers"));
        QVERIFY(rows.at(0).ok);
        QVERIFY2(rows.at(0).detail.contains(aiBrain.url().toString()),
                 qPrintable(rows.at(0).detail));
        QCOMPARE(rows.at(1).id, ServiceChecks::MedsServiceCheckId);
        QVERIFY(rows.at(1).ok);
        QVERIFY(rows.at(1).detail.contains(QStringLiteral("/healthz")));
        QVERIFY(changed.count() >= 1);
        // A second healthy round changes nothing worth telling (only the time it took).
        changed.clear();
        round(checks);
        QCOMPARE(changed.count(), 0);
    }

    void aiBrainDownThenBack() {
        AiBrainSimulator aiBrain;
        QVERIFY(aiBrain.listen());
        ServiceChecks checks;
        checks.setEndpoints({{aiBrain.url(), {}}, {}});
        aiBrain.setHealthMode(AiBrainSimulator::HealthMode::Down);
        round(checks);
        auto row = byId(checks.checks()).value(ServiceChecks::AiBrainCheckId);
        QVERIFY(!row.ok);
        QVERIFY2(row.detail.contains(QStringLiteral("/health")), qPrintable(row.detail));
        QCOMPARE(checks.checks().size(), 1); // the medication service is not configured: no row

        QSignalSpy changed(&checks, &ServiceChecks::checksChanged);
        aiBrain.setHealthMode(AiBrainSimulator::HealthMode::Ok);
        round(checks);
        QVERIFY(byId(checks.checks()).value(ServiceChecks::AiBrainCheckId).ok);
        QCOMPARE(changed.count(), 1);
    }

    void aHangingServiceTimesOut() {
        AiBrainSimulator aiBrain;
        QVERIFY(aiBrain.listen());
        aiBrain.setHealthMode(AiBrainSimulator::HealthMode::Hang);
        ServiceChecks checks;
        checks.setTimeoutMs(300);
        checks.setEndpoints({{aiBrain.url(), {}}, {}});
        round(checks);
        const auto row = byId(checks.checks()).value(ServiceChecks::AiBrainCheckId);
        QVERIFY(!row.ok);
        QVERIFY2(row.detail.contains(QStringLiteral("did not answer")), qPrintable(row.detail));
    }

    void medicationServiceGoneAndBack() {
        MedsServiceSimulator meds;
        QVERIFY(meds.listen());
        const quint16 port = meds.port();
        ServiceChecks checks;
        checks.setEndpoints({{}, {meds.url(), {}}});
        round(checks);
        QVERIFY(byId(checks.checks()).value(ServiceChecks::MedsServiceCheckId).ok);

        meds.close();
        round(checks);
        const auto down = byId(checks.checks()).value(ServiceChecks::MedsServiceCheckId);
        QVERIFY(!down.ok);
        QVERIFY(!down.detail.isEmpty());

        QVERIFY(meds.listen(QHostAddress::LocalHost, port));
        round(checks);
        QVERIFY(byId(checks.checks()).value(ServiceChecks::MedsServiceCheckId).ok);
    }

    void aNewAddressForgetsTheOldAnswer() {
        AiBrainSimulator aiBrain;
        QVERIFY(aiBrain.listen());
        ServiceChecks checks;
        checks.setEndpoints({{aiBrain.url(), {}}, {}});
        round(checks);
        QCOMPARE(checks.checks().size(), 1);
        QSignalSpy changed(&checks, &ServiceChecks::checksChanged);
        checks.setEndpoints({{QUrl(QStringLiteral("ftp://ai-brain.local")), {}}, {}});
        QCOMPARE(changed.count(), 1);
        QVERIFY(checks.checks().isEmpty()); // until the new address has answered
        round(checks);
        const auto row = byId(checks.checks()).value(ServiceChecks::AiBrainCheckId);
        QVERIFY(!row.ok); // not an http(s) address: said so, without a request
        QVERIFY(!row.detail.isEmpty());
    }

    void theEndpointSourceIsAskedEveryRound() {
        AiBrainSimulator aiBrain;
        QVERIFY(aiBrain.listen());
        ServiceChecks checks;
        int asked = 0;
        checks.setEndpointSource([&] {
            ++asked;
            return ServiceChecks::Endpoints{{aiBrain.url(), {}}, {}};
        });
        round(checks);
        round(checks);
        QCOMPARE(asked, 2);
        QVERIFY(byId(checks.checks()).value(ServiceChecks::AiBrainCheckId).ok);
    }
};

QTEST_GUILESS_MAIN(TestServiceChecks)
#include "tst_service_checks.moc"
