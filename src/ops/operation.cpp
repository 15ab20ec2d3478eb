#include "ops/operation.h"

#include "ops/action_gate.h"

namespace kiosk::ops {

Operation::Operation(QString action, QString target, ActionGate *gate, security::AuditLog audit,
                     QObject *parent)
    : QObject(parent)
    , m_action(std::move(action))
    , m_target(std::move(target))
    , m_gate(gate)
    , m_audit(std::move(audit)) {}

bool Operation::authorize() {
    QString why;
    if (m_gate && m_gate->mayAct(&why))
        return true;
    if (why.isEmpty())
        why = QStringLiteral("admin actions are locked");
    audit(security::AuditEntry::Outcome::Denied, why);
    return false;
}

void Operation::setPhase(Phase phase, const QString &message) {
    if (phase == m_phase && message == m_message)
        return;
    m_phase = phase;
    m_message = message;
    emit changed();
}

void Operation::setMessage(const QString &message) {
    setPhase(m_phase, message);
}

void Operation::audit(security::AuditEntry::Outcome outcome, const QString &detail) {
    security::AuditEntry entry;
    entry.actor = m_gate ? m_gate->actor() : QStringLiteral("admin");
    entry.action = m_action;
    entry.target = m_target;
    entry.outcome = outcome;
    entry.detail = detail;
    if (!m_audit.append(entry))
        emit progressLine(QStringLiteral("warning: the audit log could not be written: %1")
                              .arg(m_audit.lastError()));
}

} // namespace kiosk::ops
