#pragma once

#include "k8s/deployment_health.h"
#include "k8s/rollback_planner.h"

#include <QCoreApplication>
#include <QString>

namespace kiosk::ui {

// A deployment's health and its rollback suggestion in the UI's language, from the facts
// k8s::deploymentHealth and k8s::rollbackSuggestion give (their `reason` and `text` stay the
// CLI's English). Pod names, STATUS values and the API server's own messages stay as they are.
class DeploymentHealthText {
    Q_DECLARE_TR_FUNCTIONS(DeploymentHealthText)

public:
    static QString reason(const k8s::DeploymentHealth &health);
    static QString suggestion(const k8s::RollbackSuggestion &suggestion);
};

} // namespace kiosk::ui
