// The Settings page's language choice over the whole window (Main.qml): tapping "Español"
// retranslates the live window (the same navigation rail items, their texts in Spanish), with
// no title cut off, and tapping "English" brings the English back; the choice is saved.
#include "ui/app_context.h"
#include "ui/cluster_controller.h"
#include "ui/language_preference.h"
#include "ui/medication_store_controller.h"
#include "ui/theme_preference.h"
#include "touch_tap.h"

#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Kilo_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Kilo_UiPlugin)

using kiosk::ui::LanguagePreference;

class TestLanguageSwitch : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    LanguagePreference *m_language = nullptr;

    std::unique_ptr<QSettings> settings(const char *name) const {
        return std::make_unique<QSettings>(m_dir.filePath(QLatin1String(name)),
                                           QSettings::IniFormat);
    }
    // A shown item by object name (Repeater delegates are found through the visual tree).
    static QQuickItem *visualItem(QQuickItem *root, const QString &name) {
        if (!root || !root->isVisible())
            return nullptr;
        if (root->objectName() == name)
            return root;
        for (QQuickItem *child : root->childItems()) {
            if (QQuickItem *found = visualItem(child, name))
                return found;
        }
        return nullptr;
    }
    QQuickItem *item(const QString &name) const {
        return visualItem(m_window->contentItem(), name);
    }
    QString text(const QString &name) const {
        QQuickItem *i = item(name);
        return i ? i->property("text").toString() : QString();
    }
    void tap(const QString &name) { kiosk::test::tapItem(m_window, item(name), qPrintable(name)); }
    // Every navigation rail title fits its button: nothing is cut off.
    void railTitlesFit() {
        for (const char *page : {"nav_scan", "nav_medications", "nav_cluster", "nav_settings"}) {
            QQuickItem *button = item(QLatin1String(page));
            QVERIFY2(button, page);
            const auto *label = button->property("contentItem").value<QQuickItem *>();
            QVERIFY2(label, page);
            const qreal room = button->width() - button->property("leftPadding").toReal() -
                               button->property("rightPadding").toReal();
            QVERIFY2(label->implicitWidth() <= room + 0.5,
                     qPrintable(QStringLiteral("%1: \"%2\" needs %3 px, has %4")
                                    .arg(QLatin1String(page), button->property("text").toString())
                                    .arg(label->implicitWidth())
                                    .arg(room)));
        }
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Material"));
        auto *context = new kiosk::ui::AppContext(settings("app.ini"), this);
        auto *theme = new kiosk::ui::ThemePreference(settings("theme.ini"), this);
        m_language = new LanguagePreference(settings("language.ini"), this);
        m_language->setLanguage(LanguagePreference::Language::English);
        auto *cluster = new kiosk::ui::ClusterController(this);
        auto *medications = new kiosk::ui::MedicationStoreController(this);
        medications->setDatabasePath(m_dir.filePath(QStringLiteral("meds.sqlite")));
        QVERIFY2(medications->open(), qPrintable(medications->error()));
        m_engine = new QQmlApplicationEngine(this);
        m_language->setEngine(m_engine);
        m_engine->addImportPath(QStringLiteral("qrc:/"));
        m_engine->setInitialProperties(
            {{QStringLiteral("app"), QVariant::fromValue(context)},
             {QStringLiteral("theme"), QVariant::fromValue(theme)},
             {QStringLiteral("language"), QVariant::fromValue(m_language)},
             {QStringLiteral("cluster"), QVariant::fromValue(cluster)},
             {QStringLiteral("medications"), QVariant::fromValue(medications)}});
        m_engine->load(QUrl(QStringLiteral("qrc:/Kilo/Ui/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void settingsChoiceSwitchesTheWindowLive() {
        QCOMPARE(text(QStringLiteral("nav_scan")), QStringLiteral("Scan"));
        railTitlesFit();
        tap(QStringLiteral("nav_settings"));
        QTRY_COMPARE(m_window->property("currentPage").toInt(), 3);
        QPointer<QQuickItem> rail = item(QStringLiteral("nav_medications"));
        QVERIFY(rail);
        QVERIFY(item(QStringLiteral("language_1"))->property("checked").toBool()); // English

        tap(QStringLiteral("language_2")); // Español
        QTRY_COMPARE(text(QStringLiteral("nav_scan")), QStringLiteral("Escanear"));
        QCOMPARE(text(QStringLiteral("nav_medications")), QStringLiteral("Medicamentos"));
        QCOMPARE(text(QStringLiteral("nav_settings")), QStringLiteral("Ajustes"));
        QCOMPARE(item(QStringLiteral("nav_medications")), rail.data()); // the same item
        QCOMPARE(m_language->language(), LanguagePreference::Language::Spanish);
        QTRY_VERIFY(item(QStringLiteral("language_2"))->property("checked").toBool());
        QCOMPARE(QLocale().language(), QLocale::Spanish);
        QTRY_VERIFY(item(QStringLiteral("nav_medications"))->width() > 0);
        QSignalSpy drawn(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        QVERIFY(drawn.wait());
        railTitlesFit();
        QCOMPARE(QSettings(m_dir.filePath(QStringLiteral("language.ini")), QSettings::IniFormat)
                     .value(QStringLiteral("appearance/language"))
                     .toString(),
                 QStringLiteral("es"));

        tap(QStringLiteral("language_1")); // English
        QTRY_COMPARE(text(QStringLiteral("nav_scan")), QStringLiteral("Scan"));
        QCOMPARE(text(QStringLiteral("nav_medications")), QStringLiteral("Medications"));
        QCOMPARE(item(QStringLiteral("nav_medications")), rail.data());
        QCOMPARE(QLocale().language(), QLocale::English);
    }
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_language_switch.moc"
