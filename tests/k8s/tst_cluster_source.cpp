#include "k8s/cluster_source.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using kiosk::k8s::ClusterSource;

class TestClusterSource : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString touch(const QString &relative) {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write("apiVersion: v1\n");
        return path;
    }

private slots:
    void nothingConfigured() {
        const auto s = ClusterSource::locate({}, QProcessEnvironment(), m_dir.filePath("nohome"),
                                             m_dir.filePath("nosa"));
        QCOMPARE(s.kind, ClusterSource::Kind::None);
        QVERIFY(!s.isConfigured());
        QCOMPARE(s.description(), QStringLiteral("no cluster configured"));
    }

    void serverFlagWins() {
        QProcessEnvironment env;
        env.insert("KUBECONFIG", touch("a/config"));
        const auto s =
            ClusterSource::locate({"http://127.0.0.1:6443", "", "", ""}, env, m_dir.path());
        QCOMPARE(s.kind, ClusterSource::Kind::Server);
        QCOMPARE(s.location, QStringLiteral("http://127.0.0.1:6443"));
    }

    void explicitKubeconfigEvenIfMissing() {
        const auto s = ClusterSource::locate({"", "/nope/config", "k3s", ""}, QProcessEnvironment(),
                                             m_dir.path());
        QCOMPARE(s.kind, ClusterSource::Kind::Kubeconfig);
        QCOMPARE(s.location, QStringLiteral("/nope/config"));
        QCOMPARE(s.description(), QStringLiteral("kubeconfig /nope/config (context k3s)"));
    }

    void kubeconfigEnvTakesFirstExistingFile() {
        const QString second = touch("b/config");
        QProcessEnvironment env;
        env.insert("KUBECONFIG", m_dir.filePath("missing") + QDir::listSeparator() + second);
        const auto s = ClusterSource::locate({}, env, m_dir.filePath("nohome"));
        QCOMPARE(s.kind, ClusterSource::Kind::Kubeconfig);
        QCOMPARE(s.location, second);
    }

    void homeKubeConfig() {
        const QString path = touch("home/.kube/config");
        const auto s = ClusterSource::locate({}, QProcessEnvironment(), m_dir.filePath("home"));
        QCOMPARE(s.kind, ClusterSource::Kind::Kubeconfig);
        QCOMPARE(s.location, path);
    }

    void inClusterNeedsHostAndToken() {
        QProcessEnvironment env;
        env.insert("KUBERNETES_SERVICE_HOST", "10.43.0.1");
        const QString sa = m_dir.filePath("sa");
        QCOMPARE(ClusterSource::locate({}, env, m_dir.filePath("nohome"), sa).kind,
                 ClusterSource::Kind::None);
        touch("sa/token");
        const auto s = ClusterSource::locate({}, env, m_dir.filePath("nohome"), sa);
        QCOMPARE(s.kind, ClusterSource::Kind::InCluster);
        QCOMPARE(s.description(), QStringLiteral("in-cluster service account"));
    }
};

QTEST_GUILESS_MAIN(TestClusterSource)
#include "tst_cluster_source.moc"
