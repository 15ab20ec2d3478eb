#include "ui/theme_preference.h"

#include <QGuiApplication>
#include <QPalette>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kiosk::ui::ThemePreference;

class TestThemePreference : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> settings() {
        return std::make_unique<QSettings>(m_dir.filePath("kiosk.ini"), QSettings::IniFormat);
    }

private slots:
    void init() {
        QFile::remove(m_dir.filePath("kiosk.ini"));
        QGuiApplication::setPalette(QPalette());
    }

    void followsSystemByDefault() {
        ThemePreference theme(settings());
        QCOMPARE(theme.mode(), ThemePreference::Mode::System);
        QCOMPARE(theme.dark(), theme.systemDark());
    }

    void explicitChoiceOverridesAndPersists() {
        {
            ThemePreference theme(settings());
            QSignalSpy mode(&theme, &ThemePreference::modeChanged);
            QSignalSpy dark(&theme, &ThemePreference::darkChanged);
            theme.setMode(ThemePreference::Mode::Dark);
            QVERIFY(theme.dark());
            QCOMPARE(mode.count(), 1);
            QCOMPARE(dark.count(), 1);
            theme.setMode(ThemePreference::Mode::Dark); // no change, no signal
            QCOMPARE(mode.count(), 1);
        }
        ThemePreference reopened(settings());
        QCOMPARE(reopened.mode(), ThemePreference::Mode::Dark);
        QVERIFY(reopened.dark());
    }

    void systemPaletteChangeSwitchesTheme() {
        ThemePreference theme(settings());
        QVERIFY(!theme.dark());
        QSignalSpy dark(&theme, &ThemePreference::darkChanged);
        QPalette night;
        night.setColor(QPalette::Window, QColor(30, 30, 30));
        night.setColor(QPalette::WindowText, QColor(230, 230, 230));
        QGuiApplication::setPalette(night);
        QTRY_COMPARE(dark.count(), 1);
        QVERIFY(theme.dark());
        // An explicit light choice ignores the dark system.
        theme.setMode(ThemePreference::Mode::Light);
        QVERIFY(!theme.dark());
        QCOMPARE(dark.count(), 2);
    }
};

QTEST_MAIN(TestThemePreference)
#include "tst_theme_preference.moc"
