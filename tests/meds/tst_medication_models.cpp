// The QML-facing side: MedicationStoreController (edit, stop, delete, undo), MedicationListModel
// (search, filter, sort) and TodayDoseModel, on a temporary database.
#include "ui/medication_list_model.h"
#include "ui/medication_store_controller.h"
#include "meds/medication_store.h"
#include "ui/today_dose_model.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiosk::ui;

namespace {
QVariantMap record(const QString &name, const QString &dosage, const QString &schedule) {
    return {{QStringLiteral("medication_name"), name},
            {QStringLiteral("dosage"), dosage},
            {QStringLiteral("schedule"), schedule},
            {QStringLiteral("prescriber"), QStringLiteral("Jane Smith")}};
}

QStringList column(const QAbstractItemModel &model, int role) {
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.data(model.index(row, 0), role).toString());
    return values;
}
} // namespace

class TestMedicationModels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_databases = 0;

    std::unique_ptr<MedicationStoreController> makeController() {
        auto controller = std::make_unique<MedicationStoreController>();
        controller->setDatabasePath(
            m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_databases)));
        controller->setUndoTimeout(0); // tests end the undo chance themselves
        if (!controller->open())
            qFatal("cannot open the test database: %s", qPrintable(controller->error()));
        return controller;
    }

    static qint64 addOk(MedicationStoreController &controller, const QVariantMap &map) {
        const QVariantMap result = controller.add(map);
        if (result.contains(QStringLiteral("error")))
            qFatal("add failed: %s", qPrintable(result.value(QStringLiteral("error")).toString()));
        return result.value(QStringLiteral("id")).toLongLong();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void controllerReportsAnUnusableDatabase() {
        MedicationStoreController controller;
        QSignalSpy state(&controller, &MedicationStoreController::stateChanged);
        controller.setDatabasePath(QStringLiteral("/proc/no-such-place/meds.sqlite"));
        QVERIFY(!controller.open());
        QVERIFY(!controller.ready());
        QVERIFY(controller.error().contains(QStringLiteral("/proc/no-such-place")));
        QVERIFY(state.count() > 0);
        QVERIFY(controller.add(record(QStringLiteral("A"), {}, QStringLiteral("once daily")))
                    .contains(QStringLiteral("error")));
    }

    void addValidatesAndFindsDuplicates() {
        auto controller = makeController();
        QSignalSpy changed(controller.get(), &MedicationStoreController::recordsChanged);
        const qint64 id =
            addOk(*controller, record(QStringLiteral("Lisinopril"), QStringLiteral("10 mg"),
                                      QStringLiteral("once daily")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(controller->count(), 1);
        QCOMPARE(controller->get(id).value(QStringLiteral("title")).toString(),
                 QStringLiteral("Lisinopril 10 mg"));

        const QVariantMap bad = controller->add(record(
            QStringLiteral("Aspirin"), QStringLiteral("81 mg"), QStringLiteral("daily-ish")));
        QVERIFY(bad.value(QStringLiteral("error")).toString().contains(QStringLiteral("schedule")));
        QCOMPARE(controller->count(), 1);
        QCOMPARE(changed.count(), 1);

        const QVariantList duplicates = controller->findDuplicates(record(
            QStringLiteral("lisinopril"), QStringLiteral("10mg"), QStringLiteral("twice daily")));
        QCOMPARE(duplicates.size(), 1);
        QCOMPARE(duplicates.first().toMap().value(QStringLiteral("id")).toLongLong(), id);
        QVERIFY(controller
                    ->findDuplicates(record(QStringLiteral("Lisinopril"), QStringLiteral("20 mg"),
                                            QStringLiteral("once daily")))
                    .isEmpty());
    }

    void editStopDeleteAndUndo() {
        auto controller = makeController();
        const qint64 id =
            addOk(*controller, record(QStringLiteral("Metformin"), QStringLiteral("500 mg"),
                                      QStringLiteral("twice daily")));
        QSignalSpy undo(controller.get(), &MedicationStoreController::undoChanged);

        QCOMPARE(controller->update(id, {{QStringLiteral("dosage"), QStringLiteral("1000 mg")}}),
                 QString());
        QCOMPARE(controller->get(id).value(QStringLiteral("dosage")).toString(),
                 QStringLiteral("1000 mg"));
        QVERIFY(controller->canUndo());
        QVERIFY(controller->undoText().contains(QStringLiteral("Metformin 1000 mg")));
        QCOMPARE(controller->undo(), QString());
        QCOMPARE(controller->get(id).value(QStringLiteral("dosage")).toString(),
                 QStringLiteral("500 mg"));
        QVERIFY(!controller->canUndo());

        const QString refused =
            controller->update(id, {{QStringLiteral("quantity"), QStringLiteral("many")}});
        QVERIFY(refused.contains(QStringLiteral("quantity")));
        QVERIFY(!controller->canUndo());

        QCOMPARE(controller->stop(id), QString());
        QCOMPARE(controller->get(id).value(QStringLiteral("active")).toBool(), false);
        QCOMPARE(controller->undo(), QString());
        QCOMPARE(controller->get(id).value(QStringLiteral("active")).toBool(), true);

        QCOMPARE(controller->remove(id), QString());
        QCOMPARE(controller->count(), 0);
        QVERIFY(controller->get(id).isEmpty());
        QVERIFY(controller->undoText().startsWith(QStringLiteral("Deleted Metformin")));
        QCOMPARE(controller->undo(), QString());
        QCOMPARE(controller->count(), 1);
        QCOMPARE(controller->get(id).value(QStringLiteral("dosage")).toString(),
                 QStringLiteral("500 mg"));
        QVERIFY(undo.count() >= 6);
        QVERIFY(!controller->undo().isEmpty()); // nothing left to undo
        QVERIFY(!controller->remove(9999).isEmpty());
    }

    void deletedPhotoGoesWhenTheUndoChanceEnds() {
        auto controller = makeController();
        QFile jpeg(m_dir.filePath(QStringLiteral("label.jpg")));
        QVERIFY(jpeg.open(QIODevice::WriteOnly));
        jpeg.write(QByteArray("\xFF\xD8\xFF\xE0") + QByteArray(32, 'x'));
        jpeg.close();
        const auto photo = controller->store()->importPhoto(jpeg.fileName(), nullptr);
        QVERIFY(photo);
        QVariantMap map = record(QStringLiteral("Warfarin"), QStringLiteral("5 mg"),
                                 QStringLiteral("once daily"));
        const qint64 id = addOk(*controller, map);
        auto stored = *controller->store()->get(id, nullptr);
        stored.photoPath = *photo;
        QVERIFY(controller->store()->update(stored, nullptr));
        controller->reload();
        QCOMPARE(controller->get(id).value(QStringLiteral("photoUrl")).toUrl(),
                 QUrl::fromLocalFile(*photo));

        QCOMPARE(controller->remove(id), QString());
        QVERIFY(QFile::exists(*photo)); // still undoable
        controller->dismissUndo();
        QVERIFY(!controller->canUndo());
        QVERIFY(!QFile::exists(*photo));
    }

    void seesWritesOfOthers() {
        auto controller = makeController();
        MedicationStoreController other;
        other.setDatabasePath(controller->databasePath());
        QVERIFY(other.open());
        QSignalSpy changed(controller.get(), &MedicationStoreController::recordsChanged);
        addOk(other, record(QStringLiteral("Losartan"), QStringLiteral("50 mg"),
                            QStringLiteral("once daily")));
        QTRY_COMPARE_WITH_TIMEOUT(controller->count(), 1, 2000);
        QCOMPARE(changed.count(), 1);
        QTest::qWait(100);
        QCOMPARE(changed.count(), 1); // no reload without a change
    }

    // One store for the whole window: a change made through it reaches every view at once,
    // before the event loop runs, with no timer (the Scan and Medications pages share it).
    void oneStoreNotifiesEveryView() {
        auto controller = makeController();
        MedicationListModel list;
        MedicationListModel stopped;
        TodayDoseModel today;
        QAbstractItemModelTester listTester(&list,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester stoppedTester(
            &stopped, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester todayTester(
            &today, QAbstractItemModelTester::FailureReportingMode::QtTest);
        stopped.setStatusFilter(MedicationListModel::StatusFilter::Stopped);
        today.setNow(QDateTime(QDate(2026, 11, 26), QTime(6, 0)));
        list.setStore(controller.get());
        stopped.setStore(controller.get());
        today.setStore(controller.get());
        QSignalSpy changed(controller.get(), &MedicationStoreController::recordsChanged);

        // The Scan page's save.
        const qint64 id =
            addOk(*controller, record(QStringLiteral("Metformin"), QStringLiteral("500 mg"),
                                      QStringLiteral("twice daily")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(list.count(), 1);
        QCOMPARE(today.count(), 2);
        QCOMPARE(stopped.count(), 0);

        // The Medications page's edit, stop, undo and delete.
        QCOMPARE(
            controller->update(id, {{QStringLiteral("schedule"), QStringLiteral("once daily")}}),
            QString());
        QCOMPARE(changed.count(), 2);
        QCOMPARE(today.count(), 1);
        QCOMPARE(controller->stop(id), QString());
        QCOMPARE(changed.count(), 3);
        QCOMPARE(list.count(), 0);
        QCOMPARE(stopped.count(), 1);
        QCOMPARE(controller->undo(), QString());
        QCOMPARE(changed.count(), 4);
        QCOMPARE(list.count(), 1);
        QCOMPARE(controller->remove(id), QString());
        QCOMPARE(changed.count(), 5);
        QCOMPARE(list.count(), 0);
        QCOMPARE(today.count(), 0);
        controller->dismissUndo();

        // Nothing changed elsewhere: a look at the database reloads nothing.
        QVERIFY(!controller->refreshIfChanged());
        QTest::qWait(300);
        QCOMPARE(changed.count(), 5);
    }

    // Another process (kilo-kiosk meds add, the sync engine's own connection) writes the file:
    // the controller sees it from the file's change, not from a timer.
    void seesAnotherConnectionWithoutATimer() {
        auto controller = makeController();
        MedicationListModel list;
        QAbstractItemModelTester tester(&list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setStore(controller.get());
        QSignalSpy changed(controller.get(), &MedicationStoreController::recordsChanged);
        kiosk::meds::MedicationStore cli(controller->databasePath());
        QString error;
        QVERIFY2(cli.open(&error), qPrintable(error));
        kiosk::meds::Medication m;
        m.medicationName = QStringLiteral("Losartan");
        m.dosage = QStringLiteral("50 mg");
        m.schedule = QStringLiteral("once daily");
        QVERIFY2(cli.add(m, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(list.count(), 1, 2000);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!controller->refreshIfChanged());
    }

    void addKeepsTheLabelPhoto() {
        auto controller = makeController();
        QFile png(m_dir.filePath(QStringLiteral("label.png")));
        QVERIFY(png.open(QIODevice::WriteOnly));
        png.write(QByteArray("\x89PNG\r\n\x1A\n") + QByteArray(32, 'x'));
        png.close();
        QVariantMap map = record(QStringLiteral("Sertraline"), QStringLiteral("50 mg"),
                                 QStringLiteral("once daily"));
        map.insert(QStringLiteral("file"), QUrl::fromLocalFile(png.fileName()).toString());
        const qint64 id = addOk(*controller, map);
        const QUrl photo = controller->get(id).value(QStringLiteral("photoUrl")).toUrl();
        QVERIFY(photo.toLocalFile().startsWith(controller->store()->photoDirectory()));
        QVERIFY(QFile::exists(photo.toLocalFile()));

        // A record that is refused keeps no photo behind.
        map.insert(QStringLiteral("schedule"), QStringLiteral("whenever"));
        QVERIFY(controller->add(map).contains(QStringLiteral("error")));
        QCOMPARE(QDir(controller->store()->photoDirectory()).entryList(QDir::Files).size(), 1);
        map.insert(QStringLiteral("schedule"), QStringLiteral("once daily"));
        map.insert(QStringLiteral("file"), m_dir.filePath(QStringLiteral("missing.jpg")));
        QVERIFY(controller->add(map)
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("cannot read the photo")));
        QCOMPARE(controller->count(), 1);
    }

    void exportsAPrintableList() {
        auto controller = makeController();
        addOk(*controller, record(QStringLiteral("Lisinopril"), QStringLiteral("10 mg"),
                                  QStringLiteral("once daily")));
        const QString file = m_dir.filePath(QStringLiteral("list.pdf"));
        const QVariantMap result = controller->exportPdf(file);
        QCOMPARE(result.value(QStringLiteral("path")).toString(), file);
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        const QVariantMap failed =
            controller->exportPdf(m_dir.filePath(QStringLiteral("no/such/folder/list.pdf")));
        QVERIFY(failed.value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("cannot write")));
    }

    void undoTimesOut() {
        auto controller = makeController();
        controller->setUndoTimeout(50);
        const qint64 id =
            addOk(*controller, record(QStringLiteral("Aspirin"), QStringLiteral("81 mg"),
                                      QStringLiteral("once daily")));
        QCOMPARE(controller->remove(id), QString());
        QVERIFY(controller->canUndo());
        QTRY_VERIFY_WITH_TIMEOUT(!controller->canUndo(), 2000);
    }

    void listSearchFilterSort() {
        auto controller = makeController();
        MedicationListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy count(&model, &MedicationListModel::countChanged);
        model.setNow(QDateTime(QDate(2026, 11, 26), QTime(10, 0)));
        model.setStore(controller.get());
        QCOMPARE(model.count(), 0);

        addOk(*controller, record(QStringLiteral("Metformin"), QStringLiteral("500 mg"),
                                  QStringLiteral("twice daily"))); // 20:00
        addOk(*controller, record(QStringLiteral("atorvastatin"), QStringLiteral("40 mg"),
                                  QStringLiteral("at bedtime"))); // 21:00
        addOk(*controller, record(QStringLiteral("Lisinopril"), QStringLiteral("10 mg"),
                                  QStringLiteral("three times daily"))); // 14:00
        addOk(*controller, record(QStringLiteral("Ibuprofen"), QStringLiteral("200 mg"),
                                  QStringLiteral("as needed")));
        const qint64 stopped =
            addOk(*controller, record(QStringLiteral("Amoxicillin"), QStringLiteral("500 mg"),
                                      QStringLiteral("three times daily")));
        QCOMPARE(controller->stop(stopped), QString());
        QVERIFY(count.count() > 0);

        QCOMPARE(model.totalCount(), 5);
        QCOMPARE(column(model, MedicationListModel::NameRole),
                 (QStringList{"atorvastatin", "Ibuprofen", "Lisinopril", "Metformin"}));

        model.setSortOrder(MedicationListModel::SortOrder::ByNextDose);
        QCOMPARE(column(model, MedicationListModel::NameRole),
                 (QStringList{"Lisinopril", "Metformin", "atorvastatin", "Ibuprofen"}));
        QCOMPARE(column(model, MedicationListModel::NextDoseTextRole),
                 (QStringList{"Today 14:00", "Today 20:00", "Today 21:00", "When needed"}));

        model.setStatusFilter(MedicationListModel::StatusFilter::Stopped);
        QCOMPARE(column(model, MedicationListModel::NameRole), QStringList{"Amoxicillin"});
        QCOMPARE(column(model, MedicationListModel::NextDoseTextRole), QStringList{"Stopped"});

        model.setStatusFilter(MedicationListModel::StatusFilter::All);
        QCOMPARE(model.count(), 5);
        QCOMPARE(column(model, MedicationListModel::NameRole).last(),
                 QStringLiteral("Amoxicillin"));

        model.setSearchText(QStringLiteral("  500 "));
        QCOMPARE(column(model, MedicationListModel::NameRole),
                 (QStringList{"Metformin", "Amoxicillin"}));
        model.setSearchText(QStringLiteral("jane lisin"));
        QCOMPARE(column(model, MedicationListModel::NameRole), QStringList{"Lisinopril"});
        QCOMPARE(model.indexOfId(
                     model.data(model.index(0, 0), MedicationListModel::IdRole).toLongLong()),
                 0);
        model.setSearchText(QStringLiteral("nothing like this"));
        QCOMPARE(model.count(), 0);
        QCOMPARE(model.totalCount(), 5);

        // Edits in the store show up in the model.
        model.setSearchText({});
        model.setSortOrder(MedicationListModel::SortOrder::ByName);
        const qint64 id = model.data(model.index(0, 0), MedicationListModel::IdRole).toLongLong();
        QCOMPARE(
            controller->update(id, {{QStringLiteral("medication_name"), QStringLiteral("Zetia")},
                                    {QStringLiteral("dosage"), QStringLiteral("10 mg")}}),
            QString());
        QCOMPARE(column(model, MedicationListModel::TitleRole).last(),
                 QStringLiteral("Zetia 10 mg"));
        QVERIFY(model.roleNames().values().contains("nextDoseText"));
    }

    void todayPlan() {
        auto controller = makeController();
        TodayDoseModel today;
        QAbstractItemModelTester tester(&today,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        today.setNow(QDateTime(QDate(2026, 11, 26), QTime(13, 0)));
        today.setStore(controller.get());
        QCOMPARE(today.count(), 0);
        addOk(*controller, record(QStringLiteral("Metformin"), QStringLiteral("500 mg"),
                                  QStringLiteral("twice daily")));
        addOk(*controller, record(QStringLiteral("Lisinopril"), QStringLiteral("10 mg"),
                                  QStringLiteral("three times daily")));
        addOk(*controller, record(QStringLiteral("Ibuprofen"), QStringLiteral("200 mg"),
                                  QStringLiteral("every 6 hours as needed")));
        const qint64 stopped =
            addOk(*controller, record(QStringLiteral("Amoxicillin"), QStringLiteral("500 mg"),
                                      QStringLiteral("once daily")));
        controller->stop(stopped);

        QCOMPARE(column(today, TodayDoseModel::TimeRole),
                 (QStringList{"08:00", "08:00", "14:00", "20:00", "20:00", ""}));
        QCOMPARE(column(today, TodayDoseModel::TitleRole),
                 (QStringList{"Lisinopril 10 mg", "Metformin 500 mg", "Lisinopril 10 mg",
                              "Lisinopril 10 mg", "Metformin 500 mg", "Ibuprofen 200 mg"}));
        QCOMPARE(
            column(today, TodayDoseModel::PeriodRole),
            (QStringList{"Morning", "Morning", "Afternoon", "Evening", "Evening", "When needed"}));
        QCOMPARE(column(today, TodayDoseModel::PastRole),
                 (QStringList{"true", "true", "false", "false", "false", "false"}));
        QCOMPARE(column(today, TodayDoseModel::NextRole),
                 (QStringList{"false", "false", "true", "false", "false", "false"}));
        QCOMPARE(today.scheduledCount(), 5);
        QCOMPARE(today.remainingCount(), 3);

        QSignalSpy changed(&today, &QAbstractItemModel::dataChanged);
        today.setNow(QDateTime(QDate(2026, 11, 26), QTime(15, 0)));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(column(today, TodayDoseModel::NextRole),
                 (QStringList{"false", "false", "false", "true", "true", "false"}));
        QCOMPARE(today.remainingCount(), 2);
    }
};

QTEST_MAIN(TestMedicationModels)
#include "tst_medication_models.moc"
