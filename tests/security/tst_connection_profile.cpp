#include "security/connection_profile.h"
#include "security/credential_key.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using kiosk::security::ConnectionProfile;
using kiosk::security::CredentialKey;

class TestConnectionProfile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshIni() { return m_dir.filePath(QStringLiteral("settings%1.ini").arg(++m_counter)); }

    static ConnectionProfile cluster() {
        ConnectionProfile p;
        p.server = QStringLiteral("https://10.0.0.1:6443");
        p.nameSpace = QStringLiteral("kilo-guardian");
        p.caFile = QStringLiteral("/etc/kilo-kiosk/ca.crt");
        return p;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void credentialKeyNormalisesServers() {
        QCOMPARE(CredentialKey::normalizeServer(QStringLiteral(" HTTPS://Kilo.Example:443/ ")),
                 QStringLiteral("https://kilo.example"));
        QCOMPARE(CredentialKey::normalizeServer(QStringLiteral("http://brain:80/api/")),
                 QStringLiteral("http://brain/api"));
        QCOMPARE(
            CredentialKey::normalizeServer(QStringLiteral("https://user:pw@10.0.0.1:6443/?q=1#f")),
            QStringLiteral("https://10.0.0.1:6443"));
        QCOMPARE(CredentialKey::normalizeServer(QStringLiteral("https://[fd00::1]:6443")),
                 QStringLiteral("https://[fd00::1]:6443"));
        const CredentialKey key(CredentialKey::ClusterToken,
                                QStringLiteral("https://10.0.0.1:6443/"));
        QVERIFY(key.isValid());
        QCOMPARE(key.keychainKey(), QStringLiteral("cluster-token https://10.0.0.1:6443"));
        QCOMPARE(CredentialKey::fromKeychainKey(key.keychainKey()),
                 std::optional<CredentialKey>(key));
        QVERIFY(!CredentialKey::fromKeychainKey(QStringLiteral("nospace")));
        QVERIFY(
            !CredentialKey(QStringLiteral("Cluster Token"), QStringLiteral("https://x")).isValid());
        QVERIFY(!CredentialKey(CredentialKey::AiBrainToken, QString()).isValid());
        QVERIFY(!CredentialKey(CredentialKey::AiBrainToken, QStringLiteral("not a url")).isValid());
    }

    void saveAndLoadRoundTrip() {
        QSettings settings(freshIni(), QSettings::IniFormat);
        ConnectionProfile p = cluster();
        QString error;
        QVERIFY2(p.save(settings, &error), qPrintable(error));
        const auto loaded = ConnectionProfile::load(settings);
        QVERIFY(loaded);
        QCOMPARE(*loaded, p);
        QCOMPARE(loaded->credentialKey(), CredentialKey(CredentialKey::ClusterToken,
                                                        QStringLiteral("https://10.0.0.1:6443")));
        QVERIFY(!ConnectionProfile::load(settings, ConnectionProfile::AiBrain));

        ConnectionProfile brain;
        brain.name = ConnectionProfile::AiBrain;
        brain.server = QStringLiteral("http://kilo-ai-brain.kilo-guardian:8000");
        brain.credentialKind = CredentialKey::AiBrainToken;
        QVERIFY(brain.save(settings));
        QCOMPARE(ConnectionProfile::names(settings),
                 (QStringList{QStringLiteral("ai-brain"), QStringLiteral("cluster")}));
        QCOMPARE(
            ConnectionProfile::load(settings, ConnectionProfile::AiBrain)->credentialKey().kind(),
            CredentialKey::AiBrainToken);

        ConnectionProfile::remove(settings, ConnectionProfile::Cluster);
        QVERIFY(!ConnectionProfile::load(settings));
        QCOMPARE(ConnectionProfile::names(settings), QStringList{QStringLiteral("ai-brain")});
    }

    void kubeconfigAndContextRoundTrip() {
        QSettings settings(freshIni(), QSettings::IniFormat);
        ConnectionProfile p = cluster();
        p.kubeconfig = QStringLiteral("/etc/rancher/k3s/k3s.yaml");
        p.context = QStringLiteral("default");
        QVERIFY(p.save(settings));
        QCOMPARE(*ConnectionProfile::load(settings), p);
        ConnectionProfile plain = cluster();
        QVERIFY(plain.save(settings));
        QVERIFY(ConnectionProfile::load(settings)->kubeconfig.isEmpty());
    }

    void savingReplacesTheWholeProfile() {
        QSettings settings(freshIni(), QSettings::IniFormat);
        ConnectionProfile p = cluster();
        p.insecureSkipTlsVerify = true;
        QVERIFY(p.save(settings));
        ConnectionProfile q = cluster();
        q.caFile.clear();
        QVERIFY(q.save(settings));
        QCOMPARE(*ConnectionProfile::load(settings), q);
    }

    void invalidProfilesAreNotSaved_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("no server") << "server"
                                   << "";
        QTest::newRow("ftp server") << "server"
                                    << "ftp://10.0.0.1";
        QTest::newRow("password in url") << "server"
                                         << "https://admin:hunter2@10.0.0.1:6443";
        QTest::newRow("query in url") << "server"
                                      << "https://10.0.0.1:6443/?token=abc";
        QTest::newRow("bad namespace") << "namespace"
                                       << "Kilo_Guardian";
        QTest::newRow("bad name") << "name"
                                  << "My Cluster";
        QTest::newRow("bad kind") << "kind"
                                  << "Token";
        QTest::newRow("token as ca path")
            << "ca"
            << "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJraW9zayJ9.c2lnbmF0dXJl";
        QTest::newRow("relative kubeconfig") << "kubeconfig"
                                             << "k3s.yaml";
        QTest::newRow("token as context")
            << "context"
            << "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJraW9zayJ9.c2lnbmF0dXJl";
    }

    void invalidProfilesAreNotSaved() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        ConnectionProfile p = cluster();
        if (field == u"server")
            p.server = value;
        else if (field == u"namespace")
            p.nameSpace = value;
        else if (field == u"name")
            p.name = value;
        else if (field == u"kind")
            p.credentialKind = value;
        else if (field == u"kubeconfig")
            p.kubeconfig = value;
        else if (field == u"context")
            p.context = value;
        else
            p.caFile = value;
        const QString ini = freshIni();
        {
            QSettings settings(ini, QSettings::IniFormat);
            QString error;
            QVERIFY(!p.save(settings, &error));
            QVERIFY(!error.isEmpty());
            QVERIFY2(!error.contains(QLatin1String("hunter2")) &&
                         !error.contains(QLatin1String("eyJzdWIi")),
                     qPrintable(error));
            QVERIFY(ConnectionProfile::names(settings).isEmpty());
        }
        QFile file(ini);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray content = file.readAll();
            QVERIFY(!content.contains("hunter2"));
            QVERIFY(!content.contains("eyJzdWIi"));
        }
    }

    void settingsFileHoldsNoSecret() {
        const QString ini = freshIni();
        {
            QSettings settings(ini, QSettings::IniFormat);
            QVERIFY(cluster().save(settings));
        }
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString content = QString::fromUtf8(file.readAll());
        QVERIFY(
            content.contains(QLatin1String("credentialEntry=cluster-token https://10.0.0.1:6443")));
        QVERIFY(!content.contains(QLatin1String("token="), Qt::CaseInsensitive));
    }

    void damagedEntriesDoNotLoad() {
        const QString ini = freshIni();
        {
            QSettings settings(ini, QSettings::IniFormat);
            settings.setValue(QStringLiteral("connections/cluster/server"),
                              QStringLiteral("not a url"));
        }
        QSettings settings(ini, QSettings::IniFormat);
        QVERIFY(!ConnectionProfile::load(settings));
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connection_profile.moc"
