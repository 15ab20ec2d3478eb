#pragma once

#include "ops/action_gate.h"

namespace kiosk::ops {

// The CLI's gate: always open. Whoever runs `kilo-kiosk cluster ...` in a shell on the tablet
// already owns its files (the PIN hash and the keyring included); the PIN guards the touch screen.
class ShellUserGate : public ActionGate {
public:
    bool mayAct(QString *why) const override;
    QString actor() const override;
};

} // namespace kiosk::ops
