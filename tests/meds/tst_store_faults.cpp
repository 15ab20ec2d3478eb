// The medication store when its storage fails: a full disk (the process's file size limit,
// RLIMIT_FSIZE, so no mount is needed), a read-only storage (a read-only bind mount, as a memory
// card remounted read-only) and damaged database files. Each case: a clear error that names the
// file, every acknowledged record still there (read again through a new store), nothing written
// to a damaged file, and writing works again once the cause is gone, without a restart. Through
// the store, the CLI and the UI's store controller.
#include "meds/medication_store.h"
#include "meds/sync_ledger.h"
#include "ui/medication_store_controller.h"

#include "meds_cli_runner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cerrno>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace kiosk::meds;
using kiosk::ui::MedicationStoreController;

namespace {

Medication sample(int n, int rawTextBytes = 200) {
    static const char *names[] = {"Lisinopril", "Metformin", "Atorvastatin", "Levothyroxine",
                                  "Amlodipine"};
    Medication m;
    m.medicationName = QStringLiteral("%1 %2").arg(QLatin1String(names[n % 5])).arg(n);
    m.dosage = QStringLiteral("%1 mg").arg(5 * (n + 1));
    m.dosageForm = QStringLiteral("tablet");
    m.schedule = QStringLiteral("twice daily");
    m.instructions = QStringLiteral("Take one tablet by mouth twice daily with food");
    m.prescriber = QStringLiteral("Jane Smith");
    m.quantity = 60;
    m.engine = QStringLiteral("local");
    m.confidence = {{QStringLiteral("medication_name"), 0.9}};
    m.rawText = QString(rawTextBytes, QLatin1Char('a' + n % 26));
    return m;
}

QByteArray recordJson(int n, int rawTextBytes) {
    return QJsonDocument(sample(n, rawTextBytes).toJson()).toJson(QJsonDocument::Compact);
}

// What "the same records" means: every field the store keeps, with the id.
QJsonArray asJson(const QList<Medication> &records) {
    QJsonArray out;
    for (const Medication &m : records) {
        QJsonObject object = m.toJson();
        object.insert(QStringLiteral("id"), m.id);
        out.append(object);
    }
    return out;
}

// The list as a new store (a new connection, as after a restart) reads it.
QJsonArray reopened(const QString &path) {
    MedicationStore store(path);
    QString error;
    if (!store.open(&error))
        return QJsonArray{QStringLiteral("open failed: ") + error};
    const auto records = store.list(&error);
    if (!records)
        return QJsonArray{QStringLiteral("list failed: ") + error};
    return asJson(*records);
}

QByteArray digest(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "missing";
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

bool writeFile(const QString &path, const QByteArray &data) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// This process may write no file beyond `bytes` while it lives (a full disk for every file that
// must grow); SIGXFSZ is ignored so the write fails with EFBIG instead of killing the process.
class FileSizeLimit {
public:
    explicit FileSizeLimit(qint64 bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        const struct rlimit limit { rlim_t(bytes), m_saved.rlim_max };
        m_active = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit() { lift(); }
    bool active() const { return m_active; }
    void lift() {
        if (!m_active)
            return;
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_handler);
        m_active = false;
    }

private:
    struct rlimit m_saved {};
    void (*m_handler)(int) = SIG_DFL;
    bool m_active = false;
};

// Makes a folder read-only the way a memory card remounted read-only is (EROFS): a read-only
// bind mount in this process's own mount namespace (children started later share it). Where
// mounting is not allowed, the immutable attribute (chattr +i, EPERM) of the folder and its
// files. KIOSK_TEST_READONLY=chattr picks the second. Root ignores file permissions, so 0444
// would prove nothing here.
class ReadOnlyFolder {
public:
    explicit ReadOnlyFolder(const QString &folder)
        : m_folder(folder) {
        if (qEnvironmentVariable("KIOSK_TEST_READONLY") != u"chattr" && bindReadOnly())
            m_how = QStringLiteral("read-only bind mount");
        else if (setImmutable(true))
            m_how = QStringLiteral("chattr +i");
        else
            return;
        // It must really refuse a write, or the test would prove nothing.
        QFile probe(m_folder + QStringLiteral("/probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            probe.remove();
            m_why = QStringLiteral("%1 did not make %2 read-only").arg(m_how, m_folder);
            release();
            m_how.clear();
        }
    }
    ~ReadOnlyFolder() { release(); }
    bool active() const { return !m_how.isEmpty(); }
    QString how() const { return m_how; }
    QString why() const { return m_why; }
    void release() {
        if (m_mounted) {
            ::umount2(QFile::encodeName(m_folder).constData(), MNT_DETACH);
            m_mounted = false;
        }
        if (m_immutable) {
            setImmutable(false);
            m_immutable = false;
        }
    }

private:
    bool bindReadOnly() {
        static bool privateNamespace = false;
        if (!privateNamespace) {
            if (::unshare(CLONE_NEWNS) != 0 ||
                ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
                m_why = QStringLiteral("cannot make a mount namespace: %1")
                            .arg(QString::fromLocal8Bit(strerror(errno)));
                return false;
            }
            privateNamespace = true;
        }
        const QByteArray folder = QFile::encodeName(m_folder);
        if (::mount(folder.constData(), folder.constData(), nullptr, MS_BIND, nullptr) != 0) {
            m_why = QStringLiteral("cannot bind-mount %1: %2")
                        .arg(m_folder, QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        m_mounted = true;
        if (::mount(nullptr, folder.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY,
                    nullptr) != 0) {
            m_why = QStringLiteral("cannot remount %1 read-only: %2")
                        .arg(m_folder, QString::fromLocal8Bit(strerror(errno)));
            release();
            return false;
        }
        return true;
    }

    bool setImmutable(bool on) {
        QStringList paths{m_folder};
        for (const QString &name : QDir(m_folder).entryList(QDir::Files | QDir::Hidden))
            paths.append(m_folder + u'/' + name);
        const int status = QProcess::execute(
            QStringLiteral("chattr"),
            QStringList{on ? QStringLiteral("+i") : QStringLiteral("-i")} + paths);
        if (on && status != 0) {
            m_why += QStringLiteral("; chattr +i failed (status %1)").arg(status);
            setImmutable(false);
            return false;
        }
        m_immutable = on;
        return true;
    }

    QString m_folder;
    QString m_how;
    QString m_why;
    bool m_mounted = false;
    bool m_immutable = false;
};

// `kilo-kiosk meds ...` with this database, optionally under a file size limit of its own.
MedsCliRunner::Result meds(const QString &home, const QString &db, const QStringList &arguments,
                           const QByteArray &input = {}, qint64 fileSizeLimit = -1) {
    QProcess process;
    process.setProcessEnvironment(MedsCliRunner::environment(home));
    if (fileSizeLimit >= 0) {
        process.setChildProcessModifier([fileSizeLimit] {
            std::signal(SIGXFSZ, SIG_IGN);
            const struct rlimit limit { rlim_t(fileSizeLimit), RLIM_INFINITY };
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    }
    return MedsCliRunner::finish(
        process, QStringList{QStringLiteral("meds"), QStringLiteral("--db"), db} + arguments, input,
        60000);
}

QJsonArray cliList(const QString &home, const QString &db, QByteArray *err = nullptr) {
    const auto result = meds(home, db, {QStringLiteral("list"), QStringLiteral("--json")});
    if (err)
        *err = result.err;
    if (result.status != 0)
        return QJsonArray{QString::fromUtf8("meds list failed: " + result.err)};
    return QJsonDocument::fromJson(result.out).array();
}

QVariantMap controllerRecord(int n) {
    return sample(n).toJson().toVariantMap();
}

} // namespace

class TestStoreFaults : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_case = 0;

    // A folder of its own for each case (a read-only mount covers the whole folder).
    QString newDatabase() {
        const QString folder = m_dir.filePath(QStringLiteral("case%1").arg(++m_case));
        QDir().mkpath(folder);
        return folder + QStringLiteral("/medications.sqlite");
    }

    // n acknowledged records, the store closed afterwards (its log folded into the file).
    static QJsonArray seed(const QString &path, int n, int rawTextBytes = 200) {
        MedicationStore store(path);
        QString error;
        if (!store.open(&error))
            qFatal("cannot open %s: %s", qPrintable(path), qPrintable(error));
        for (int i = 0; i < n; ++i) {
            if (!store.add(sample(i, rawTextBytes), &error))
                qFatal("cannot seed: %s", qPrintable(error));
        }
        return asJson(*store.list(&error));
    }

    static void expectClearError(const QString &error, const QString &path, const char *what) {
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String(what)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Nothing was changed")), qPrintable(error));
    }

    static void expectCliError(const MedsCliRunner::Result &result, const QString &path,
                               const char *what) {
        QVERIFY2(result.status == 1, result.err.constData());
        QVERIFY2(result.out.isEmpty(), result.out.constData());
        QVERIFY2(result.err.startsWith("kilo-kiosk: error: "), result.err.constData());
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains(QFile::encodeName(path)), result.err.constData());
        QVERIFY2(result.err.contains(what), result.err.constData());
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // The store stays open while the disk fills: the change that needs room is refused (the
    // write-ahead log is what fails, part way through the change), the list is as it was, and
    // once there is room again the same store saves.
    void diskFullRefusesTheChangeAndKeepsEveryRecord() {
        const QString path = newDatabase();
        MedicationStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        for (int i = 0; i < 3; ++i)
            QVERIFY2(store.add(sample(i), &error), qPrintable(error));
        const QJsonArray saved = asJson(*store.list(&error));
        const QString wal = path + QStringLiteral("-wal");
        const qint64 walBefore = QFileInfo(wal).size();
        QVERIFY(walBefore > 0);

        {
            // Room for one more page of the log and a bit: the change (a long label text, many
            // pages) starts to be written and fails part way.
            FileSizeLimit full(walBefore + 4096 + 2048);
            QVERIFY(full.active());
            const auto added = store.add(sample(3, 60000), &error);
            QVERIFY(!added);
            QCOMPARE(store.lastFault(), StoreFault::StorageFull);
            qInfo("full disk: %s", qPrintable(error));
            expectClearError(error, path, "storage is full");
            QVERIFY2(QFileInfo(wal).size() > walBefore,
                     "the log was not written before the disk was full");

            // Every kind of change is refused the same way, and the list is what was acknowledged.
            Medication edited = *store.get(1, &error);
            edited.rawText = QString(30000, u'x');
            QVERIFY(!store.update(edited, &error));
            QCOMPARE(store.lastFault(), StoreFault::StorageFull);
            QVERIFY(!store.remove(2, &error));
            QCOMPARE(store.lastFault(), StoreFault::StorageFull);
            QCOMPARE(asJson(*store.list(&error)), saved);
            QCOMPARE(reopened(path), saved);
            QCOMPARE(store.lastFault(), StoreFault::None);
        }

        // Room again: the same store saves, with no restart.
        const auto added = store.add(sample(3, 60000), &error);
        QVERIFY2(added, qPrintable(error));
        QCOMPARE(store.lastFault(), StoreFault::None);
        const QJsonArray now = asJson(*store.list(&error));
        QCOMPARE(now.size(), saved.size() + 1);
        QCOMPARE(reopened(path), now);
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
        // Every acknowledged change, and only those, waits for the medication service.
        SyncLedger ledger(store);
        const auto pending = ledger.pending(&error);
        QVERIFY2(pending, qPrintable(error));
        QCOMPARE(pending->size(), 4);
        const auto first = store.get(1, &error);
        QVERIFY(first);
        QCOMPARE(first->rawText, sample(0).rawText);
    }

    // A full disk met by a store that was just opened: the first change after a restart.
    void diskFullThroughTheCli() {
        const QString home = m_dir.filePath(QStringLiteral("cli-home"));
        const QString path = newDatabase();
        for (int i = 0; i < 2; ++i)
            QCOMPARE(meds(home, path,
                          {QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-")},
                          recordJson(i, 200))
                         .status,
                     0);
        const QJsonArray saved = cliList(home, path);
        QCOMPARE(saved.size(), 2);

        // 40,000 bytes: the log's index file (32 KiB) fits, the record's pages do not.
        const auto refused =
            meds(home, path, {QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-")},
                 recordJson(2, 60000), 40000);
        qInfo("full disk, CLI: %s", refused.err.trimmed().constData());
        expectCliError(refused, path, "storage is full");
        QCOMPARE(cliList(home, path), saved);

        const auto added =
            meds(home, path, {QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-")},
                 recordJson(2, 60000));
        QVERIFY2(added.status == 0, added.err.constData());
        QCOMPARE(cliList(home, path).size(), 3);
    }

    // The tablet starts on a full disk, with no room even for the log's index file (-shm): the
    // list is read as it is and shown, changes are refused, and once there is room the same
    // store saves again. The CLI likewise.
    void diskFullAtStartStillShowsTheList() {
        const QString path = newDatabase();
        const QJsonArray saved = seed(path, 3);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm")));
        const QString home = m_dir.filePath(QStringLiteral("full-home"));
        {
            // No file may grow beyond 1,000 bytes: the 32 KiB index file cannot be made.
            FileSizeLimit full(1000);
            QVERIFY(full.active());
            MedicationStore store(path);
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
            QCOMPARE(store.readOnlyReason(), StoreFault::StorageFull);
            QVERIFY2(store.readOnlyMessage().contains(QStringLiteral("storage is full")),
                     qPrintable(store.readOnlyMessage()));
            QCOMPARE(asJson(*store.list(&error)), saved);
            QVERIFY(!store.add(sample(5), &error));
            QCOMPARE(store.lastFault(), StoreFault::StorageFull);
            expectClearError(error, path, "storage is full");
            QCOMPARE(asJson(*store.list(&error)), saved);
            full.lift();

            QVERIFY2(store.add(sample(5), &error), qPrintable(error));
            QCOMPARE(store.readOnlyReason(), StoreFault::None);
            QCOMPARE(store.list(&error)->size(), saved.size() + 1);
        }
        QCOMPARE(reopened(path).size(), saved.size() + 1);

        // The page's store likewise: the list shown, the reason above it, then saving again.
        {
            MedicationStoreController controller;
            controller.setDatabasePath(path);
            {
                FileSizeLimit full(1000);
                controller.componentComplete();
                QVERIFY2(controller.ready(), qPrintable(controller.error()));
                QVERIFY(controller.readOnly());
                QVERIFY2(controller.notice().contains(QStringLiteral("storage is full")),
                         qPrintable(controller.notice()));
                QCOMPARE(controller.count(), saved.size() + 1);
                QVERIFY(controller.add(controllerRecord(6)).contains(QStringLiteral("error")));
                QCOMPARE(controller.faultKind(), QStringLiteral("storage-full"));
                QCOMPARE(controller.count(), saved.size() + 1);
            }
            QSignalSpy state(&controller, &MedicationStoreController::stateChanged);
            QVERIFY(controller.add(controllerRecord(6)).contains(QStringLiteral("id")));
            QVERIFY(!controller.readOnly());
            QVERIFY(state.count() > 0);
            QVERIFY(controller.notice().isEmpty());
            QCOMPARE(controller.count(), saved.size() + 2);
        }

        QByteArray warning;
        const auto listed =
            meds(home, path, {QStringLiteral("list"), QStringLiteral("--json")}, {}, 1000);
        QVERIFY2(listed.status == 0, listed.err.constData());
        QVERIFY2(listed.err.contains("storage is full"), listed.err.constData());
        QCOMPARE(QJsonDocument::fromJson(listed.out).array().size(), saved.size() + 2);
        expectCliError(meds(home, path,
                            {QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-")},
                            recordJson(7, 100), 1000),
                       path, "storage is full");
        QCOMPARE(cliList(home, path, &warning).size(), saved.size() + 2);
        QVERIFY(warning.isEmpty());
    }

    // The page's store: a refused change leaves the list it shows as it was and says why.
    void diskFullControllerKeepsTheList() {
        const QString path = newDatabase();
        MedicationStoreController controller;
        controller.setDatabasePath(path);
        controller.componentComplete();
        QVERIFY2(controller.ready(), qPrintable(controller.error()));
        for (int i = 0; i < 2; ++i)
            QVERIFY(controller.add(controllerRecord(i)).contains(QStringLiteral("id")));
        const QList<Medication> shown = controller.records();
        const qint64 walSize = QFileInfo(path + QStringLiteral("-wal")).size();

        QSignalSpy saveErrors(&controller, &MedicationStoreController::saveErrorChanged);
        {
            FileSizeLimit full(walSize);
            QVERIFY(full.active());
            QVariantMap record = controllerRecord(2);
            record.insert(QStringLiteral("raw_text"), QString(50000, u'r'));
            const QVariantMap result = controller.add(record);
            QVERIFY(!result.contains(QStringLiteral("id")));
            QVERIFY2(result.value(QStringLiteral("error"))
                         .toString()
                         .contains(QStringLiteral("storage is full")),
                     qPrintable(result.value(QStringLiteral("error")).toString()));
            QVERIFY(!controller.stop(shown.first().id).isEmpty());
        }
        QVERIFY(saveErrors.count() >= 1);
        QCOMPARE(controller.faultKind(), QStringLiteral("storage-full"));
        QVERIFY(controller.saveError().contains(path));
        QCOMPARE(controller.notice(), controller.saveError());
        QCOMPARE(controller.count(), 2);
        QCOMPARE(asJson(controller.records()), asJson(shown));
        QVERIFY(controller.ready());

        // Room again: the next change works and the error goes.
        QVERIFY(controller.add(controllerRecord(2)).contains(QStringLiteral("id")));
        QVERIFY(controller.saveError().isEmpty());
        QVERIFY(controller.faultKind().isEmpty());
        QVERIFY(controller.notice().isEmpty());
        QCOMPARE(controller.count(), 3);
    }

    // The tablet starts with its storage read-only: the list is shown, changes are refused with
    // the reason, and once the storage can be written again all is there and changes work.
    void readOnlyStorageShowsTheListAndRefusesChanges() {
        const QString path = newDatabase();
        const QJsonArray saved = seed(path, 3);
        const QByteArray before = digest(path);
        {
            ReadOnlyFolder readOnly(QFileInfo(path).absolutePath());
            QVERIFY2(readOnly.active(), qPrintable(readOnly.why()));
            qInfo("read-only storage made with: %s", qPrintable(readOnly.how()));

            MedicationStore store(path);
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
            QCOMPARE(store.readOnlyReason(), StoreFault::ReadOnly);
            QVERIFY2(store.readOnlyMessage().contains(QStringLiteral("read-only")),
                     qPrintable(store.readOnlyMessage()));
            QCOMPARE(asJson(*store.list(&error)), saved);

            QVERIFY(!store.add(sample(7), &error));
            QCOMPARE(store.lastFault(), StoreFault::ReadOnly);
            qInfo("read-only: %s", qPrintable(error));
            expectClearError(error, path, "read-only");
            QVERIFY(!store.setActive(1, false, &error));
            QCOMPARE(store.lastFault(), StoreFault::ReadOnly);
            QVERIFY(!store.remove(2, &error));
            QCOMPARE(store.lastFault(), StoreFault::ReadOnly);
            QCOMPARE(asJson(*store.list(&error)), saved);

            // The CLI (a child process, same storage): reads with a warning, refuses a change.
            const QString home = m_dir.filePath(QStringLiteral("ro-home"));
            QByteArray warning;
            QCOMPARE(cliList(home, path, &warning).size(), saved.size());
            QVERIFY2(warning.contains("read-only"), warning.constData());
            expectCliError(
                meds(home, path,
                     {QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-")},
                     recordJson(7, 100)),
                path, "read-only");
            expectCliError(meds(home, path, {QStringLiteral("delete"), QStringLiteral("1")}), path,
                           "read-only");

            // The page's store: ready, read-only, saying why, the list shown.
            MedicationStoreController controller;
            controller.setDatabasePath(path);
            controller.componentComplete();
            QVERIFY2(controller.ready(), qPrintable(controller.error()));
            QVERIFY(controller.readOnly());
            QVERIFY(controller.notice().contains(QStringLiteral("read-only")));
            QCOMPARE(controller.count(), 3);
            QVERIFY(!controller.remove(1).isEmpty());
            QCOMPARE(controller.faultKind(), QStringLiteral("read-only"));
            QCOMPARE(controller.count(), 3);
        }
        QCOMPARE(digest(path), before);
        QCOMPARE(reopened(path), saved);
        MedicationStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.readOnlyReason(), StoreFault::None);
        QVERIFY2(store.add(sample(7), &error), qPrintable(error));
        QCOMPARE(store.list(&error)->size(), 4);
    }

    // The storage turns read-only while acknowledged changes are still only in the write-ahead
    // log (the app was running): they are read from the log, not lost.
    void readOnlyStorageKeepsChangesStillInTheLog() {
        const QString path = newDatabase();
        MedicationStore writer(path);
        QString error;
        QVERIFY2(writer.open(&error), qPrintable(error));
        for (int i = 0; i < 3; ++i)
            QVERIFY2(writer.add(sample(i), &error), qPrintable(error));
        const QJsonArray saved = asJson(*writer.list(&error));
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);

        ReadOnlyFolder readOnly(QFileInfo(path).absolutePath());
        QVERIFY2(readOnly.active(), qPrintable(readOnly.why()));
        MedicationStore reader(path);
        QVERIFY2(reader.open(&error), qPrintable(error));
        QCOMPARE(reader.readOnlyReason(), StoreFault::ReadOnly);
        QCOMPARE(asJson(*reader.list(&error)), saved);
        QVERIFY(!reader.add(sample(5), &error));
        QCOMPARE(reader.lastFault(), StoreFault::ReadOnly);
    }

    void damagedDatabase_data() {
        QTest::addColumn<QString>("damage");
        QTest::newRow("garbage in the middle pages") << QStringLiteral("garbage");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("not an SQLite file") << QStringLiteral("not-sqlite");
        QTest::newRow("zero length") << QStringLiteral("empty");
    }

    // A damaged file is never written, replaced or "repaired": it is read as far as SQLite can,
    // or refused, with a message that names it; once the good file is back, all is there.
    void damagedDatabase() {
        QFETCH(QString, damage);
        const QString path = newDatabase();
        const QJsonArray saved = seed(path, 40, 2000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray good = file.readAll();
        file.close();
        QVERIFY(good.size() > 16 * 4096);

        QByteArray bad = good;
        if (damage == u"garbage") {
            QRandomGenerator random(15);
            const qsizetype pages = good.size() / 4096;
            for (qsizetype page = pages / 2; page < pages / 2 + 3; ++page) {
                for (qsizetype i = page * 4096; i < (page + 1) * 4096; ++i)
                    bad[i] = char(random.bounded(256));
            }
        } else if (damage == u"truncated") {
            bad.truncate(good.size() / 2 + 1000);
        } else if (damage == u"not-sqlite") {
            bad = QByteArray("Medication list, printed 2026-01-06\nLisinopril 10 mg twice daily\n")
                      .repeated(200);
        } else {
            bad.clear();
        }
        QVERIFY(writeFile(path, bad));
        const QByteArray damaged = digest(path);

        {
            MedicationStore store(path);
            QString error;
            const bool opened = store.open(&error);
            qInfo("%s: %s", opened ? "opened read-only" : "refused",
                  qPrintable(opened ? store.readOnlyMessage() : error));
            if (opened) {
                // Readable in part: shown read-only, and the reason says which file is damaged.
                QCOMPARE(store.readOnlyReason(), StoreFault::Damaged);
                QVERIFY2(store.readOnlyMessage().contains(path),
                         qPrintable(store.readOnlyMessage()));
                QVERIFY2(store.readOnlyMessage().contains(QStringLiteral("damaged")),
                         qPrintable(store.readOnlyMessage()));
                const auto records = store.list(&error);
                qInfo("  list: %s", records ? qPrintable(QStringLiteral("%1 of %2 records")
                                                             .arg(records->size())
                                                             .arg(saved.size()))
                                            : qPrintable(error));
                if (!records) {
                    QCOMPARE(store.lastFault(), StoreFault::Damaged);
                    QVERIFY2(error.contains(path) && error.contains(QStringLiteral("damaged")),
                             qPrintable(error));
                } else {
                    // What is shown is what was saved: whole records, not garbage.
                    QHash<qint64, QJsonObject> byId;
                    for (const QJsonValue &value : saved)
                        byId.insert(value[QStringLiteral("id")].toInteger(), value.toObject());
                    for (QJsonValue value : asJson(*records)) {
                        QJsonObject shown = value.toObject();
                        QJsonObject expected = byId.value(shown[QStringLiteral("id")].toInteger());
                        shown.remove(QStringLiteral("sync_state"));
                        expected.remove(QStringLiteral("sync_state"));
                        QCOMPARE(shown, expected);
                    }
                }
                if (damage == u"garbage") // three pages of forty records: most are still readable
                    QVERIFY2(records && records->size() >= saved.size() / 2, qPrintable(error));
                // Records in the first half are still there (how many depends on the row size: 9 of
                // 40 since schema 4 added dose times, 12 before).
                if (damage == u"truncated")
                    QVERIFY2(records && records->size() >= saved.size() / 5, qPrintable(error));
                QVERIFY(!store.add(sample(50), &error));
                QCOMPARE(store.lastFault(), StoreFault::Damaged);
                expectClearError(error, path, "damaged");
                QVERIFY(!store.remove(1, &error));
                QCOMPARE(store.lastFault(), StoreFault::Damaged);
            } else {
                QCOMPARE(store.lastFault(), StoreFault::Damaged);
                expectClearError(error, path, "damaged");
                QVERIFY(!store.isOpen());
            }
        }
        QCOMPARE(digest(path), damaged);

        // The CLI: a change is refused with the same reason; the file is still untouched.
        const QString home = m_dir.filePath(QStringLiteral("damaged-home"));
        expectCliError(meds(home, path,
                            {QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-"),
                             QStringLiteral("--allow-duplicate")},
                            recordJson(50, 100)),
                       path, "damaged");
        const auto listed = meds(home, path, {QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(listed.err.contains("damaged") && listed.err.contains(QFile::encodeName(path)),
                 listed.err.constData());
        QCOMPARE(digest(path), damaged);

        // The page's store: never an empty list that looks like "no medications yet".
        {
            MedicationStoreController controller;
            controller.setDatabasePath(path);
            controller.componentComplete();
            if (controller.ready()) {
                QVERIFY(controller.readOnly());
                QVERIFY(controller.notice().contains(QStringLiteral("damaged")));
            } else {
                QVERIFY2(controller.error().contains(QStringLiteral("damaged")),
                         qPrintable(controller.error()));
                QCOMPARE(controller.faultKind(), QStringLiteral("damaged"));
                QCOMPARE(controller.count(), 0);
            }
        }
        QCOMPARE(digest(path), damaged);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")) ||
                QFileInfo(path + QStringLiteral("-wal")).size() == 0);

        // The good file back (a backup restored): every record is there and changes work.
        QVERIFY(writeFile(path, good));
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        QCOMPARE(reopened(path), saved);
        MedicationStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.readOnlyReason(), StoreFault::None);
        QVERIFY2(store.add(sample(50), &error), qPrintable(error));
    }

    // A new database is made whole before it has its name, so a new list is never an empty file
    // (which the store would take for a damaged one), also when two processes make it at once.
    void newDatabaseIsNeverAnEmptyFile() {
        const QString path = newDatabase();
        {
            MedicationStore first(path);
            MedicationStore second(path);
            QString error;
            QVERIFY2(first.open(&error), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 0);
            QVERIFY2(second.open(&error), qPrintable(error));
            QVERIFY2(first.add(sample(1), &error), qPrintable(error));
            QCOMPARE(second.list(&error)->size(), 1);
        }
        const QStringList left =
            QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(left, QStringList{QStringLiteral("medications.sqlite")});
    }
};

QTEST_MAIN(TestStoreFaults)
#include "tst_store_faults.moc"
