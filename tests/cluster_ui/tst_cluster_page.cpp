// The Cluster page's admin flow against the real simulator: live data, cleanup preview (server
// dry run), PIN gate, progress and result; pod detail with the previous log; rollback. Saves
// screenshots to $KIOSK_SCREENSHOT_DIR when set, for reviews.
#include "sim/api_server.h"
#include "ui/admin_session.h"
#include "ui/cluster_controller.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Kilo_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Kilo_UiPlugin)

using kiosk::ui::ClusterController;

class TestClusterPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_state;
    kiosk::sim::ApiServer m_server;
    ClusterController m_cluster;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;

    QQuickItem *item(const char *objectName) const
    {
        // QML objects are QObject children of the object that declares them; the PIN dialog's
        // keys live in its popup, reached through its `panel` property.
        if (auto *found = m_window->findChild<QQuickItem *>(QLatin1String(objectName)))
            return found;
        if (auto *dialog = m_window->findChild<QObject *>(QStringLiteral("clusterPinDialog"))) {
            if (auto *panel = dialog->property("panel").value<QQuickItem *>())
                return panel->findChild<QQuickItem *>(QLatin1String(objectName));
        }
        return nullptr;
    }
    void tap(const char *objectName)
    {
        QQuickItem *target = item(objectName);
        QVERIFY2(target, objectName);
        QTRY_VERIFY2(target->isVisible() && target->isEnabled(), objectName);
        const QPointF center = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, center.toPoint());
    }
    void shoot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("KIOSK_SCREENSHOT_DIR");
        QTest::qWait(300);
        const QImage image = m_window->grabWindow();
        QVERIFY(!image.isNull());
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(image.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Material"));
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
import Kilo.Backend
import Kilo.Ui
ApplicationWindow {
    width: 1280; height: 800; visible: true
    property alias session: admin
    property alias page: clusterPage
    AdminSession { id: admin; objectName: "admin"; stateDirectory: testStateDir }
    AppContext { id: context }
    ClusterPage { id: clusterPage; anchors.fill: parent; app: context; cluster: testCluster; adminSession: admin }
})");
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void showsTheLiveCluster()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.hasData(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.summary().value("deploymentsHealthy").toInt(), 13, 15000);
        QVERIFY(item("clusterContent"));
        QVERIFY(item("clusterContent")->isVisible());
        QCOMPARE(m_cluster.deployments()->count(), 14);
        // Failing first: kilo-meds leads the grid, with the rollback suggestion.
        QCOMPARE(m_cluster.deployments()->get(0).value("name").toString(), QStringLiteral("kilo-meds"));
        shoot("cluster-live");
    }

    void cleanupNeedsThePinAndReportsTheResult()
    {
        tap("openCleanup");
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.cleanupPhase(), ClusterController::ActionPhase::Ready, 15000);
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
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.cleanupPhase(), ClusterController::ActionPhase::Succeeded, 30000);
        QCOMPARE(m_cluster.cleanupResult().value("failed").toInt(), 0);
        QCOMPARE(m_cluster.cleanupResult().value("done").toInt(), 38);
        shoot("cluster-cleanup-done");
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.summary().value("replicaSetsTotal").toInt(), 54, 10000);
        tap("cleanupClose");
        QTRY_COMPARE(m_cluster.cleanupPhase(), ClusterController::ActionPhase::Idle);
    }

    void podDetailAndRollback()
    {
        QVERIFY(QMetaObject::invokeMethod(m_window->property("page").value<QObject *>(), "openDeployment",
                                          Q_ARG(QVariant, QStringLiteral("kilo-meds"))));
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.podLog().contains(QStringLiteral("prometheus_client")), 10000);
        QCOMPARE(m_cluster.podDetail().value("status").toString(), QStringLiteral("CrashLoopBackOff"));
        shoot("cluster-pod-detail");
        tap("rollbackButton"); // unlocked already: runs at once
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.rollbackPhase(), ClusterController::ActionPhase::Succeeded, 60000);
        QVERIFY(m_cluster.rollbackMessage().contains(QStringLiteral("successfully rolled out")));
        shoot("cluster-rollback-done");
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.summary().value("deploymentsHealthy").toInt(), 14, 15000);
    }

    void lockedSessionRefusesActions()
    {
        auto *session = m_window->property("session").value<kiosk::ui::AdminSession *>();
        session->lock();
        QTRY_VERIFY(!m_cluster.actionsUnlocked());
        QVERIFY(!m_cluster.rollback(QStringLiteral("kilo-cam")));
    }
};

QTEST_MAIN(TestClusterPage)
#include "tst_cluster_page.moc"
