#include "aibrain/ai_brain_client.h"
#include "aibrain/engine_config.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using kiosk::aibrain::EngineConfig;
using kiosk::aibrain::EngineMode;

// Command line first, then the settings; the keychain is not asked here (readToken false).
class TestEngineConfig : public QObject {
    Q_OBJECT

private:
    QTemporaryDir config;
    static QSettings settings() {
        return QSettings(QStringLiteral("Kilo Guardian"), QStringLiteral("kilo-kiosk"));
    }

private slots:
    void initTestCase() {
        QVERIFY(config.isValid());
        qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    }
    void init() {
        auto s = settings();
        s.clear();
        s.sync();
    }

    void defaults() {
        auto c = EngineConfig::resolve({}, {}, 0, false);
        QVERIFY(c.ok());
        QCOMPARE(c.mode, EngineMode::Local);
        QVERIFY(c.url.isEmpty());

        c = EngineConfig::resolve({}, QStringLiteral("http://10.0.0.5:8000/"), 0, false);
        QVERIFY(c.ok());
        QCOMPARE(c.mode, EngineMode::Auto); // a URL is known: AI Brain when healthy
        QCOMPARE(c.url, QUrl(QStringLiteral("http://10.0.0.5:8000")));
    }

    void settingsAreUsedWhenTheCommandLineSaysNothing() {
        {
            auto s = settings();
            s.setValue(EngineConfig::UrlSetting,
                       QStringLiteral("http://kilo-ai-brain.kilo-guardian:8000"));
            s.setValue(EngineConfig::TimeoutSetting, 4000);
            s.sync();
        }
        auto c = EngineConfig::resolve(QStringLiteral("ai-brain"), {}, 0, false);
        QVERIFY2(c.ok(), qPrintable(c.error));
        QCOMPARE(c.mode, EngineMode::AiBrain);
        QCOMPARE(c.url.host(), QStringLiteral("kilo-ai-brain.kilo-guardian"));
        QCOMPARE(c.timeoutMs, 4000);

        c = EngineConfig::resolve(QStringLiteral("auto"), QStringLiteral("http://127.0.0.1:9"),
                                  1500, false);
        QCOMPARE(c.url, QUrl(QStringLiteral("http://127.0.0.1:9")));
        QCOMPARE(c.timeoutMs, 1500);

        kiosk::aibrain::ReadingEngine engine;
        c.apply(engine);
        QCOMPARE(engine.mode(), EngineMode::Auto);
        QCOMPARE(engine.client()->baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:9")));
        QCOMPARE(engine.client()->timeout(), 1500);
    }

    void errors() {
        auto c = EngineConfig::resolve(QStringLiteral("cloud"), {}, 0, false);
        QVERIFY(!c.ok());
        QVERIFY(c.error.contains(QStringLiteral("local|ai-brain|auto")));
        c = EngineConfig::resolve(QStringLiteral("ai-brain"), {}, 0, false);
        QVERIFY(c.error.contains(QStringLiteral("needs an AI Brain URL")));
        c = EngineConfig::resolve(QStringLiteral("ai-brain"), QStringLiteral("ftp://host/"), 0,
                                  false);
        QVERIFY(!c.ok());
        // auto without a URL is simply local reading.
        c = EngineConfig::resolve(QStringLiteral("auto"), {}, 0, false);
        QVERIFY(c.ok());
        QCOMPARE(c.mode, EngineMode::Auto);
    }
};

QTEST_GUILESS_MAIN(TestEngineConfig)
#include "tst_engine_config.moc"
