// The Cluster page's admin flow against the real simulator: live data, cleanup preview (server
// dry run), PIN gate, progress and result; pod detail with the previous log; rollback; the
// revision history and a PIN-gated rollback to a chosen revision. Saves screenshots to
// $KIOSK_SCREENSHOT_DIR when set, for reviews.
#include "security/audit_log.h"
#include "sim/api_server.h"
#include "ui/admin_session.h"
#include "ui/cluster_controller.h"
#include "ui/language_preference.h"
#include "touch_tap.h"
#include "window_screenshot.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(Kilo_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Kilo_UiPlugin)

using kiosk::ui::ClusterController;

class TestClusterPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_state;
    std::unique_ptr<kiosk::ui::LanguagePreference> m_language;
    kiosk::sim::ApiServer m_server;
    ClusterController m_cluster;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;

    QQuickItem *item(const char *objectName) const {
        // QML objects are QObject children of the object that declares them; the PIN dialog's
        // keys live in its popup, reached through its `panel` property.
        if (auto *found = m_window->findChild<QQuickItem *>(QLatin1String(objectName)))
            return found;
        if (auto *dialog = m_window->findChild<QObject *>(QStringLiteral("clusterPinDialog"))) {
            if (auto *panel = dialog->property("panel").value<QQuickItem *>()) {
                if (auto *found = panel->findChild<QQuickItem *>(QLatin1String(objectName)))
                    return found;
            }
        }
        // A Repeater's items are no QObject children of anything: walk the visual tree.
        return visualItem(m_window->contentItem(), QLatin1String(objectName));
    }
    static QQuickItem *visualItem(QQuickItem *root, QLatin1String objectName) {
        if (!root)
            return nullptr;
        if (root->objectName() == objectName)
            return root;
        for (QQuickItem *child : root->childItems()) {
            if (auto *found = visualItem(child, objectName))
                return found;
        }
        return nullptr;
    }
    void tap(const char *objectName) {
        kiosk::test::tapItem(m_window, item(objectName), objectName);
    }
    // The light screenshot, then the same in the dark theme (name-dark).
    void shootLightAndDark(const QString &name) {
        shoot(name);
        m_window->setProperty("dark", true);
        shoot(name + QStringLiteral("-dark"));
        m_window->setProperty("dark", false);
        QTest::qWait(100);
    }
    QObject *pinDialog() const {
        return m_window->findChild<QObject *>(QStringLiteral("clusterPinDialog"));
    }
    void shoot(const QString &name) { kiosk::test::saveWindowScreenshot(m_window, name); }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Material"));
        // English as the app shows it: its plural forms (%n) come from kilo-kiosk_en.qm.
        m_language = std::make_unique<kiosk::ui::LanguagePreference>(std::make_unique<QSettings>(
            m_state.filePath(QStringLiteral("language.ini")), QSettings::IniFormat));
        m_language->overrideForThisRun(QStringLiteral("en"));
        QVERIFY(m_server.listen());
        kiosk::k8s::ClusterConnection connection;
        connection.server = m_server.url();
        m_cluster.connectTo(connection, true);
        m_engine = new QQmlApplicationEngine(this);
        m_engine->addImportPath(QStringLiteral("qrc:/"));
        m_engine->rootContext()->setContextProperty(QStringLiteral("testCluster"), &m_cluster);
        m_engine->rootContext()->setContextProperty(QStringLiteral("testStateDir"), m_state.path());
        m_engine->loadData(R"(
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Kilo.Backend
import Kilo.Ui
ApplicationWindow {
    width: 1280; height: 800; visible: true
    property bool dark: false
    Material.theme: dark ? Material.Dark : Material.Light
    Binding { target: Style; property: "dark"; value: dark }   // Style's colours follow too
    property alias session: admin
    property alias page: clusterPage
    AdminSession { id: admin; objectName: "admin"; stateDirectory: testStateDir }
    AppContext { id: context }
    ClusterPage { id: clusterPage; anchors.fill: parent; app: context; cluster: testCluster; adminSession: admin }
    PinDialog { objectName: "clusterPinDialog"; anchors.fill: parent; session: admin }
})");
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void showsTheLiveCluster() {
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.hasData(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.summary().deploymentsHealthy, 13, 15000);
        QVERIFY(item("clusterContent"));
        QVERIFY(item("clusterContent")->isVisible());
        QCOMPARE(m_cluster.deployments()->count(), 14);
        // Failing first: kilo-meds leads the grid, with the rollback suggestion.
        QCOMPARE(m_cluster.deployments()->get(0).value("name").toString(),
                 QStringLiteral("kilo-meds"));
        shoot("cluster-live");
    }

    void cleanupNeedsThePinAndReportsTheResult() {
        tap("openCleanup");
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.cleanupPhase(), ClusterController::ActionPhase::Ready,
                                  15000);
        QCOMPARE(m_cluster.cleanupPreview().value("deletes").toInt(), 24);
        QCOMPARE(m_cluster.cleanupPreview().value("patches").toInt(), 14);
        QCOMPARE(m_cluster.cleanupPreview().value("refused").toInt(), 0);
        shoot("cluster-cleanup-preview");

        // Locked: the controller refuses on its own, whatever the UI does.
        QVERIFY(!m_cluster.actionsUnlocked());
        QVERIFY(!m_cluster.runCleanup());
        // The administrator sets the PIN (first use), which unlocks; the dialog then lets the
        // action through at once. (tests/qml/tst_admin.qml covers typing on the number pad.)
        auto *session = m_window->property("session").value<kiosk::ui::AdminSession *>();
        QVERIFY(session);
        QVERIFY(session->setPin(QStringLiteral("2580"), QStringLiteral("2580")));
        QTRY_VERIFY(m_cluster.actionsUnlocked());
        tap("cleanupRun");
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.cleanupPhase(),
                                  ClusterController::ActionPhase::Succeeded, 30000);
        QCOMPARE(m_cluster.cleanupResult().value("failed").toInt(), 0);
        QCOMPARE(m_cluster.cleanupResult().value("done").toInt(), 38);
        shoot("cluster-cleanup-done");
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.summary().replicaSetsTotal, 54, 10000);
        tap("cleanupClose");
        QTRY_COMPARE(m_cluster.cleanupPhase(), ClusterController::ActionPhase::Idle);
    }

    void podDetailAndRollback() {
        QVERIFY(QMetaObject::invokeMethod(m_window->property("page").value<QObject *>(),
                                          "openDeployment",
                                          Q_ARG(QVariant, QStringLiteral("kilo-meds"))));
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.podLog().contains(QStringLiteral("prometheus_client")),
                                 10000);
        QCOMPARE(m_cluster.podDetail().value("status").toString(),
                 QStringLiteral("CrashLoopBackOff"));
        QCOMPARE(m_cluster.selectedDeployment(), QStringLiteral("kilo-meds"));
        const QString crashingPod = m_cluster.selectedPod();
        shoot("cluster-pod-detail");
        tap("rollbackButton"); // unlocked already: runs at once
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.rollbackPhase(),
                                  ClusterController::ActionPhase::Succeeded, 60000);
        QVERIFY(m_cluster.rollbackMessage().contains(QStringLiteral("successfully rolled out")));
        // The detail follows the deployment to the pod that replaced the crashing one.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_cluster.selectedPod() != crashingPod && !m_cluster.selectedPod().isEmpty(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.podDetail().value("status").toString(),
                                  QStringLiteral("Running"), 15000);
        QVERIFY(!m_cluster.podDetail().value("gone").toBool());
        // Its log, also when the first ask came before the container had started.
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.podLogTitle(), QStringLiteral("Last 200 lines"), 15000);
        QVERIFY(!m_cluster.podLog().contains(QStringLiteral("prometheus_client")));
        shoot("cluster-rollback-done");
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.summary().deploymentsHealthy, 14, 15000);
    }

    void historyRollsBackToAChosenRevision() {
        // The pod detail of kilo-meds is still open; the rollback above made cb1 the newest
        // revision (9). A new admin session: the chosen rollback must ask for the PIN.
        auto *session = m_window->property("session").value<kiosk::ui::AdminSession *>();
        session->lock();
        QTRY_VERIFY(!m_cluster.actionsUnlocked());
        m_cluster.resetRollback();
        // Healthy again: the suggestion to roll back to 7 (now 9, current) is gone from the detail.
        QTRY_VERIFY(!item("rollbackCard")->isVisible());
        QVERIFY(item("historyButton"));
        QCOMPARE(m_cluster.historyDeployment(), QString());
        tap("historyButton");
        QTRY_COMPARE(m_cluster.historyDeployment(), QStringLiteral("kilo-meds"));
        // Cleanup kept three old ReplicaSets (revisions 5-7); 7 came back as 9.
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.revisionHistory().size(), 4, 10000);
        const QVariantMap newest = m_cluster.revisionHistory().at(0).toMap();
        QCOMPARE(newest.value("revision").toLongLong(), 9);
        QCOMPARE(newest.value("images").toString(), QStringLiteral("kilo-meds:cb1"));
        QVERIFY(newest.value("current").toBool());
        QVERIFY(!newest.value("canRollBack").toBool());
        const QVariantMap broken = m_cluster.revisionHistory().at(1).toMap();
        QCOMPARE(broken.value("revision").toLongLong(), 8);
        QVERIFY(!broken.value("ran").toBool());
        QVERIFY(broken.value("canRollBack").toBool());
        QCOMPARE(m_cluster.revisionHistory().at(2).toMap().value("revision").toLongLong(), 6);
        QVERIFY(item("revision_9"));
        QVERIFY(item("rollbackTo_6"));
        QVERIFY(!item("rollbackTo_9") ||
                !item("rollbackTo_9")->isVisible()); // no rollback to the current one
        shootLightAndDark("cluster-history");

        // Locked: tapping asks for the PIN and changes nothing yet.
        tap("rollbackTo_6");
        QTRY_VERIFY(pinDialog()->property("opened").toBool());
        QCOMPARE(m_cluster.rollbackPhase(), ClusterController::ActionPhase::Idle);
        QVERIFY(item("pinReason"));
        QVERIFY2(item("pinReason")
                     ->property("text")
                     .toString()
                     .contains(QStringLiteral("revision 6 (kilo-meds:v1.5.0)")),
                 qPrintable(item("pinReason")->property("text").toString()));
        shoot("cluster-history-pin");
        for (const char *key : {"pinKey2", "pinKey5", "pinKey8", "pinKey0", "pinOk"})
            tap(key);
        QTRY_VERIFY_WITH_TIMEOUT(!pinDialog()->property("opened").toBool(), 10000);
        QVERIFY(m_cluster.actionsUnlocked());
        QTRY_VERIFY(m_cluster.rollbackPhase() != ClusterController::ActionPhase::Idle);
        QCOMPARE(m_cluster.rollbackDeployment(), QStringLiteral("kilo-meds"));
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.rollbackPhase(),
                                  ClusterController::ActionPhase::Succeeded, 60000);
        QVERIFY2(m_cluster.rollbackMessage().contains(QStringLiteral("successfully rolled out")),
                 qPrintable(m_cluster.rollbackMessage()));
        // Revision 6 is the newest now (10), and the history follows.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_cluster.revisionHistory().at(0).toMap().value("revision").toLongLong(), 10, 15000);
        const QVariantMap now = m_cluster.revisionHistory().at(0).toMap();
        QCOMPARE(now.value("images").toString(), QStringLiteral("kilo-meds:v1.5.0"));
        QVERIFY(now.value("current").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.revisionHistory().at(0).toMap().value("ran").toBool(),
                                 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.summary().deploymentsHealthy, 14, 15000);
        shootLightAndDark("cluster-history-done");

        // The session's own log has the unlock and then the rollback to revision 6 it let through.
        const QVariantList recent = session->recentAuditEntries(2);
        QCOMPARE(recent.value(1).toMap().value("action").toString(),
                 QStringLiteral("admin.unlock"));
        const QVariantMap rolledBack = recent.value(0).toMap();
        QCOMPARE(rolledBack.value("action").toString(), QStringLiteral("cluster.rollback"));
        QVERIFY(rolledBack.value("detail").toString().contains(QStringLiteral("to revision 6")));
        QCOMPARE(rolledBack.value("actor").toString(), QStringLiteral("admin"));

        // Hiding the history stops it following the cluster.
        tap("historyButton");
        QTRY_COMPARE(m_cluster.historyDeployment(), QString());
        QVERIFY(m_cluster.revisionHistory().isEmpty());
    }

    void lockedSessionRefusesActions() {
        auto *session = m_window->property("session").value<kiosk::ui::AdminSession *>();
        session->lock();
        QTRY_VERIFY(!m_cluster.actionsUnlocked());
        QVERIFY(!m_cluster.rollback(QStringLiteral("kilo-cam")));
    }

    // One watch event (kilo-voice scaled to 2) changes kilo-voice's row and no other: no reset,
    // no row inserted or removed, dataChanged only for that row.
    void oneEventUpdatesOnlyItsDeploymentsRow() {
        kiosk::ui::RowListModel *model = m_cluster.deployments();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(model, &QAbstractItemModel::rowsRemoved);
        QSet<QString> changedRows;
        connect(model, &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &first, const QModelIndex &last) {
                    for (int row = first.row(); row <= last.row(); ++row)
                        changedRows.insert(model->get(row).value("name").toString());
                });
        QNetworkAccessManager network;
        QNetworkRequest request(m_server.url().resolved(
            QUrl(QStringLiteral("/apis/apps/v1/namespaces/kilo-guardian/deployments/kilo-voice"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/merge-patch+json"));
        std::unique_ptr<QNetworkReply> reply(
            network.sendCustomRequest(request, "PATCH", R"({"spec":{"replicas":2}})"));
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QTRY_COMPARE_WITH_TIMEOUT(model->get(model->indexOf("kilo-voice")).value("desired").toInt(),
                                  2, 10000);
        QTest::qWait(300); // the ReplicaSet's and the new pod's batches too
        QCOMPARE(changedRows, QSet<QString>{QStringLiteral("kilo-voice")});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserts.count(), 0);
        QCOMPARE(removes.count(), 0);
    }
};

QTEST_MAIN(TestClusterPage)
#include "tst_cluster_page.moc"
