#include "k8s/health_checklist.h"

#include "k8s/deployment_health.h"
#include "k8s/object_fields.h"
#include "k8s/pod_status.h"
#include "k8s/replicaset_classifier.h"

#include <functional>

namespace kiosk::k8s {

namespace {

QString stripInit(const QString &status) {
    return status.startsWith(QLatin1String("Init:")) ? status.mid(5) : status;
}

QString nameList(const QStringList &names, int shown) {
    if (names.size() <= shown)
        return names.join(QStringLiteral(", "));
    return names.mid(0, shown).join(QStringLiteral(", ")) +
           QStringLiteral(" +%1 more").arg(names.size() - shown);
}

struct PodFacts {
    PodRow row;
    QString phase;
};

HealthCheck podCheck(const QString &id, const QString &name, const QString &what,
                     const QList<PodFacts> &pods, const std::function<bool(const PodFacts &)> &bad,
                     int shown) {
    QStringList offenders;
    for (const PodFacts &p : pods) {
        if (bad(p))
            offenders << QStringLiteral("%1 (%2)").arg(p.row.name, p.row.status);
    }
    HealthCheck c{id, name, offenders.isEmpty(), QString()};
    c.count = int(offenders.size());
    c.total = int(pods.size());
    c.offenders = offenders;
    c.detail = offenders.isEmpty() ? QStringLiteral("0 %1").arg(what)
                                   : QStringLiteral("%1 %2: %3")
                                         .arg(offenders.size())
                                         .arg(what, nameList(offenders, shown));
    return c;
}

} // namespace

QList<HealthCheck> healthChecklist(const QList<QJsonObject> &deployments,
                                   const QList<QJsonObject> &replicaSets,
                                   const QList<QJsonObject> &pods,
                                   const ChecklistOptions &options) {
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    QList<PodRow> rows;
    QStringList phases;
    rows.reserve(pods.size());
    phases.reserve(pods.size());
    for (const QJsonObject &p : pods) {
        rows << podRow(p, now);
        phases << fields::status(p).value(QLatin1String("phase")).toString();
    }
    return healthChecklist(rows, phases, deploymentHealths(deployments, pods),
                           classifyReplicaSets(deployments, replicaSets), options);
}

QList<HealthCheck> healthChecklist(const QList<PodRow> &podRows, const QStringList &podPhases,
                                   const QList<DeploymentHealth> &deployments,
                                   const ReplicaSetClassification &rs,
                                   const ChecklistOptions &options) {
    const int shown = options.namesShown;
    QList<PodFacts> facts;
    facts.reserve(podRows.size());
    for (qsizetype i = 0; i < podRows.size(); ++i)
        facts << PodFacts{podRows.at(i), podPhases.value(i)};

    QList<HealthCheck> checks;

    {
        QStringList notRunning;
        for (const PodFacts &p : facts) {
            if (!p.row.healthy)
                notRunning
                    << QStringLiteral("%1 (%2 %3)").arg(p.row.name, p.row.status, p.row.ready);
        }
        HealthCheck c{QStringLiteral("pods-running"), QStringLiteral("All pods running"),
                      notRunning.isEmpty(), QString()};
        c.count = int(notRunning.size());
        c.total = int(facts.size());
        c.offenders = notRunning;
        c.detail =
            QStringLiteral("%1/%2 running").arg(facts.size() - notRunning.size()).arg(facts.size());
        if (!notRunning.isEmpty())
            c.detail += QStringLiteral("; not running: ") + nameList(notRunning, shown);
        checks << c;
    }
    checks << podCheck(
        QStringLiteral("no-crashloop"), QStringLiteral("No CrashLoopBackOff pods"),
        QStringLiteral("in CrashLoopBackOff"), facts,
        [](const PodFacts &p) {
            return stripInit(p.row.status) == QLatin1String("CrashLoopBackOff");
        },
        shown);
    checks << podCheck(
        QStringLiteral("no-imagepull"), QStringLiteral("No ImagePullBackOff pods"),
        QStringLiteral("failing to pull their image"), facts,
        [](const PodFacts &p) {
            const QString s = stripInit(p.row.status);
            return s == QLatin1String("ImagePullBackOff") || s == QLatin1String("ErrImagePull");
        },
        shown);
    checks << podCheck(
        QStringLiteral("no-error"), QStringLiteral("No Error pods"), QStringLiteral("in error"),
        facts,
        [](const PodFacts &p) {
            static const QStringList errors = {QStringLiteral("Error"),
                                               QStringLiteral("OOMKilled"),
                                               QStringLiteral("ContainerCannotRun"),
                                               QStringLiteral("CreateContainerError"),
                                               QStringLiteral("CreateContainerConfigError"),
                                               QStringLiteral("RunContainerError"),
                                               QStringLiteral("InvalidImageName")};
            const QString s = stripInit(p.row.status);
            return errors.contains(s) || s.startsWith(QLatin1String("ExitCode:")) ||
                   s.startsWith(QLatin1String("Signal:"));
        },
        shown);
    checks << podCheck(
        QStringLiteral("no-pending"), QStringLiteral("No Pending pods"), QStringLiteral("pending"),
        facts, [](const PodFacts &p) { return p.phase == QLatin1String("Pending"); }, shown);
    checks << podCheck(
        QStringLiteral("no-unknown"), QStringLiteral("No Unknown pods"), QStringLiteral("unknown"),
        facts,
        [](const PodFacts &p) {
            return p.row.status == QLatin1String("Unknown") || p.phase == QLatin1String("Unknown");
        },
        shown);

    {
        QStringList unhealthy;
        for (const DeploymentHealth &h : deployments) {
            if (!h.healthy)
                unhealthy << QStringLiteral("%1 (%2)").arg(h.name, h.reason);
        }
        HealthCheck c{QStringLiteral("deployments-healthy"),
                      QStringLiteral("All deployments healthy"), unhealthy.isEmpty(),
                      QStringLiteral("%1/%2 healthy")
                          .arg(deployments.size() - unhealthy.size())
                          .arg(deployments.size())};
        c.count = int(unhealthy.size());
        c.total = int(deployments.size());
        c.offenders = unhealthy;
        if (!unhealthy.isEmpty())
            c.detail += QStringLiteral("; unhealthy: ") + nameList(unhealthy, shown);
        checks << c;
    }

    {
        QStringList without;
        for (const DeploymentReplicaSets &d : rs.deployments) {
            if (d.current != 1)
                without << d.deployment;
        }
        HealthCheck c{QStringLiteral("one-current-rs"),
                      QStringLiteral("One current ReplicaSet per deployment"), without.isEmpty(),
                      QStringLiteral("%1/%2 deployments have a current ReplicaSet")
                          .arg(rs.deployments.size() - without.size())
                          .arg(rs.deployments.size())};
        c.count = int(without.size());
        c.total = int(rs.deployments.size());
        c.offenders = without;
        if (!without.isEmpty())
            c.detail += QStringLiteral("; none for: ") + nameList(without, shown);
        c.detail += QStringLiteral("; %1 ReplicaSets in all, %2 stale").arg(rs.total).arg(rs.stale);
        checks << c;
    }
    {
        QStringList over;
        int ownedStale = 0;
        for (const DeploymentReplicaSets &d : rs.deployments) {
            const int limit = d.revisionHistoryLimit < 0 ? 10 : d.revisionHistoryLimit;
            ownedStale += d.stale;
            if (d.stale > limit)
                over << QStringLiteral("%1 (%2 > %3)").arg(d.deployment).arg(d.stale).arg(limit);
        }
        HealthCheck c{QStringLiteral("stale-within-limit"),
                      QStringLiteral("Stale ReplicaSets within history limits"), over.isEmpty(),
                      QString()};
        c.count = int(over.size());
        c.total = ownedStale;
        c.offenders = over;
        c.detail = over.isEmpty()
                       ? QStringLiteral("%1 stale ReplicaSets, each deployment within its limit")
                             .arg(ownedStale)
                       : QStringLiteral("over the limit: ") + nameList(over, shown);
        checks << c;
    }
    {
        QStringList orphans;
        for (const ReplicaSetInfo &o : rs.ofKind(ReplicaSetClass::Orphaned))
            orphans << o.name;
        HealthCheck c{QStringLiteral("no-orphans"), QStringLiteral("No orphaned ReplicaSets"),
                      orphans.isEmpty(), QStringLiteral("%1 orphaned").arg(orphans.size())};
        c.count = int(orphans.size());
        c.total = rs.total;
        c.offenders = orphans;
        if (!orphans.isEmpty())
            c.detail += QStringLiteral(": ") + nameList(orphans, shown);
        checks << c;
    }
    {
        QStringList unset;
        QStringList above;
        for (const DeploymentReplicaSets &d : rs.deployments) {
            if (d.revisionHistoryLimit < 0)
                unset << d.deployment;
            else if (d.revisionHistoryLimit > options.historyLimitTarget)
                above << QStringLiteral("%1 (%2)").arg(d.deployment).arg(d.revisionHistoryLimit);
        }
        HealthCheck c{QStringLiteral("history-limit-set"),
                      QStringLiteral("revisionHistoryLimit set to %1 or less")
                          .arg(options.historyLimitTarget),
                      unset.isEmpty() && above.isEmpty(), QString()};
        c.count = int(above.size() + unset.size());
        c.total = int(rs.deployments.size());
        c.limit = options.historyLimitTarget;
        c.offenders = above;
        c.unset = unset;
        if (c.ok) {
            c.detail = QStringLiteral("%1/%1 deployments at %2 or less")
                           .arg(rs.deployments.size())
                           .arg(options.historyLimitTarget);
        } else {
            QStringList parts;
            if (!above.isEmpty())
                parts << QStringLiteral("%1 of %2 above %3: %4")
                             .arg(above.size())
                             .arg(rs.deployments.size())
                             .arg(options.historyLimitTarget)
                             .arg(nameList(above, shown));
            if (!unset.isEmpty())
                parts << QStringLiteral("%1 of %2 unset: %3")
                             .arg(unset.size())
                             .arg(rs.deployments.size())
                             .arg(nameList(unset, shown));
            c.detail = parts.join(QStringLiteral("; "));
        }
        checks << c;
    }
    return checks;
}

QList<HealthCheck> healthChecklist(const QJsonArray &deployments, const QJsonArray &replicaSets,
                                   const QJsonArray &pods, const ChecklistOptions &options) {
    return healthChecklist(fields::toObjects(deployments), fields::toObjects(replicaSets),
                           fields::toObjects(pods), options);
}

bool allChecksOk(const QList<HealthCheck> &checks) {
    for (const HealthCheck &c : checks) {
        if (!c.ok)
            return false;
    }
    return true;
}

QJsonArray checksToJson(const QList<HealthCheck> &checks) {
    QJsonArray out;
    for (const HealthCheck &c : checks)
        out.append(QJsonObject{{QStringLiteral("id"), c.id},
                               {QStringLiteral("name"), c.name},
                               {QStringLiteral("ok"), c.ok},
                               {QStringLiteral("detail"), c.detail}});
    return out;
}

} // namespace kiosk::k8s
