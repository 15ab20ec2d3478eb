// The built kilo-kiosk binary: version, help, errors and screenshots, as a user runs it.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestExecutable : public QObject {
    Q_OBJECT

    const QString binary = QStringLiteral(KIOSK_BINARY_DIR "/bin/kilo-kiosk");

    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Result run(const QStringList &args, int timeoutMs = 60000) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"),
                   QStringLiteral("minimal")); // subcommands must not care
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath("config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath("data"));
        env.remove(QStringLiteral("KUBECONFIG"));
        p.setProcessEnvironment(env);
        p.start(binary, args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QTemporaryDir m_home;

private slots:
    void version() {
        const auto r = run({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("kilo-kiosk "), qPrintable(r.out));
        QVERIFY(r.out.contains("Qt 6."));
    }

    void helpListsOptionsAndCommands() {
        const auto r = run({"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--demo"));
        QVERIFY(r.out.contains("--screenshot-dir"));
        QVERIFY(r.out.contains("Commands"));
        QVERIFY(r.out.contains("version"));
    }

    void subcommandRunsWithoutDisplay() {
        const auto r = run({"version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("kilo-kiosk "));
    }

    void unknownCommandIsOneClearLine() {
        const auto r = run({"frobnicate"});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed().count('\n'), 0);
        QVERIFY(r.err.startsWith("kilo-kiosk: error: unknown command 'frobnicate'"));
    }

    void screenshotsOfEveryPage() {
        QTemporaryDir out;
        const auto r = run({"--demo", "--screenshot-dir", out.path()}, 120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *page : {"scan", "medications", "cluster", "settings"}) {
            for (const char *suffix : {"", "-dark"}) {
                const QString file =
                    QDir(out.path()).filePath(QString::fromLatin1(page) + suffix + ".png");
                const QImage image(file);
                QVERIFY2(!image.isNull(), qPrintable(file));
                QCOMPARE(image.size(), QSize(1280, 800));
                QVERIFY(r.out.contains(file));
            }
        }
        // Light and dark really differ: the same pixel of the page background changes.
        const QImage light(QDir(out.path()).filePath("cluster.png"));
        const QImage dark(QDir(out.path()).filePath("cluster-dark.png"));
        QVERIFY(qGray(light.pixel(640, 700)) > 200);
        QVERIFY(qGray(dark.pixel(640, 700)) < 100);
    }

    // Reading labels is faster with one OpenMP thread on the tablet's cores; the UI reads them
    // too, so it runs with the limit (set before libgomp loads: seen in the process's own
    // starting environment), and a limit already given is kept.
    void uiRunsWithOneOpenMpThread_data() {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("ocrThreads");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("default") << QString() << QString() << QByteArray("OMP_THREAD_LIMIT=1");
        QTest::newRow("KIOSK_OCR_THREADS")
            << QString() << QStringLiteral("2") << QByteArray("OMP_THREAD_LIMIT=2");
        QTest::newRow("already set")
            << QStringLiteral("3") << QString() << QByteArray("OMP_THREAD_LIMIT=3");
    }
    void uiRunsWithOneOpenMpThread() {
        QFETCH(QString, given);
        QFETCH(QString, ocrThreads);
        QFETCH(QByteArray, expected);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("OMP_THREAD_LIMIT"));
        env.remove(QStringLiteral("KIOSK_OCR_THREADS"));
        if (!given.isEmpty())
            env.insert(QStringLiteral("OMP_THREAD_LIMIT"), given);
        if (!ocrThreads.isEmpty())
            env.insert(QStringLiteral("KIOSK_OCR_THREADS"), ocrThreads);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath("config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath("data"));
        env.remove(QStringLiteral("KUBECONFIG"));
        p.setProcessEnvironment(env);
        p.start(binary, {QStringLiteral("--demo")});
        QVERIFY(p.waitForStarted());
        const QString environ = QStringLiteral("/proc/%1/environ").arg(p.processId());
        const auto startingEnvironment = [&] {
            QFile file(environ);
            return file.open(QIODevice::ReadOnly) ? file.readAll().split('\0')
                                                  : QList<QByteArray>{};
        };
        QTRY_VERIFY_WITH_TIMEOUT(startingEnvironment().contains(expected), 20000);
        QCOMPARE(p.state(), QProcess::Running); // the same process, executed again, runs the UI
        p.kill();
        p.waitForFinished();
    }

    void screenshotDirThatCannotBeCreated() {
        const auto r = run({"--screenshot-dir", "/proc/kilo-kiosk-cannot-exist"}, 60000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot create folder"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestExecutable)
#include "tst_executable.moc"
