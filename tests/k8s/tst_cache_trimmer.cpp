#include "k8s/cache_trimmer.h"

#include <QJsonArray>
#include <QTest>

using kiosk::k8s::CacheTrimmer;

namespace {
const char *const kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

QJsonObject managedFields() {
    return QJsonObject{
        {"manager", "kubectl-client-side-apply"},
        {"operation", "Update"},
        {"fieldsV1", QJsonObject{{"f:spec", QJsonObject{{"f:replicas", QJsonObject{}}}}}}};
}

QJsonObject container(const QString &name, const QString &image) {
    return QJsonObject{
        {"name", name},
        {"image", image},
        {"env", QJsonArray{QJsonObject{{"name", "TOKEN"}, {"value", "secret"}}}},
        {"envFrom", QJsonArray{QJsonObject{{"configMapRef", QJsonObject{{"name", "cfg"}}}}}},
        {"volumeMounts",
         QJsonArray{QJsonObject{{"name", "kube-api-access"}, {"mountPath", "/var/run"}}}},
        {"ports", QJsonArray{QJsonObject{{"containerPort", 8080}, {"protocol", "TCP"}}}}};
}

QJsonObject podTemplate() {
    return QJsonObject{
        {"metadata",
         QJsonObject{{"labels", QJsonObject{{"app", "kilo-meds"}, {"pod-template-hash", "abc"}}}}},
        {"spec", QJsonObject{{"containers", QJsonArray{container("meds", "kilo-meds:cb1")}},
                             {"volumes", QJsonArray{QJsonObject{{"name", "data"}}}}}}};
}

QJsonObject metadata(const QString &name) {
    return QJsonObject{
        {"name", name},
        {"uid", "uid-" + name},
        {"resourceVersion", "42"},
        {"generation", 3},
        {"creationTimestamp", "2025-01-01T00:00:00Z"},
        {"labels", QJsonObject{{"app", "kilo-meds"}}},
        {"ownerReferences",
         QJsonArray{QJsonObject{
             {"kind", "Deployment"}, {"name", "kilo-meds"}, {"uid", "d1"}, {"controller", true}}}},
        {"annotations", QJsonObject{{"deployment.kubernetes.io/revision", "7"},
                                    {"kiosk.kilo-guardian.io/ever-ran", "true"},
                                    {kLastApplied, "{\"kind\":\"Deployment\"}"}}},
        {"managedFields", QJsonArray{managedFields()}}};
}

QJsonObject workload(const QString &name) {
    return QJsonObject{
        {"metadata", metadata(name)},
        {"spec",
         QJsonObject{{"replicas", 0}, {"revisionHistoryLimit", 10}, {"template", podTemplate()}}},
        {"status", QJsonObject{{"replicas", 0}, {"observedGeneration", 3}}}};
}

QJsonObject pod(const QString &name) {
    return QJsonObject{
        {"metadata", metadata(name)},
        {"spec",
         QJsonObject{
             {"nodeName", "kilo-server"},
             {"restartPolicy", "Always"},
             {"containers", QJsonArray{container("meds", "kilo-meds:cb1")}},
             {"initContainers", QJsonArray{container("migrate", "kilo-meds-migrate:1")}},
             {"volumes", QJsonArray{QJsonObject{{"name", "kube-api-access"}}}},
             {"tolerations", QJsonArray{QJsonObject{{"key", "node.kubernetes.io/not-ready"}}}},
             {"affinity", QJsonObject{{"nodeAffinity", QJsonObject{}}}}}},
        {"status",
         QJsonObject{
             {"phase", "Running"},
             {"conditions", QJsonArray{QJsonObject{{"type", "Ready"}, {"status", "True"}}}},
             {"containerStatuses",
              QJsonArray{QJsonObject{{"name", "meds"}, {"ready", true}, {"restartCount", 4}}}}}}};
}

QJsonObject without(QJsonObject object, const QString &key) {
    object.remove(key);
    return object;
}
} // namespace

class TestCacheTrimmer : public QObject {
    Q_OBJECT

private slots:
    void kindComesFromTheCollectionPath() {
        QCOMPARE(CacheTrimmer::kindOfCollection("/apis/apps/v1/namespaces/scale/deployments"),
                 CacheTrimmer::Kind::Deployment);
        QCOMPARE(CacheTrimmer::kindOfCollection("/apis/apps/v1/namespaces/scale/replicasets"),
                 CacheTrimmer::Kind::ReplicaSet);
        QCOMPARE(CacheTrimmer::kindOfCollection("/api/v1/namespaces/scale/pods"),
                 CacheTrimmer::Kind::Pod);
        QCOMPARE(CacheTrimmer::kindOfCollection("/api/v1/namespaces/scale/events"),
                 CacheTrimmer::Kind::Other);
    }

    void deploymentLosesManagedFieldsButKeepsLastApplied() {
        const QJsonObject original = workload("kilo-meds");
        const QJsonObject trimmed = CacheTrimmer(CacheTrimmer::Kind::Deployment).trim(original);
        const QJsonObject meta = trimmed.value("metadata").toObject();
        QVERIFY(!meta.contains("managedFields"));
        // The rollback patch replaces the annotations and must carry this one over.
        QVERIFY(meta.value("annotations").toObject().contains(kLastApplied));
        QCOMPARE(without(meta, "managedFields"),
                 without(original.value("metadata").toObject(), "managedFields"));
        QCOMPARE(trimmed.value("spec"), original.value("spec"));
        QCOMPARE(trimmed.value("status"), original.value("status"));
    }

    void replicaSetKeepsItsWholeTemplateAndCleanupFields() {
        const QJsonObject original = workload("kilo-meds-abc");
        const QJsonObject trimmed = CacheTrimmer(CacheTrimmer::Kind::ReplicaSet).trim(original);
        const QJsonObject meta = trimmed.value("metadata").toObject();
        QVERIFY(!meta.contains("managedFields"));
        QVERIFY(!meta.value("annotations").toObject().contains(kLastApplied));
        for (const char *key : {"name", "uid", "resourceVersion", "generation", "creationTimestamp",
                                "labels", "ownerReferences"})
            QCOMPARE(meta.value(key), original.value("metadata").toObject().value(key));
        QCOMPARE(meta.value("annotations").toObject(),
                 (QJsonObject{{"deployment.kubernetes.io/revision", "7"},
                              {"kiosk.kilo-guardian.io/ever-ran", "true"}}));
        // The rollback sends the template as it is: env, mounts and volumes stay.
        QCOMPARE(trimmed.value("spec"), original.value("spec"));
        QCOMPARE(trimmed.value("status"), original.value("status"));
    }

    void podLosesVolumesEnvironmentAndScheduling() {
        const QJsonObject original = pod("kilo-meds-abc-x1");
        const QJsonObject trimmed = CacheTrimmer(CacheTrimmer::Kind::Pod).trim(original);
        const QJsonObject spec = trimmed.value("spec").toObject();
        for (const char *key : {"volumes", "tolerations", "affinity"})
            QVERIFY2(!spec.contains(key), key);
        QCOMPARE(spec.value("nodeName").toString(), QString("kilo-server"));
        QCOMPARE(spec.value("restartPolicy").toString(), QString("Always"));
        for (const char *list : {"containers", "initContainers"}) {
            const QJsonObject c = spec.value(list).toArray().at(0).toObject();
            for (const char *key : {"env", "envFrom", "volumeMounts"})
                QVERIFY2(!c.contains(key), key);
            QVERIFY(!c.value("name").toString().isEmpty());
            QVERIFY(!c.value("image").toString().isEmpty());
            QCOMPARE(c.value("ports"), container("x", "y").value("ports"));
        }
        QVERIFY(!trimmed.value("metadata").toObject().contains("managedFields"));
        QVERIFY(!trimmed.value("metadata")
                     .toObject()
                     .value("annotations")
                     .toObject()
                     .contains(kLastApplied));
        QCOMPARE(trimmed.value("status"), original.value("status"));
    }

    void otherKindsOnlyLoseManagedFields() {
        const QJsonObject original = workload("something");
        const QJsonObject trimmed = CacheTrimmer(CacheTrimmer::Kind::Other).trim(original);
        QJsonObject expected = original;
        expected.insert("metadata",
                        without(original.value("metadata").toObject(), "managedFields"));
        QCOMPARE(trimmed, expected);
    }

    void objectWithNothingToTrimIsUnchanged() {
        const QJsonObject bare{
            {"metadata", QJsonObject{{"name", "a"}}},
            {"spec", QJsonObject{{"containers", QJsonArray{QJsonObject{{"name", "c"}}}}}}};
        QCOMPARE(CacheTrimmer(CacheTrimmer::Kind::Pod).trim(bare), bare);
    }
};

QTEST_GUILESS_MAIN(TestCacheTrimmer)
#include "tst_cache_trimmer.moc"
