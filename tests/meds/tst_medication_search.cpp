// MedicationSearch, the list's one search, and that the Medications page (MedicationListModel)
// and `kilo-kiosk meds list --search` find the same records with it.
#include "meds/medication_search.h"
#include "meds_cli_runner.h"
#include "ui/medication_list_model.h"
#include "ui/medication_store_controller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using kiosk::meds::Medication;
using kiosk::meds::MedicationSearch;
using kiosk::ui::MedicationListModel;
using kiosk::ui::MedicationStoreController;

namespace {

// Brand and generic as a label prints them, strengths, forms, people and pharmacies to search.
QList<QVariantMap> sampleRecords() {
    const auto record = [](const QString &name, const QString &dosage, const QString &form,
                           const QString &prescriber, const QString &instructions,
                           const QString &pharmacy) {
        return QVariantMap{{QStringLiteral("medication_name"), name},
                           {QStringLiteral("dosage"), dosage},
                           {QStringLiteral("dosage_form"), form},
                           {QStringLiteral("schedule"), QStringLiteral("once daily")},
                           {QStringLiteral("prescriber"), prescriber},
                           {QStringLiteral("instructions"), instructions},
                           {QStringLiteral("pharmacy"), pharmacy}};
    };
    return {record(QStringLiteral("Metformin"), QStringLiteral("500 mg"), QStringLiteral("tablet"),
                   QStringLiteral("Dr. Carlos Patel"), QStringLiteral("Take with food"),
                   QStringLiteral("Main Street Pharmacy")),
            record(QStringLiteral("Lipitor (atorvastatin)"), QStringLiteral("40 mg"),
                   QStringLiteral("tablet"), QStringLiteral("Dr. Ana Ruiz"),
                   QStringLiteral("Take at bedtime"), QStringLiteral("CVS")),
            record(QStringLiteral("Amoxicillin"), QStringLiteral("500 mg"),
                   QStringLiteral("capsule"), QStringLiteral("Dr. Ana Ruiz"),
                   QStringLiteral("Finish all of it"), QStringLiteral("Main Street Pharmacy")),
            record(QStringLiteral("Tylenol Extra Strength"), QStringLiteral("500 mg"),
                   QStringLiteral("caplet"), QString(),
                   QStringLiteral("For pain; no more than 6 a day"), QString())};
}

Medication medication(const QVariantMap &map) {
    Medication m;
    m.medicationName = map.value(QStringLiteral("medication_name")).toString();
    m.dosage = map.value(QStringLiteral("dosage")).toString();
    m.dosageForm = map.value(QStringLiteral("dosage_form")).toString();
    m.prescriber = map.value(QStringLiteral("prescriber")).toString();
    m.instructions = map.value(QStringLiteral("instructions")).toString();
    m.pharmacy = map.value(QStringLiteral("pharmacy")).toString();
    return m;
}

QStringList sorted(QStringList names) {
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

class TestMedicationSearch : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    void queries() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("found");
        QTest::newRow("case") << "METFORMIN" << QStringList{"Metformin"};
        QTest::newRow("partial word") << "amoxi" << QStringList{"Amoxicillin"};
        QTest::newRow("brand") << "lipitor" << QStringList{"Lipitor (atorvastatin)"};
        QTest::newRow("generic") << "Atorvastatin" << QStringList{"Lipitor (atorvastatin)"};
        QTest::newRow("brand, partly") << "tylenol extra" << QStringList{"Tylenol Extra Strength"};
        QTest::newRow("dosage text")
            << "500 mg" << QStringList{"Amoxicillin", "Metformin", "Tylenol Extra Strength"};
        QTest::newRow("dosage of one") << "40 mg" << QStringList{"Lipitor (atorvastatin)"};
        QTest::newRow("name and dosage") << "metformin 500" << QStringList{"Metformin"};
        QTest::newRow("form") << "capsule" << QStringList{"Amoxicillin"};
        QTest::newRow("prescriber")
            << "ruiz" << QStringList{"Amoxicillin", "Lipitor (atorvastatin)"};
        QTest::newRow("instructions") << "bedtime" << QStringList{"Lipitor (atorvastatin)"};
        QTest::newRow("pharmacy") << "main street" << QStringList{"Amoxicillin", "Metformin"};
        QTest::newRow("every word must match") << "metformin capsule" << QStringList{};
        QTest::newRow("nothing") << "warfarin" << QStringList{};
        QTest::newRow("blank") << "   "
                               << QStringList{"Amoxicillin", "Lipitor (atorvastatin)", "Metformin",
                                              "Tylenol Extra Strength"};
    }

    // The names the Medications page lists for query, every record shown (active and stopped).
    static QStringList pageFinds(MedicationListModel &model, const QString &query) {
        model.setSearchText(query);
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names.append(model.data(model.index(row, 0), MedicationListModel::NameRole).toString());
        return sorted(names);
    }

    QStringList cliFinds(const QString &database, const QString &query) {
        const auto result = MedsCliRunner::run(
            m_home.path(), {QStringLiteral("--db"), database, QStringLiteral("list"),
                            QStringLiteral("--search"), query, QStringLiteral("--json")});
        if (result.status != 0)
            qWarning("meds list --search failed: %s", result.err.constData());
        QStringList names;
        for (const QJsonValue &record : QJsonDocument::fromJson(result.out).array())
            names.append(record.toObject().value(QStringLiteral("medication_name")).toString());
        return sorted(names);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void matches_data() { queries(); }

    void matches() {
        QFETCH(QString, query);
        QFETCH(QStringList, found);
        const MedicationSearch search(query);
        QStringList names;
        for (const QVariantMap &record : sampleRecords()) {
            if (search.matches(medication(record)))
                names.append(record.value(QStringLiteral("medication_name")).toString());
        }
        QCOMPARE(sorted(names), found);
    }

    void pageAndCliFindTheSame_data() { queries(); }

    void pageAndCliFindTheSame() {
        QFETCH(QString, query);
        QFETCH(QStringList, found);
        const QString database = m_home.filePath(QStringLiteral("meds.sqlite"));
        MedicationStoreController controller;
        controller.setDatabasePath(database);
        QVERIFY2(controller.open(), qPrintable(controller.error()));
        if (controller.count() == 0) {
            for (const QVariantMap &record : sampleRecords()) {
                const QVariantMap added = controller.add(record);
                QVERIFY2(!added.contains(QStringLiteral("error")),
                         qPrintable(added.value(QStringLiteral("error")).toString()));
            }
        }
        MedicationListModel model;
        model.setStatusFilter(MedicationListModel::StatusFilter::All);
        model.setStore(&controller);
        QCOMPARE(pageFinds(model, query), found);
        QCOMPARE(cliFinds(database, query), found);
    }
};

QTEST_GUILESS_MAIN(TestMedicationSearch)
#include "tst_medication_search.moc"
