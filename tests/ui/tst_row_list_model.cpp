#include "ui/row_list_model.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using kiosk::ui::RowListModel;

namespace {
QVariantMap row(const QString &name, int value) {
    return {{"name", name}, {"value", value}};
}

QStringList names(const RowListModel &m) {
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.get(i).value("name").toString();
    return out;
}
} // namespace

class TestRowListModel : public QObject {
    Q_OBJECT

private slots:
    void rolesAndData() {
        RowListModel model({"name", "value"}, "name");
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row("a", 1), row("b", 2)});
        QCOMPARE(model.count(), 2);
        const auto roles = model.roleNames();
        QCOMPARE(roles.value(Qt::UserRole), QByteArray("name"));
        QCOMPARE(model.data(model.index(1), Qt::UserRole + 1).toInt(), 2);
        QCOMPARE(model.indexOf("b"), 1);
        QCOMPARE(model.indexOf("zz"), -1);
        QVERIFY(model.get(9).isEmpty());
    }

    void setRowTellsOnlyTheRolesThatChanged() {
        RowListModel model({"name", "value", "note"}, "name");
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{{"name", "a"}, {"value", 1}, {"note", "x"}}, row("b", 2)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setRow(0, {{"name", "a"}, {"value", 5}, {"note", "x"}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{Qt::UserRole + 1});
        QCOMPARE(model.data(model.index(0), Qt::UserRole + 1).toInt(), 5);
        model.setRow(0, {{"name", "a"}, {"value", 5}, {"note", "x"}}); // the same again
        model.setRow(1, row("a", 7));                                  // another row's key
        model.setRow(4, row("e", 1));                                  // no such row
        QCOMPARE(changed.count(), 1);
        QCOMPARE(names(model), (QStringList{"a", "b"}));
        QCOMPARE(model.get(1).value("value").toInt(), 2);
    }

    void updatesInPlaceWithoutReset() {
        RowListModel model({"name", "value"}, "name");
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row("a", 1), row("b", 2), row("c", 3)});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setRows({row("a", 1), row("b", 20), row("c", 3)});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<QModelIndex>().row(), 1);
        model.setRows({row("a", 1), row("bb", 5), row("c", 3)});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(names(model), QStringList({"a", "bb", "c"}));
    }

    void randomSequencesEndInTheWantedOrder() {
        RowListModel model({"name", "value"}, "name");
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QRandomGenerator random(42);
        for (int round = 0; round < 200; ++round) {
            QList<QVariantMap> rows;
            QStringList expected;
            for (int i = 0; i < 30; ++i) {
                if (random.bounded(3) == 0)
                    continue;
                const QString name = QStringLiteral("n%1").arg(i);
                rows.append(row(name, int(random.bounded(4))));
                expected << name;
            }
            // Shuffle sometimes so moves happen too.
            if (round % 3 == 0) {
                for (qsizetype i = rows.size() - 1; i > 0; --i) {
                    const qsizetype j = random.bounded(int(i + 1));
                    rows.swapItemsAt(i, j);
                    expected.swapItemsAt(i, j);
                }
            }
            model.setRows(rows);
            QCOMPARE(names(model), expected);
            for (int i = 0; i < rows.size(); ++i) {
                QCOMPARE(model.get(i), rows.at(i));
                QCOMPARE(model.indexOf(expected.at(i)), i); // the key index follows every change
            }
            QCOMPARE(model.indexOf(QStringLiteral("n99")), -1);
        }
    }

    // indexOf() is a lookup kept by key; a view asking from inside the model's own signals
    // (insert, move, remove) already finds the rows where they now are.
    void indexOfIsRightInsideTheModelsSignals() {
        RowListModel model({"name", "value"}, "name");
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row("a", 1), row("b", 2), row("c", 3)});
        QCOMPARE(model.indexOf("c"), 2);
        int checked = 0;
        const auto checkAll = [&] {
            for (int i = 0; i < model.rowCount(); ++i)
                QCOMPARE(model.indexOf(model.get(i).value("name").toString()), i);
            ++checked;
        };
        connect(&model, &QAbstractItemModel::rowsInserted, this, checkAll);
        connect(&model, &QAbstractItemModel::rowsMoved, this, checkAll);
        connect(&model, &QAbstractItemModel::rowsRemoved, this, checkAll);
        model.setRows({row("c", 3), row("x", 0), row("a", 1)}); // b goes, c moves, x comes
        QVERIFY(checked >= 3);
        QCOMPARE(model.indexOf("b"), -1);
        QCOMPARE(model.indexOf("x"), 1);
        model.setRow(1, row("x", 9)); // in place: same index
        QCOMPARE(model.indexOf("x"), 1);
        model.setRows({});
        QCOMPARE(model.indexOf("a"), -1);
    }
};

QTEST_GUILESS_MAIN(TestRowListModel)
#include "tst_row_list_model.moc"
