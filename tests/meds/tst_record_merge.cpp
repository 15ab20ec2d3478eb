// The three-way merge of one record: a field changed on one side takes that side's value; on
// both sides to different values it is a conflict (local kept), except provenance.
#include "meds/record_merge.h"

#include <QJsonArray>
#include <QtTest>

using kiosk::meds::RecordMerge;

class TestRecordMerge : public QObject {
    Q_OBJECT

    static QJsonObject base() {
        return {{QStringLiteral("medication_name"), QStringLiteral("Lisinopril")},
                {QStringLiteral("dosage"), QStringLiteral("10 mg")},
                {QStringLiteral("instructions"), QStringLiteral("Take 1 tablet daily")},
                {QStringLiteral("refills"), 2},
                {QStringLiteral("engine"), QStringLiteral("local")}};
    }
    static QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value) {
        o.insert(key, value);
        return o;
    }

private slots:
    void unchangedStaysTheSame() {
        const auto result = RecordMerge::merge(base(), base(), base());
        QCOMPARE(result.merged, base());
        QVERIFY(result.conflicts.isEmpty());
    }
    void oneSideChangesWin() {
        const auto local = with(base(), QStringLiteral("dosage"), QStringLiteral("20 mg"));
        const auto remote = with(base(), QStringLiteral("refills"), 1);
        const auto result = RecordMerge::merge(base(), local, remote);
        QVERIFY(result.conflicts.isEmpty());
        QCOMPARE(result.merged.value(QStringLiteral("dosage")).toString(), QStringLiteral("20 mg"));
        QCOMPARE(result.merged.value(QStringLiteral("refills")).toInt(), 1);
    }
    void sameChangeOnBothSidesIsNoConflict() {
        const auto both = with(base(), QStringLiteral("dosage"), QStringLiteral("20 mg"));
        const auto result = RecordMerge::merge(base(), both, both);
        QVERIFY(result.conflicts.isEmpty());
        QCOMPARE(result.merged, both);
    }
    void differentChangesToOneFieldConflict() {
        const auto local = with(with(base(), QStringLiteral("dosage"), QStringLiteral("5 mg")),
                                QStringLiteral("refills"), 0);
        const auto remote =
            with(with(base(), QStringLiteral("dosage"), QStringLiteral("20 mg")),
                 QStringLiteral("instructions"), QStringLiteral("Take in the morning"));
        const auto result = RecordMerge::merge(base(), local, remote);
        QCOMPARE(result.conflicts, QStringList{QStringLiteral("dosage")});
        QCOMPARE(result.merged.value(QStringLiteral("dosage")).toString(),
                 QStringLiteral("5 mg")); // local kept
        QCOMPARE(result.merged.value(QStringLiteral("refills")).toInt(), 0);
        QCOMPARE(result.merged.value(QStringLiteral("instructions")).toString(),
                 QStringLiteral("Take in the morning"));
    }
    void nullAgainstValueIsAChange() {
        const auto local = with(base(), QStringLiteral("refills"), QJsonValue());
        const auto remote = with(base(), QStringLiteral("refills"), 5);
        QCOMPARE(RecordMerge::merge(base(), local, remote).conflicts,
                 QStringList{QStringLiteral("refills")});
    }
    void fieldsOnlyOneSideHasAreKept() {
        const auto remote = with(base(), QStringLiteral("pharmacy"), QStringLiteral("CareWell"));
        const auto result = RecordMerge::merge(base(), base(), remote);
        QCOMPARE(result.merged.value(QStringLiteral("pharmacy")).toString(),
                 QStringLiteral("CareWell"));
        QVERIFY(result.conflicts.isEmpty());
    }
    void provenanceNeverConflicts() {
        const auto local = with(base(), QStringLiteral("engine"), QStringLiteral("manual"));
        const auto remote = with(base(), QStringLiteral("engine"), QStringLiteral("ai-brain"));
        const auto result = RecordMerge::merge(base(), local, remote);
        QVERIFY(result.conflicts.isEmpty());
        QCOMPARE(result.merged.value(QStringLiteral("engine")).toString(),
                 QStringLiteral("manual"));
    }
};

QTEST_GUILESS_MAIN(TestRecordMerge)
#include "tst_record_merge.moc"
