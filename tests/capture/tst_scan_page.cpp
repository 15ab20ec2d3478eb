// The Scan page as a person sees it, fed camera frames through its viewfinder's video sink: the
// label outlined with a hint, the auto-capture switch, the shutter, and auto-capture leading to
// the review. Saves screenshots to $KIOSK_SCREENSHOT_DIR when set, for reviews.
#include "frame_source.h"
#include "touch_tap.h"
#include "window_screenshot.h"
#include "ui/scan_controller.h"

#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoSink>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Kilo_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Kilo_UiPlugin)

using kiosk::ui::ScanController;
using State = ScanController::State;

class TestScanPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    ScanController *m_scan = nullptr;
    QVideoSink *m_sink = nullptr;

    QQuickItem *item(const char *objectName) const {
        return m_window->findChild<QQuickItem *>(QLatin1String(objectName));
    }
    void tap(const char *objectName) {
        kiosk::test::tapItem(m_window, item(objectName), objectName);
    }
    // Frames at a camera's pace for ms, or until the page leaves the viewfinder.
    void stream(const QImage &image, int ms) {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms && m_scan->state() == State::Viewfinder) {
            m_sink->setVideoFrame(kiosk::test::videoFrameFrom(image));
            QTest::qWait(40);
        }
    }
    void shoot(const QString &name) { kiosk::test::saveWindowScreenshot(m_window, name); }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Material"));
        QVERIFY(m_data.isValid());
        m_engine = new QQmlApplicationEngine(this);
        m_engine->addImportPath(QStringLiteral("qrc:/"));
        m_engine->rootContext()->setContextProperty(QStringLiteral("testDatabase"),
                                                    m_data.filePath(QStringLiteral("meds.sqlite")));
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
    Material.accent: Material.Teal
    property alias page: scanPage
    AppContext { id: context }
    ScanPage { id: scanPage; anchors.fill: parent; app: context; engine: "local"; store: MedicationStoreController { databasePath: testDatabase } }
})");
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_scan = m_window->findChild<ScanController *>(QStringLiteral("scanController"));
        QVERIFY(m_scan);
        QQuickItem *viewfinder = item("viewfinder");
        QVERIFY(viewfinder);
        m_sink = viewfinder->property("videoSink").value<QVideoSink *>();
        QVERIFY(m_sink);
        QCOMPARE(m_scan->videoSink(), m_sink);
    }

    void framesShowTheViewfinderWithGuidance() {
        // Auto-capture off first, so the guidance can be looked at.
        m_scan->setAutoCapture(false);
        stream(kiosk::test::labelFrame(QStringLiteral("0035.jpg")), 1500);
        QCOMPARE(m_scan->state(), State::Viewfinder);
        // The viewfinder shows once the page has a frame; on a loaded machine that takes a while.
        QTRY_VERIFY(item("viewfinder")->isVisible());
        QVERIFY(!item("scanState")->isVisible());
        QTRY_VERIFY(item("labelOutline")->isVisible());
        QVERIFY(item("guidanceHint")->isVisible());
        QCOMPARE(item("guidanceHintText")->property("text").toString(),
                 QStringLiteral("Ready: press the shutter"));
        QVERIFY(item("shutterButton")->isEnabled());
        QVERIFY(item("shutterButton")->height() >= 48);
        shoot(QStringLiteral("scan-viewfinder"));
        m_window->setProperty("dark", true);
        shoot(QStringLiteral("scan-viewfinder-dark"));
        m_window->setProperty("dark", false);

        QImage wall(1280, 720, QImage::Format_RGB32);
        wall.fill(QColor(110, 100, 95));
        stream(wall, 800);
        QTRY_VERIFY(!item("labelOutline")->isVisible());
        QCOMPARE(item("guidanceHintText")->property("text").toString(),
                 QStringLiteral("Point the camera at the label"));
        shoot(QStringLiteral("scan-viewfinder-no-label"));
    }

    void theSwitchTurnsAutoCaptureOnAndItReadsTheLabel() {
        tap("autoCaptureSwitch");
        QVERIFY(m_scan->autoCapture());
        stream(kiosk::test::labelFrame(), 15000);
        QVERIFY(m_scan->state() != State::Viewfinder);
        QTRY_COMPARE_WITH_TIMEOUT(m_scan->state(), State::Review, 60000);
        QTRY_VERIFY(item("reviewPanel")->isVisible());
        QVERIFY(m_scan->review()->photoUrl().isLocalFile());
        QTRY_COMPARE(item("reviewPhoto")->property("status").toInt(), 1); // Image.Ready
        shoot(QStringLiteral("scan-review-from-camera"));
        m_window->setProperty("dark", true);
        shoot(QStringLiteral("scan-review-from-camera-dark"));
        m_window->setProperty("dark", false);
        tap("discardReview");
        QCOMPARE(m_scan->state(), State::Viewfinder);
    }

    void theShutterTakesThePictureWhateverTheGuidance() {
        m_scan->setAutoCapture(false);
        QImage wall(1280, 720, QImage::Format_RGB32);
        wall.fill(QColor(110, 100, 95));
        stream(wall, 500);
        tap("shutterButton");
        QVERIFY(m_scan->state() == State::Reading || m_scan->state() == State::Review ||
                m_scan->state() == State::Failed);
        QTRY_VERIFY_WITH_TIMEOUT(m_scan->state() != State::Reading, 60000);
        // A plain wall has nothing to read: the review shows no name, and saving is blocked.
        if (m_scan->state() == State::Review)
            QVERIFY(!m_scan->review()->canSave());
        m_scan->startOver();
    }

    void cleanupTestCase() {
        delete m_engine;
        m_engine = nullptr;
    }
};

QTEST_MAIN(TestScanPage)
#include "tst_scan_page.moc"
