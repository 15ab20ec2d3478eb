#include "k8s/owner_index.h"

#include <QJsonArray>
#include <QTest>

using kiosk::k8s::OwnerIndex;

namespace {
QJsonObject owned(const QString &name, const QString &kind, const QString &owner,
                  const QString &ownerUid = {}) {
    QJsonObject ref{{"kind", kind}, {"name", owner}, {"controller", true}};
    if (!ownerUid.isEmpty())
        ref.insert("uid", ownerUid);
    return {{"metadata", QJsonObject{{"name", name}, {"ownerReferences", QJsonArray{ref}}}}};
}

QJsonObject deployment(const QString &name, const QString &uid) {
    return {{"metadata", QJsonObject{{"name", name}, {"uid", uid}}}};
}
} // namespace

class TestOwnerIndex : public QObject {
    Q_OBJECT

private slots:
    void groupsByControllerAndFollowsUpdates() {
        QHash<QString, QJsonObject> objects{
            {"meds-2", owned("meds-2", "Deployment", "meds", "u1")},
            {"meds-1", owned("meds-1", "Deployment", "meds", "u1")},
            {"cam-1", owned("cam-1", "Deployment", "cam", "u2")},
            {"orphan", QJsonObject{{"metadata", QJsonObject{{"name", "orphan"}}}}}};
        OwnerIndex index;
        index.rebuild(objects);
        QCOMPARE(index.size(), 3); // the orphan has no controller
        QCOMPARE(index.ownedBy("Deployment", "meds"), (QStringList{"meds-1", "meds-2"}));
        QCOMPARE(index.ownedBy("ReplicaSet", "meds"), QStringList());

        // One batch: meds-2 deleted, cam-2 added, meds-1 adopted by cam.
        objects.remove("meds-2");
        objects.insert("cam-2", owned("cam-2", "Deployment", "cam", "u2"));
        objects.insert("meds-1", owned("meds-1", "Deployment", "cam", "u2"));
        index.update(objects, {"meds-2", "cam-2", "meds-1"});
        QCOMPARE(index.ownedBy("Deployment", "meds"), QStringList());
        QCOMPARE(index.ownedBy("Deployment", "cam"), (QStringList{"cam-1", "cam-2", "meds-1"}));
        QCOMPARE(index.size(), 3);
    }

    void aRecreatedOwnerOwnsNothingOfItsPredecessor() {
        const QHash<QString, QJsonObject> objects{
            {"meds-old", owned("meds-old", "Deployment", "meds", "old-uid")},
            {"meds-new", owned("meds-new", "Deployment", "meds", "new-uid")}};
        OwnerIndex index;
        index.rebuild(objects);
        const auto list = index.objectsOwnedBy(deployment("meds", "new-uid"), objects);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).value("metadata").toObject().value("name").toString(), "meds-new");
    }

    void podsThroughSeveralOwnersInTheOrderGiven() {
        const QHash<QString, QJsonObject> pods{{"p-b", owned("p-b", "ReplicaSet", "rs-b")},
                                               {"p-a2", owned("p-a2", "ReplicaSet", "rs-a")},
                                               {"p-a1", owned("p-a1", "ReplicaSet", "rs-a")}};
        OwnerIndex index;
        index.rebuild(pods);
        QStringList names;
        for (const auto &p : index.objectsOwnedBy("ReplicaSet", {"rs-b", "rs-a"}, pods))
            names << p.value("metadata").toObject().value("name").toString();
        QCOMPARE(names, (QStringList{"p-b", "p-a1", "p-a2"}));
    }
};

QTEST_GUILESS_MAIN(TestOwnerIndex)
#include "tst_owner_index.moc"
