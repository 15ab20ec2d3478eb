#include "ui/text_size_preference.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kiosk::ui::TextSizePreference;

class TestTextSizePreference : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> settings() {
        return std::make_unique<QSettings>(m_dir.filePath("kiosk.ini"), QSettings::IniFormat);
    }

private slots:
    void init() { QFile::remove(m_dir.filePath("kiosk.ini")); }

    void normalByDefault() {
        TextSizePreference text(settings());
        QVERIFY(!text.large());
        QCOMPARE(text.scale(), 1.0);
    }

    void choiceScalesAndPersists() {
        {
            TextSizePreference text(settings());
            QSignalSpy changed(&text, &TextSizePreference::largeChanged);
            text.setLarge(true);
            QVERIFY(text.large());
            QCOMPARE(text.scale(), 1.3);
            QCOMPARE(changed.count(), 1);
            text.setLarge(true); // no change, no signal
            QCOMPARE(changed.count(), 1);
        }
        TextSizePreference reopened(settings());
        QVERIFY(reopened.large());
        QCOMPARE(QSettings(m_dir.filePath("kiosk.ini"), QSettings::IniFormat)
                     .value("appearance/largeText")
                     .toBool(),
                 true);
    }

    void launchOptionAppliesWithoutSaving() {
        TextSizePreference text(settings());
        QSignalSpy changed(&text, &TextSizePreference::largeChanged);
        text.overrideForThisRun(true);
        QVERIFY(text.large());
        QCOMPARE(changed.count(), 1);
        QVERIFY(!QSettings(m_dir.filePath("kiosk.ini"), QSettings::IniFormat)
                     .contains("appearance/largeText"));
        QVERIFY(!TextSizePreference(settings()).large());
    }
};

QTEST_MAIN(TestTextSizePreference)
#include "tst_text_size_preference.moc"
