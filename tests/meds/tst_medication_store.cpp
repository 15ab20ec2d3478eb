// The SQLite store: files and permissions, migrations, writes, undo, duplicates, photos.
#include "meds/dose_log.h"
#include "meds/medication_store.h"
#include "meds/migrations.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSet>
#include <QTest>
#include <QUuid>

#include <sys/stat.h>

using namespace kiosk::meds;

namespace {

Medication sample(const QString &name = QStringLiteral("Lisinopril"),
                  const QString &dosage = QStringLiteral("10 mg")) {
    Medication m;
    m.medicationName = name;
    m.dosage = dosage;
    m.dosageForm = QStringLiteral("tablet");
    m.schedule = QStringLiteral("twice daily");
    m.instructions = QStringLiteral("Take one tablet by mouth twice daily with food");
    m.prescriber = QStringLiteral("Jane Smith");
    m.quantity = 60;
    m.refills = 2;
    m.rxNumber = QStringLiteral("6084521");
    m.engine = QStringLiteral("local");
    m.confidence = {{QStringLiteral("medication_name"), 0.97}, {QStringLiteral("dosage"), 0.5}};
    m.needsReview = {QStringLiteral("dosage")};
    m.rawText = QStringLiteral("LISINOPRIL 10MG\nTAKE ONE TABLET");
    return m;
}

int mode(const QString &path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

// Runs one statement on a connection of the test's own, outside the store.
QVariant scalar(const QString &database, const QString &sql) {
    QVariant result;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(database);
        if (!db.open())
            qFatal("cannot open probe connection");
        QSqlQuery query(db);
        if (query.exec(sql) && query.next())
            result = query.value(0);
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    return result;
}

} // namespace

class TestMedicationStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name = QStringLiteral("meds.sqlite")) const {
        return m_dir.filePath(name);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void defaultLocationIsAppData() {
        qunsetenv("KILO_KIOSK_MEDS_DB");
        QVERIFY(MedicationStore::defaultDatabasePath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        qputenv("KILO_KIOSK_MEDS_DB", "/tmp/elsewhere.sqlite");
        QCOMPARE(MedicationStore::defaultDatabasePath(), QStringLiteral("/tmp/elsewhere.sqlite"));
        qunsetenv("KILO_KIOSK_MEDS_DB");
    }

    void openCreatesOwnerOnlyFiles() {
        const QString file = m_dir.filePath(QStringLiteral("new/folder/meds.sqlite"));
        MedicationStore store(file);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(mode(QFileInfo(file).absolutePath()), 0700);
        QCOMPARE(mode(file), 0600);
        QVERIFY(store.add(sample(), &error));
        QCOMPARE(mode(file + QStringLiteral("-wal")), 0600);
        QCOMPARE(store.schemaVersion(), Migrations::latestVersion());
        QCOMPARE(scalar(file, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    }

    void openRefusesWhatIsNotADatabase() {
        QFile junk(path(QStringLiteral("junk.sqlite")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        MedicationStore store(junk.fileName());
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY2(error.contains(junk.fileName()), qPrintable(error));
        QVERIFY(!store.isOpen());
    }

    void roundTrip() {
        MedicationStore store(path());
        QString error;
        QVERIFY(store.open(&error));
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const auto stored = store.add(sample(), &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(stored->id > 0);
        QVERIFY(stored->createdAt >= before);
        QCOMPARE(stored->createdAt, stored->updatedAt);
        QCOMPARE(stored->timesPerDay, std::optional<int>(2)); // normalised from the schedule
        QCOMPARE(stored->confidence.value(QStringLiteral("medication_name")), 0.97);
        QCOMPARE(stored->needsReview, QStringList{QStringLiteral("dosage")});
        QCOMPARE(stored->rawText, sample().rawText);
        QVERIFY(stored->active);

        // A second store on the same file (another process would do the same) sees it.
        MedicationStore other(path());
        QVERIFY(other.open(&error));
        const auto again = other.get(stored->id, &error);
        QVERIFY(again);
        QCOMPARE(again->toJson(), stored->toJson());
    }

    void minimalRecord() {
        MedicationStore store(path(QStringLiteral("minimal.sqlite")));
        QString error;
        QVERIFY(store.open(&error));
        Medication m;
        m.medicationName = QStringLiteral("Ibuprofen");
        m.schedule = QStringLiteral("as needed");
        const auto stored = store.add(m, &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(stored->asNeeded);
        QVERIFY(stored->dosage.isEmpty());
        QVERIFY(!stored->quantity);
        QCOMPARE(stored->toJson().value(QStringLiteral("rx_number")).type(), QJsonValue::Null);
    }

    void invalidWriteChangesNothing() {
        MedicationStore store(path(QStringLiteral("invalid.sqlite")));
        QString error;
        QVERIFY(store.open(&error));
        QVERIFY(store.add(sample(), &error));
        Medication bad = sample(QStringLiteral("Metformin"));
        bad.schedule = QStringLiteral("sometimes");
        QVERIFY(!store.add(bad, &error));
        QVERIFY(error.contains(QStringLiteral("schedule \"sometimes\"")));
        QCOMPARE(store.list(&error)->size(), 1);

        Medication edit = store.list(&error)->first();
        edit.quantity = -3;
        QVERIFY(!store.update(edit, &error));
        QCOMPARE(store.get(edit.id, &error)->quantity, std::optional<int>(60));

        Medication ghost = sample();
        ghost.id = 9999;
        QVERIFY(!store.update(ghost, &error));
        QVERIFY(error.contains(QStringLiteral("no medication with id 9999")));
    }

    void updateStopAndRestart() {
        MedicationStore store(path(QStringLiteral("update.sqlite")));
        QString error;
        QVERIFY(store.open(&error));
        auto m = *store.add(sample(), &error);
        QTest::qWait(5);
        m.dosage = QStringLiteral("20 mg");
        m.confidence.remove(QStringLiteral("dosage"));
        const auto updated = store.update(m, &error);
        QVERIFY2(updated, qPrintable(error));
        QCOMPARE(updated->dosage, QStringLiteral("20 mg"));
        QCOMPARE(updated->createdAt, m.createdAt);
        QVERIFY(updated->updatedAt > m.updatedAt);
        QCOMPARE(updated->confidence.size(), 1);

        const auto stopped = store.setActive(m.id, false, &error);
        QVERIFY(stopped && !stopped->active);
        QVERIFY(stopped->stoppedAt.isValid());
        const auto restarted = store.setActive(m.id, true, &error);
        QVERIFY(restarted->active);
        QVERIFY(!restarted->stoppedAt.isValid());
        QVERIFY(!store.setActive(424242, false, &error));
    }

    void removeAndRestore() {
        MedicationStore store(path(QStringLiteral("remove.sqlite")));
        QString error;
        QVERIFY(store.open(&error));
        const auto kept =
            *store.add(sample(QStringLiteral("Atorvastatin"), QStringLiteral("40 mg")), &error);
        const auto m = *store.add(sample(), &error);
        const auto removed = store.remove(m.id, &error);
        QVERIFY(removed);
        QCOMPARE(removed->toJson(), m.toJson());
        QVERIFY(!store.get(m.id, &error));
        QCOMPARE(
            scalar(path(QStringLiteral("remove.sqlite")),
                   QStringLiteral("SELECT count(*) FROM field_confidence WHERE medication_id = %1")
                       .arg(m.id))
                .toInt(),
            0);
        QVERIFY(!store.remove(m.id, &error));

        const auto restored = store.restore(*removed, &error);
        QVERIFY2(restored, qPrintable(error));
        QCOMPARE(restored->toJson(), m.toJson());
        QCOMPARE(store.list(&error)->size(), 2);
        QVERIFY(!store.restore(*removed, &error)); // the id is taken again
        QVERIFY(store.get(kept.id, &error));
    }

    void listOrder() {
        MedicationStore store(path(QStringLiteral("order.sqlite")));
        QString error;
        QVERIFY(store.open(&error));
        const auto zoloft =
            *store.add(sample(QStringLiteral("zoloft"), QStringLiteral("50 mg")), &error);
        store.add(sample(QStringLiteral("Amlodipine"), QStringLiteral("5 mg")), &error);
        const auto b =
            *store.add(sample(QStringLiteral("Buspirone"), QStringLiteral("5 mg")), &error);
        store.setActive(b.id, false, &error);
        QStringList names;
        const auto records = store.list(&error);
        QVERIFY(records);
        for (const auto &m : *records)
            names.append(m.medicationName);
        QCOMPARE(names, (QStringList{"Amlodipine", "zoloft", "Buspirone"}));
        Q_UNUSED(zoloft);
    }

    void duplicates() {
        MedicationStore store(path(QStringLiteral("duplicates.sqlite")));
        QString error;
        QVERIFY(store.open(&error));
        const auto first =
            *store.add(sample(QStringLiteral("Lisinopril"), QStringLiteral("10 mg")), &error);
        store.add(sample(QStringLiteral("Lisinopril"), QStringLiteral("20 mg")), &error);
        store.add(sample(QStringLiteral("Metformin"), QStringLiteral("500 mg")), &error);

        QCOMPARE(store.findDuplicates(sample(QStringLiteral("LISINOPRIL"), QStringLiteral("10mg")))
                     .size(),
                 1);
        QCOMPARE(store.findDuplicates(sample(QStringLiteral("Lisinopril"), QStringLiteral("10 mg")))
                     .first()
                     .id,
                 first.id);
        QCOMPARE(store.findDuplicates(sample(QStringLiteral("Metformin"), QStringLiteral("0.5 g")))
                     .size(),
                 1);
        QVERIFY(store.findDuplicates(sample(QStringLiteral("Lisinopril"), QStringLiteral("5 mg")))
                    .isEmpty());
        QVERIFY(store.findDuplicates(sample(QStringLiteral("Losartan"), QStringLiteral("10 mg")))
                    .isEmpty());
        QVERIFY(store.findDuplicates(first).isEmpty()); // a record is not its own duplicate
    }

    void migratesAnOlderSchema() {
        const QString file = path(QStringLiteral("v1.sqlite"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery query(db);
            for (const QString &sql : Migrations::steps().at(0))
                QVERIFY(query.exec(sql));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO medications (medication_name, schedule, created_at, updated_at) "
                "VALUES ('Warfarin', 'once daily', '2026-01-01T08:00:00.000Z', "
                "'2026-01-01T08:00:00.000Z')")));
            for (const char *name : {"Aspirin", "Digoxin", "Furosemide"})
                QVERIFY(query.exec(
                    QStringLiteral("INSERT INTO medications (medication_name, schedule, "
                                   "created_at, updated_at) "
                                   "VALUES ('%1', 'once daily', '2026-01-02T08:00:00.000Z', "
                                   "'2026-01-02T08:00:00.000Z')")
                        .arg(QLatin1String(name))));
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version=1")));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        MedicationStore store(file);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), Migrations::latestVersion());
        QCOMPARE(
            scalar(file,
                   QStringLiteral(
                       "SELECT count(*) FROM sqlite_master WHERE name = 'medications_by_name'"))
                .toInt(),
            1);
        const auto records = store.list(&error);
        QCOMPARE(records->size(), 4);
        QCOMPARE(records->last().medicationName, QStringLiteral("Warfarin"));
        QCOMPARE(records->last().createdAt, QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC));
        // Each record was given its own UUID and queued for the medication service.
        QSet<QString> uuids;
        for (const auto &record : *records) {
            QVERIFY2(!QUuid::fromString(record.uuid).isNull(), qPrintable(record.uuid));
            QCOMPARE(QUuid::fromString(record.uuid).version(), QUuid::Random);
            QCOMPARE(record.syncState, QStringLiteral("pending"));
            uuids.insert(record.uuid);
        }
        QCOMPARE(uuids.size(), 4);
    }

    void migratesSchema3ToTheDoseLog() {
        // A tablet that synced before the dose log existed: records, one still queued, one synced.
        const QString file = path(QStringLiteral("v3.sqlite"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery query(db);
            for (int step = 0; step < 3; ++step) {
                for (const QString &sql : Migrations::steps().at(step))
                    QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
            }
            QVERIFY(
                query.exec(QStringLiteral("INSERT INTO medications (medication_name, schedule, "
                                          "times_per_day, created_at, updated_at, uuid) "
                                          "VALUES ('Warfarin', 'once daily', 1, "
                                          "'2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z', "
                                          "'11111111-1111-4111-8111-111111111111')")));
            QVERIFY(
                query.exec(QStringLiteral("INSERT INTO medications (medication_name, schedule, "
                                          "times_per_day, created_at, updated_at, uuid) "
                                          "VALUES ('Aspirin', 'twice daily', 2, "
                                          "'2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z', "
                                          "'22222222-2222-4222-8222-222222222222')")));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO sync_outbox (uuid, op, queued_at, attempts, last_error) VALUES "
                "('22222222-2222-4222-8222-222222222222', 'put', '2026-01-02T08:00:00.000Z', 3, "
                "'offline')")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version=3")));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));

        MedicationStore store(file);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), 4);
        const auto records = store.list(&error);
        QCOMPARE(records->size(), 2);
        for (const auto &record : *records) {
            QVERIFY(record.doseTimes.isEmpty());
            QCOMPARE(record.syncState, record.medicationName == u"Aspirin"
                                           ? QStringLiteral("pending")
                                           : QStringLiteral("synced"));
        }
        // The queued change kept its place, attempts and error in the rebuilt outbox.
        QCOMPARE(
            scalar(file, QStringLiteral("SELECT attempts || ' ' || last_error FROM sync_outbox"))
                .toString(),
            QStringLiteral("3 offline"));
        // Doses can be logged (and are queued), and a record keeps its own dose times.
        DoseLog log(store);
        DoseEntry entry;
        entry.medicationUuid = QStringLiteral("11111111-1111-4111-8111-111111111111");
        entry.at = QDateTime(QDate(2026, 1, 3), QTime(8, 5), Qt::UTC);
        QVERIFY2(log.append(entry, &error), qPrintable(error));
        QCOMPARE(scalar(file, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE op = 'dose'"))
                     .toInt(),
                 1);
        QCOMPARE(log.pending(&error)->size(), 1);
        Medication aspirin =
            records->first().medicationName == u"Aspirin" ? records->first() : records->last();
        QStringList problems;
        QVERIFY(aspirin.applyJson(
            QJsonObject{{QStringLiteral("dose_times"), QStringLiteral("7:30, 19:30")}}, &problems));
        const auto updated = store.update(aspirin, &error);
        QVERIFY2(updated, qPrintable(error));
        QCOMPARE(updated->doseTimeTexts(),
                 (QStringList{QStringLiteral("07:30"), QStringLiteral("19:30")}));
        QCOMPARE(updated->toJson().value(QStringLiteral("dose_times")).toArray().size(), 2);
        // Three times for a twice-daily schedule is refused.
        QVERIFY(aspirin.applyJson(
            QJsonObject{{QStringLiteral("dose_times"), QJsonArray{"07:00", "12:00", "19:00"}}},
            &problems));
        QVERIFY(!store.update(aspirin, &error));
        QVERIFY2(error.contains(QStringLiteral("dose_times")), qPrintable(error));
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    }

    void refusesANewerSchema() {
        const QString file = path(QStringLiteral("future.sqlite"));
        {
            MedicationStore store(file);
            QVERIFY(store.open(nullptr));
        }
        scalar(file, QStringLiteral("PRAGMA user_version=99"));
        MedicationStore store(file);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY2(error.contains(QStringLiteral("newer kilo-kiosk")), qPrintable(error));
        QCOMPARE(scalar(file, QStringLiteral("PRAGMA user_version")).toInt(), 99);
    }

    void foreignKeysAreOn() {
        MedicationStore store(path(QStringLiteral("fk.sqlite")));
        QVERIFY(store.open(nullptr));
        // Through the store's own connection: a confidence row for a missing medication is refused.
        for (const QString &name : QSqlDatabase::connectionNames()) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.databaseName() != path(QStringLiteral("fk.sqlite")))
                continue;
            QSqlQuery insert(db);
            QVERIFY(!insert.exec(
                QStringLiteral("INSERT INTO field_confidence VALUES (12345, 'dosage', 0.5)")));
            QSqlQuery pragma(db);
            QVERIFY(pragma.exec(QStringLiteral("PRAGMA foreign_keys")) && pragma.next());
            QCOMPARE(pragma.value(0).toInt(), 1);
            return;
        }
        QFAIL("the store's connection was not found");
    }

    void photos() {
        MedicationStore store(path(QStringLiteral("photos.sqlite")));
        QString error;
        QVERIFY(store.open(&error));
        QFile jpeg(path(QStringLiteral("label.jpg")));
        QVERIFY(jpeg.open(QIODevice::WriteOnly));
        jpeg.write(QByteArray("\xFF\xD8\xFF\xE0") + QByteArray(100, '\0'));
        jpeg.close();
        const auto stored = store.importPhoto(jpeg.fileName(), &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(stored->startsWith(store.photoDirectory() + u'/'));
        QVERIFY(stored->endsWith(QStringLiteral(".jpg")));
        QCOMPARE(mode(*stored), 0600);
        QCOMPARE(mode(store.photoDirectory()), 0700);

        QFile text(path(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not an image");
        text.close();
        QVERIFY(!store.importPhoto(text.fileName(), &error));
        QVERIFY(error.contains(QStringLiteral("not a JPEG or PNG")));
        QVERIFY(!store.importPhoto(path(QStringLiteral("missing.jpg")), &error));

        Medication m = sample();
        m.photoPath = *stored;
        const auto record = *store.add(m, &error);
        QVERIFY(store.discardPhoto(*stored, &error));
        QVERIFY(QFile::exists(*stored)); // still referred to
        QVERIFY(store.remove(record.id, &error));
        QVERIFY(store.discardPhoto(*stored, &error));
        QVERIFY(!QFile::exists(*stored));
        QVERIFY(!store.discardPhoto(jpeg.fileName(), &error)); // outside the photo folder
        QVERIFY(QFile::exists(jpeg.fileName()));
    }
};

QTEST_GUILESS_MAIN(TestMedicationStore)
#include "tst_medication_store.moc"
