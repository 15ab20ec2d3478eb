// No Secret Service: ctest runs this with DBUS_SESSION_BUS_ADDRESS pointing at a socket that does
// not exist. Saving a connection with a token fails with an error that names the keychain, and
// nothing is written: no profile, no token in any file.
#include "security/connection_profile.h"
#include "ui/ai_brain_settings.h"
#include "ui/app_context.h"
#include "ui/connection_settings.h"
#include "plain_text_scan.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using kiosk::ui::ConnectionSettings;

class TestConnectionSettingsNoKeychain : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    const QString m_token = QStringLiteral("no-keychain-cluster-token-8d2e");

    void verifyNoFileHolds(const QString &secret) {
        QCOMPARE(kiosk::test::filesHoldingPlainText(m_home.path(), secret), QStringList());
    }

private slots:
    void initTestCase() {
        QVERIFY(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS")
                    .contains(QLatin1String("/nonexistent/")));
        QVERIFY(m_home.isValid());
        QStandardPaths::setTestModeEnabled(true);
        qputenv("HOME", QFile::encodeName(m_home.path()));
    }

    void savingATokenWritesNothing() {
        const QString ini = m_home.filePath(QStringLiteral("settings.ini"));
        ConnectionSettings form(ini, QStringLiteral("kilo-kiosk-test"));
        QTRY_VERIFY(!form.busy());
        form.setServer(QStringLiteral("https://10.0.0.1:6443"));
        form.setToken(m_token);
        form.save();
        QTRY_VERIFY_WITH_TIMEOUT(!form.busy(), 30000);
        QCOMPARE(form.state(), ConnectionSettings::State::Failed);
        QVERIFY2(form.message().startsWith(QLatin1String("Nothing was saved")),
                 qPrintable(form.message()));
        QVERIFY2(form.message().contains(QLatin1String("keychain")), qPrintable(form.message()));
        QVERIFY2(form.message().contains(QLatin1String("Secret Service")),
                 qPrintable(form.message()));
        QVERIFY(!form.message().contains(m_token));
        QVERIFY(!form.hasSavedConnection());
        QSettings settings(ini, QSettings::IniFormat);
        QVERIFY(!kiosk::security::ConnectionProfile::load(settings));
        verifyNoFileHolds(m_token);
    }

    void aiBrainTokenWritesNothing() {
        kiosk::ui::AppContext app(std::make_unique<QSettings>(
            m_home.filePath(QStringLiteral("brain.ini")), QSettings::IniFormat));
        kiosk::ui::AiBrainSettings brain;
        brain.setApp(&app);
        brain.save(QStringLiteral("http://kilo-ai-brain.kilo-guardian:8000"), m_token);
        QTRY_VERIFY_WITH_TIMEOUT(!brain.busy(), 30000);
        QCOMPARE(brain.state(), kiosk::ui::AiBrainSettings::State::Failed);
        QVERIFY2(brain.message().contains(QLatin1String("keychain")), qPrintable(brain.message()));
        QVERIFY(app.aiBrainUrl().isEmpty());
        verifyNoFileHolds(m_token);
    }
};

QTEST_GUILESS_MAIN(TestConnectionSettingsNoKeychain)
#include "tst_connection_settings_no_keychain.moc"
