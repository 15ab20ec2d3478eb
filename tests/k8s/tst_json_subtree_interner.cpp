#include "k8s/json_subtree_interner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using kiosk::k8s::JsonSubtreeInterner;

namespace {
QJsonObject workload(const QString &name) {
    const QJsonObject labels{{"app", "svc"}, {"pod-template-hash", "abc"}};
    return QJsonObject{
        {"metadata",
         QJsonObject{{"name", name},
                     {"uid", "uid-" + name},
                     {"labels", labels},
                     {"ownerReferences",
                      QJsonArray{QJsonObject{
                          {"kind", "Deployment"}, {"name", "svc"}, {"controller", true}}}},
                     {"annotations", QJsonObject{{"deployment.kubernetes.io/revision", "2"}}}}},
        {"spec",
         QJsonObject{{"replicas", 0},
                     {"selector", QJsonObject{{"matchLabels", labels}}},
                     {"template",
                      QJsonObject{{"metadata", QJsonObject{{"labels", labels}}},
                                  {"spec", QJsonObject{{"containers",
                                                        QJsonArray{QJsonObject{
                                                            {"name", "app"},
                                                            {"image", "registry.local/svc:v2"},
                                                            {"ports", QJsonArray{QJsonObject{
                                                                          {"containerPort", 8080},
                                                                          {"protocol", "TCP"}}}},
                                                            {"resources", QJsonObject{}}}}}}}}}}},
        {"status", QJsonObject{{"replicas", 0}, {"observedGeneration", 2}, {"ratio", 0.5}}}};
}
} // namespace

class TestJsonSubtreeInterner : public QObject {
    Q_OBJECT

private slots:
    void internedObjectsStayEqualAndSerialiseAlike() {
        JsonSubtreeInterner interner;
        QList<QJsonObject> originals;
        for (int i = 0; i < 50; ++i) {
            QJsonObject rs = workload(QStringLiteral("svc-%1").arg(i));
            QJsonObject spec = rs.value("spec").toObject();
            spec.insert("replicas", i % 3);
            rs.insert("spec", spec);
            originals << rs;
        }
        for (const QJsonObject &original : originals) {
            // Interning goes through a parse, as the informer's objects do.
            const QByteArray bytes = QJsonDocument(original).toJson(QJsonDocument::Compact);
            const QJsonObject interned = interner.intern(QJsonDocument::fromJson(bytes).object());
            QCOMPARE(interned, original);
            QCOMPARE(QJsonDocument(interned).toJson(QJsonDocument::Compact), bytes);
        }
        // Only each object's metadata (its name) and the three specs differ; the rest is pooled
        // once.
        const qsizetype sharedSubtrees = 20;
        QVERIFY2(interner.pooledSubtrees() <= originals.size() + sharedSubtrees,
                 qPrintable(QString::number(interner.pooledSubtrees())));
        QVERIFY(interner.pooledSubtrees() > 0);
        interner.clear();
        QCOMPARE(interner.pooledSubtrees(), 0);
    }

    void internedObjectDetachesWhenChanged() {
        JsonSubtreeInterner interner;
        const QJsonObject a = interner.intern(workload("a"));
        QJsonObject b = interner.intern(workload("b"));
        QJsonObject spec = b.value("spec").toObject();
        spec.insert("replicas", 5);
        b.insert("spec", spec);
        QCOMPARE(a.value("spec").toObject().value("replicas").toInt(), 0);
        QCOMPARE(b.value("spec").toObject().value("replicas").toInt(), 5);
        QCOMPARE(a.value("spec").toObject().value("template"),
                 b.value("spec").toObject().value("template"));
    }

    void metadataIsNotPooledButItsChildrenAre() {
        JsonSubtreeInterner interner;
        const QJsonObject labels{{"app", "svc"}};
        for (int i = 0; i < 10; ++i)
            interner.intern(
                QJsonObject{{"metadata", QJsonObject{{"name", QStringLiteral("svc-%1").arg(i)},
                                                     {"labels", labels}}}});
        // The one labels object; none of the ten metadata objects.
        QCOMPARE(interner.pooledSubtrees(), 1);
    }

    void slotsThatNeverRepeatStopBeingPooled() {
        JsonSubtreeInterner interner;
        const QJsonObject ports{{"ports", QJsonArray{QJsonObject{{"containerPort", 8080}}}}};
        const int objects = 4 * JsonSubtreeInterner::kTrialSubtrees;
        QList<QJsonObject> originals;
        for (int i = 0; i < objects; ++i) {
            // `spec` is unique to each object (its image); its `resources` repeats.
            originals << QJsonObject{
                {"spec",
                 QJsonObject{{"image", QStringLiteral("img:%1").arg(i)}, {"resources", ports}}}};
        }
        for (const QJsonObject &original : originals) {
            const QByteArray bytes = QJsonDocument(original).toJson(QJsonDocument::Compact);
            const QJsonObject interned = interner.intern(QJsonDocument::fromJson(bytes).object());
            QCOMPARE(interned, original);
            QCOMPARE(QJsonDocument(interned).toJson(QJsonDocument::Compact), bytes);
        }
        // The trial's specs, then only the shared `resources`, its array and the port.
        QCOMPARE(interner.pooledSubtrees(), JsonSubtreeInterner::kTrialSubtrees + 3);
        // What was learnt outlives the pool: a new list starts without pooling specs.
        interner.clear();
        for (const QJsonObject &original : originals)
            QCOMPARE(interner.intern(original), original);
        QCOMPARE(interner.pooledSubtrees(), 3);
    }

    void slotsThatRepeatRarelyKeepBeingPooled() {
        JsonSubtreeInterner interner;
        const int objects = 4 * JsonSubtreeInterner::kTrialSubtrees;
        // Every eighth object repeats the spec of the one before: still worth pooling.
        for (int i = 0; i < objects; ++i) {
            const int variant = i % 8 == 7 ? i - 1 : i;
            interner.intern(QJsonObject{
                {"spec", QJsonObject{{"image", QStringLiteral("img:%1").arg(variant)}}}});
        }
        QCOMPARE(interner.pooledSubtrees(), objects - objects / 8);
    }

    void distinctValuesAreNotMerged() {
        JsonSubtreeInterner interner;
        const QJsonObject one{{"labels", QJsonObject{{"app", "a"}}}, {"n", QJsonArray{1, 2}}};
        const QJsonObject two{{"labels", QJsonObject{{"app", "b"}}}, {"n", QJsonArray{2, 1}}};
        const QJsonObject renamed{{"labels", QJsonObject{{"name", "a"}}}, {"n", QJsonArray{1, 2}}};
        QCOMPARE(interner.intern(one), one);
        QCOMPARE(interner.intern(two), two);
        QCOMPARE(interner.intern(renamed), renamed);
        QCOMPARE(interner.intern(one), one);
    }
};

QTEST_GUILESS_MAIN(TestJsonSubtreeInterner)
#include "tst_json_subtree_interner.moc"
