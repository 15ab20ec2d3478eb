#pragma once

#include "k8s/health_checklist.h"

#include <QCoreApplication>
#include <QString>

namespace kiosk::ui {

// The verification checklist in the UI's language: k8s::healthChecklist gives each check an id
// and its facts (counts, offenders); this words them. Kubernetes names and STATUS values
// (CrashLoopBackOff, ...) stay as they are.
class HealthCheckText {
    Q_DECLARE_TR_FUNCTIONS(HealthCheckText)

public:
    static QString name(const k8s::HealthCheck &check);
    // `replicaSets` and `stale`: the namespace's ReplicaSets, for the one-current-rs check.
    static QString detail(const k8s::HealthCheck &check, int replicaSets, int stale);
    // "a, b, c +2 more" with the first `shown` names.
    static QString nameList(const QStringList &names, int shown = 3);
};

} // namespace kiosk::ui
