// The Medications page with sync against the in-process meds-sim: the state line (synced,
// offline with changes waiting), a conflict shown with both versions and settled with a tap,
// what the other tablet changed appearing here. Saves screenshots to $KIOSK_SCREENSHOT_DIR.
#include "meds/medication_store.h"
#include "sim/meds_service_simulator.h"
#include "sync/medication_sync.h"
#include "ui/medication_sync_controller.h"
#include "touch_tap.h"
#include "window_screenshot.h"

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

using kiosk::ui::MedicationSyncController;

class TestMedicationSyncPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    kiosk::sim::MedsServiceSimulator m_service;
    MedicationSyncController m_sync;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    quint16 m_port = 0;

    QQuickItem *item(const QString &objectName) const {
        return visualItem(m_window->contentItem(), objectName);
    }
    static QQuickItem *visualItem(QQuickItem *root, const QString &objectName) {
        if (!root)
            return nullptr;
        if (root->objectName() == objectName && root->isVisible())
            return root;
        for (QQuickItem *child : root->childItems()) {
            if (auto *found = visualItem(child, objectName))
                return found;
        }
        return nullptr;
    }
    void tap(const QString &objectName) {
        QTRY_VERIFY2(item(objectName), qPrintable(objectName));
        kiosk::test::tapItem(m_window, item(objectName), qPrintable(objectName));
    }
    void shootLightAndDark(const QString &name) {
        kiosk::test::saveWindowScreenshot(m_window, name);
        m_window->setProperty("dark", true);
        kiosk::test::saveWindowScreenshot(m_window, name + QStringLiteral("-dark"));
        m_window->setProperty("dark", false);
    }
    QObject *pageStore() const {
        return m_window->property("page").value<QObject *>()->property("store").value<QObject *>();
    }
    qint64 addOnPage(const QString &name, const QString &dosage) {
        QVariantMap result;
        const QVariantMap record{
            {QStringLiteral("medication_name"), name},
            {QStringLiteral("dosage"), dosage},
            {QStringLiteral("schedule"), QStringLiteral("once daily")},
            {QStringLiteral("instructions"), QStringLiteral("Take 1 tablet by mouth once daily")}};
        QMetaObject::invokeMethod(pageStore(), "add", Q_RETURN_ARG(QVariantMap, result),
                                  Q_ARG(QVariantMap, record));
        return result.value(QStringLiteral("id")).toLongLong();
    }
    QString bedroom() const { return m_dir.filePath(QStringLiteral("bedroom.sqlite")); }

private slots:
    void initTestCase() {
        qputenv("KILO_KIOSK_DEVICE_NAME", "kitchen-tablet");
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Material"));
        QVERIFY(m_service.listen());
        m_port = m_service.port();
        m_sync.setDatabasePath(m_dir.filePath(QStringLiteral("kitchen.sqlite")));
        m_sync.setKeychainService(QStringLiteral("kilo-kiosk-test-sync-page"));
        m_sync.useDemoService(m_service.url());
        QVERIFY(m_sync.start());
        m_engine = new QQmlApplicationEngine(this);
        m_engine->addImportPath(QStringLiteral("qrc:/"));
        m_engine->rootContext()->setContextProperty(QStringLiteral("testSync"), &m_sync);
        m_engine->rootContext()->setContextProperty(QStringLiteral("testDatabase"),
                                                    m_sync.databasePath());
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
    property alias page: medicationsPage
    AppContext { id: context }
    MedicationsPage { id: medicationsPage; anchors.fill: parent; app: context; medsSync: testSync; store: MedicationStoreController { databasePath: testDatabase } }
})");
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void aChangeHereReachesTheService() {
        QTRY_COMPARE_WITH_TIMEOUT(m_sync.state(), MedicationSyncController::State::Synced, 15000);
        QVERIFY(item(QStringLiteral("syncStatus")));
        addOnPage(QStringLiteral("Lisinopril"), QStringLiteral("10 mg"));
        // Noticed on the database, sent a moment later, with no tap.
        QTRY_COMPARE_WITH_TIMEOUT(m_service.records().size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_sync.pending(), 0, 10000);
        QTRY_COMPARE(m_sync.statusText(), QStringLiteral("Synced just now."));
        QCOMPARE(item(QStringLiteral("syncStatus"))->property("text").toString(),
                 QStringLiteral("Synced just now."));
        shootLightAndDark(QStringLiteral("meds-sync-synced"));
    }

    void theOtherTabletsChangeAppears() {
        kiosk::meds::MedicationStore other(bedroom());
        QVERIFY(other.open(nullptr));
        kiosk::sync::MedicationSync otherSync(other);
        otherSync.client().setBaseUrl(m_service.url());
        otherSync.setDeviceName(QStringLiteral("bedroom-tablet"));
        QVERIFY(otherSync.syncBlocking().ok());
        kiosk::meds::Medication added;
        added.medicationName = QStringLiteral("Metformin");
        added.dosage = QStringLiteral("500 mg");
        added.schedule = QStringLiteral("twice daily");
        QVERIFY(other.add(added, nullptr));
        QVERIFY(otherSync.syncBlocking().ok());
        tap(QStringLiteral("syncNow"));
        QTRY_COMPARE_WITH_TIMEOUT(pageStore()->property("count").toInt(), 2, 10000);
    }

    void aConflictIsShownAndSettled() {
        kiosk::meds::MedicationStore other(bedroom());
        QVERIFY(other.open(nullptr));
        kiosk::sync::MedicationSync otherSync(other);
        otherSync.client().setBaseUrl(m_service.url());
        otherSync.setDeviceName(QStringLiteral("bedroom-tablet"));
        QVERIFY(otherSync.syncBlocking().ok());
        auto theirs = other.list(nullptr).value().constFirst();
        QCOMPARE(theirs.medicationName, QStringLiteral("Lisinopril"));
        theirs.dosage = QStringLiteral("20 mg");
        QVERIFY(other.update(theirs, nullptr));
        QVERIFY(otherSync.syncBlocking().ok());

        kiosk::meds::MedicationStore mine(m_sync.databasePath());
        QVERIFY(mine.open(nullptr));
        auto ours = mine.readByUuid(theirs.uuid, nullptr).value();
        ours.dosage = QStringLiteral("5 mg");
        QVERIFY(mine.update(ours, nullptr));
        m_sync.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_sync.conflictCount(), 1, 15000);
        const QVariantMap conflict = m_sync.conflicts().constFirst().toMap();
        QVERIFY2(conflict.value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("Strength changed on bedroom")),
                 qPrintable(conflict.value(QStringLiteral("message")).toString()));
        QTRY_VERIFY(item(QStringLiteral("keepRemote")));
        shootLightAndDark(QStringLiteral("meds-sync-conflict"));

        tap(QStringLiteral("keepRemote"));
        QTRY_COMPARE(m_sync.conflictCount(), 0);
        QTRY_COMPARE(mine.readByUuid(theirs.uuid, nullptr).value().dosage, QStringLiteral("20 mg"));
        QTRY_VERIFY(!item(QStringLiteral("keepRemote")));
    }

    void offlineChangesWait() {
        m_service.close();
        addOnPage(QStringLiteral("Atorvastatin"), QStringLiteral("20 mg"));
        m_sync.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_sync.state(), MedicationSyncController::State::Offline, 15000);
        QCOMPARE(m_sync.pending(), 1);
        QVERIFY(m_sync.statusText().startsWith(QStringLiteral("Offline: 1 change")));
        shootLightAndDark(QStringLiteral("meds-sync-offline"));
        QVERIFY(m_service.listen(QHostAddress::LocalHost, m_port));
        tap(QStringLiteral("syncNow"));
        QTRY_COMPARE_WITH_TIMEOUT(m_sync.state(), MedicationSyncController::State::Synced, 15000);
        QCOMPARE(m_sync.pending(), 0);
        QCOMPARE(m_service.records().size(), 3);
    }
};

QTEST_MAIN(TestMedicationSyncPage)
#include "tst_medication_sync_page.moc"
