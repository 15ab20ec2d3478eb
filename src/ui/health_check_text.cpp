#include "ui/health_check_text.h"

#include "ops/service_checks.h"

#include <QLocale>

namespace kiosk::ui {

QString HealthCheckText::nameList(const QStringList &names, int shown) {
    if (names.size() <= shown)
        return names.join(QStringLiteral(", "));
    return tr("%1 +%n more", nullptr, int(names.size() - shown))
        .arg(names.mid(0, shown).join(QStringLiteral(", ")));
}

QString HealthCheckText::name(const k8s::HealthCheck &c) {
    const QString &id = c.id;
    if (id == u"pods-running")
        return tr("All pods running");
    if (id == u"no-crashloop")
        return tr("No CrashLoopBackOff pods");
    if (id == u"no-imagepull")
        return tr("No ImagePullBackOff pods");
    if (id == u"no-error")
        return tr("No Error pods");
    if (id == u"no-pending")
        return tr("No Pending pods");
    if (id == u"no-unknown")
        return tr("No Unknown pods");
    if (id == u"deployments-healthy")
        return tr("All deployments healthy");
    if (id == u"one-current-rs")
        return tr("One current ReplicaSet per deployment");
    if (id == u"stale-within-limit")
        return tr("Stale ReplicaSets within history limits");
    if (id == u"no-orphans")
        return tr("No orphaned ReplicaSets");
    if (id == u"history-limit-set")
        return tr("revisionHistoryLimit set to %1 or less").arg(c.limit);
    if (id == ops::ServiceChecks::AiBrainCheckId)
        return tr("AI Brain answers");
    if (id == ops::ServiceChecks::MedsServiceCheckId)
        return tr("Medication service answers");
    return c.name; // a check this version does not know: the library's words
}

QString HealthCheckText::detail(const k8s::HealthCheck &c, int replicaSets, int stale) {
    const QString &id = c.id;
    const QString offenders = nameList(c.offenders);
    if (id == u"pods-running") {
        QString text = tr("%1/%2 running").arg(c.total - c.count).arg(c.total);
        if (c.count > 0)
            text = tr("%1; not running: %2").arg(text, offenders);
        return text;
    }
    if (id == u"no-crashloop")
        return c.count == 0
                   ? tr("No pod in CrashLoopBackOff")
                   : tr("%n pod(s) in CrashLoopBackOff: %1", nullptr, c.count).arg(offenders);
    if (id == u"no-imagepull")
        return c.count == 0
                   ? tr("No pod failing to pull its image")
                   : tr("%n pod(s) failing to pull the image: %1", nullptr, c.count).arg(offenders);
    if (id == u"no-error")
        return c.count == 0 ? tr("No pod in error")
                            : tr("%n pod(s) in error: %1", nullptr, c.count).arg(offenders);
    if (id == u"no-pending")
        return c.count == 0 ? tr("No pod pending")
                            : tr("%n pod(s) pending: %1", nullptr, c.count).arg(offenders);
    if (id == u"no-unknown")
        return c.count == 0
                   ? tr("No pod in an unknown state")
                   : tr("%n pod(s) in an unknown state: %1", nullptr, c.count).arg(offenders);
    if (id == u"deployments-healthy") {
        QString text = tr("%1/%2 healthy").arg(c.total - c.count).arg(c.total);
        if (c.count > 0)
            text = tr("%1; unhealthy: %2").arg(text, offenders);
        return text;
    }
    if (id == u"one-current-rs") {
        QString text =
            tr("%1/%2 deployments have a current ReplicaSet").arg(c.total - c.count).arg(c.total);
        if (c.count > 0)
            text = tr("%1; none for: %2").arg(text, offenders);
        return tr("%1; %2").arg(
            text, tr("%n ReplicaSet(s) in all, %1 stale", nullptr, replicaSets).arg(stale));
    }
    if (id == u"stale-within-limit")
        return c.count == 0 ? tr("%n stale ReplicaSet(s), each deployment within its limit",
                                 nullptr, c.total)
                            : tr("over the limit: %1").arg(offenders);
    if (id == u"no-orphans")
        return c.count == 0 ? tr("No orphaned ReplicaSet")
                            : tr("%n orphaned: %1", nullptr, c.count).arg(offenders);
    if (id == u"history-limit-set") {
        if (c.count == 0)
            return tr("%1/%1 deployments at %2 or less").arg(c.total).arg(c.limit);
        QStringList parts;
        if (!c.offenders.isEmpty())
            parts << tr("%1 of %2 above %3: %4")
                         .arg(c.offenders.size())
                         .arg(c.total)
                         .arg(c.limit)
                         .arg(offenders);
        if (!c.unset.isEmpty())
            parts
                << tr("%1 of %2 unset: %3").arg(c.unset.size()).arg(c.total).arg(nameList(c.unset));
        return parts.join(QStringLiteral("; "));
    }
    return c.detail;
}

} // namespace kiosk::ui
