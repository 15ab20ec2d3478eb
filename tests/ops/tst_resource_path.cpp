#include "k8s/resource_path.h"

#include <QTest>

using kiosk::k8s::ResourceKind;
using kiosk::k8s::ResourcePath;

class TestResourcePath : public QObject {
    Q_OBJECT

private slots:
    void corePaths() {
        QCOMPARE(ResourcePath::collection(ResourceKind::Pod, QStringLiteral("kilo-guardian")),
                 QStringLiteral("/api/v1/namespaces/kilo-guardian/pods"));
        QCOMPARE(ResourcePath::collection(ResourceKind::Event, QStringLiteral("kilo")),
                 QStringLiteral("/api/v1/namespaces/kilo/events"));
        QCOMPARE(ResourcePath::subresource(ResourceKind::Pod, QStringLiteral("kilo"),
                                           QStringLiteral("meds-7f9-abc"), QStringLiteral("log")),
                 QStringLiteral("/api/v1/namespaces/kilo/pods/meds-7f9-abc/log"));
    }

    void appsPaths() {
        QCOMPARE(ResourcePath::object(ResourceKind::Deployment, QStringLiteral("kilo"),
                                      QStringLiteral("kilo-meds")),
                 QStringLiteral("/apis/apps/v1/namespaces/kilo/deployments/kilo-meds"));
        QCOMPARE(ResourcePath::collection(ResourceKind::ReplicaSet, QStringLiteral("kilo")),
                 QStringLiteral("/apis/apps/v1/namespaces/kilo/replicasets"));
        QCOMPARE(ResourcePath::subresource(ResourceKind::Deployment, QStringLiteral("kilo"),
                                           QStringLiteral("web"), QStringLiteral("scale")),
                 QStringLiteral("/apis/apps/v1/namespaces/kilo/deployments/web/scale"));
    }

    // A name typed by a person stays one path segment: no climbing to another resource.
    void namesAreOneSegment() {
        QCOMPARE(ResourcePath::object(ResourceKind::Pod, QStringLiteral("kilo"),
                                      QStringLiteral("../../secrets/x")),
                 QStringLiteral("/api/v1/namespaces/kilo/pods/..%2F..%2Fsecrets%2Fx"));
        QCOMPARE(ResourcePath::collection(ResourceKind::Pod, QStringLiteral("a b?")),
                 QStringLiteral("/api/v1/namespaces/a%20b%3F/pods"));
    }
};

QTEST_GUILESS_MAIN(TestResourcePath)
#include "tst_resource_path.moc"
