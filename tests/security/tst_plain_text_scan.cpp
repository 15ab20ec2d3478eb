#include "plain_text_scan.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using kiosk::test::filesHoldingPlainText;
using kiosk::test::SecretStore;

// The scan every keychain test relies on must be able to find what it looks for.
class TestPlainTextScan : public QObject {
    Q_OBJECT
private:
    static void write(const QString &path, const QByteArray &bytes) {
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private slots:
    void findsAPlantedSecret() {
        QTemporaryDir home;
        const QString secret = QStringLiteral("tok-3f9a61c2");
        write(home.filePath(QStringLiteral("config/kilo-kiosk/settings.ini")),
              "[ai]\nurl=http://x\n");
        QCOMPARE(filesHoldingPlainText(home.path(), secret), QStringList());
        write(home.filePath(QStringLiteral("cache/.hidden/log.txt")), "token: tok-3f9a61c2\n");
        QCOMPARE(filesHoldingPlainText(home.path(), secret),
                 QStringList{home.filePath(QStringLiteral("cache/.hidden/log.txt"))});
    }
    void keyringFolderIsSearchedWhenItIsTheOneScanned() {
        QTemporaryDir home;
        const QString secret = QStringLiteral("pin-884211");
        const QString keyring = home.filePath(QStringLiteral("data/keyrings/login.keyring"));
        write(keyring, "plain pin-884211 would be a leak");
        // From the home folder the encrypted store is left out...
        QCOMPARE(filesHoldingPlainText(home.path(), secret), QStringList());
        // ...but scanning the keyring folder itself, or asking for the store, finds it.
        QCOMPARE(filesHoldingPlainText(home.filePath(QStringLiteral("data/keyrings")), secret),
                 QStringList{keyring});
        QCOMPARE(filesHoldingPlainText(home.path(), secret, SecretStore::Search),
                 QStringList{keyring});
    }
};

QTEST_GUILESS_MAIN(TestPlainTextScan)
#include "tst_plain_text_scan.moc"
