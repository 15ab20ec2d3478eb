#include "ui/app_context.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kiosk::ui::AppContext;

class TestAppContext : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> settings() {
        return std::make_unique<QSettings>(m_dir.filePath("kiosk.ini"), QSettings::IniFormat);
    }

private slots:
    void serviceUrlValidation_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty clears") << "" << true;
        QTest::newRow("http") << "http://kilo-ai-brain.kilo-guardian:8000" << true;
        QTest::newRow("https") << " https://brain.local/api " << true;
        QTest::newRow("ftp") << "ftp://brain.local" << false;
        QTest::newRow("no host") << "http://" << false;
        QTest::newRow("words") << "not a url" << false;
        QTest::newRow("credentials") << "http://user:secret@brain.local" << false;
    }

    void serviceUrlValidation() {
        QFETCH(QString, url);
        QFETCH(bool, ok);
        QCOMPARE(AppContext::validateServiceUrl(url).isEmpty(), ok);
    }

    void aiBrainUrlPersistsOnlyWhenValid() {
        {
            AppContext context(settings());
            QSignalSpy changed(&context, &AppContext::aiBrainUrlChanged);
            QVERIFY(!context.setAiBrainUrl("ftp://x").isEmpty());
            QCOMPARE(context.aiBrainUrl(), QString());
            QCOMPARE(changed.count(), 0);
            QVERIFY(context.setAiBrainUrl(" http://brain:8000 ").isEmpty());
            QCOMPARE(context.aiBrainUrl(), QStringLiteral("http://brain:8000"));
            QCOMPARE(changed.count(), 1);
        }
        AppContext reopened(settings());
        QCOMPARE(reopened.aiBrainUrl(), QStringLiteral("http://brain:8000"));
        QVERIFY(reopened.setAiBrainUrl("").isEmpty());
        AppContext cleared(settings());
        QCOMPARE(cleared.aiBrainUrl(), QString());
    }
};

QTEST_GUILESS_MAIN(TestAppContext)
#include "tst_app_context.moc"
