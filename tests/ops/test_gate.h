#pragma once

#include "ops/action_gate.h"

// A gate the test opens and closes.
class TestGate : public kiosk::ops::ActionGate {
public:
    bool open = false;
    bool mayAct(QString *why) const override {
        if (why)
            *why = open ? QString() : QStringLiteral("locked for the test");
        return open;
    }
    QString actor() const override { return QStringLiteral("tester"); }
};
