#include "ops/shell_user_gate.h"

namespace kiosk::ops {

bool ShellUserGate::mayAct(QString *why) const {
    if (why)
        why->clear();
    return true;
}

QString ShellUserGate::actor() const {
    return QStringLiteral("cli");
}

} // namespace kiosk::ops
