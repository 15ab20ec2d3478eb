#pragma once

#include "security/audit_entry.h"
#include "security/audit_log.h"

#include <QObject>
#include <QString>

namespace kiosk::ops {

class ActionGate;

// One change to the cluster as both front ends drive it: preview (plan and the server's dry run),
// then apply (the change, followed until it is done), each step reported through this one
// interface and every attempt written to the audit log. The CLI prints progressLine(); the UI
// binds to phase() and message().
class Operation : public QObject {
    Q_OBJECT

public:
    enum class Phase { Idle, Checking, Ready, Running, Succeeded, Failed };
    Q_ENUM(Phase)

    Phase phase() const { return m_phase; }
    // The latest line for people: what happens now, or how it ended.
    QString message() const { return m_message; }
    bool busy() const { return m_phase == Phase::Checking || m_phase == Phase::Running; }
    bool settled() const { return m_phase == Phase::Succeeded || m_phase == Phase::Failed; }
    // True when preview() ended in Ready (also after apply() started).
    bool previewAccepted() const { return m_previewAccepted; }

    // Asks the gate; a refusal is audited as Denied with the gate's reason. Apply calls it.
    bool authorize();

signals:
    void changed();                         // phase or message
    void progressLine(const QString &line); // one line of progress, e.g. "[2/5] delete rs-1: done"

protected:
    Operation(QString action, QString target, ActionGate *gate, security::AuditLog audit,
              QObject *parent);

    void setPhase(Phase phase, const QString &message);
    void setMessage(const QString &message);
    void setPreviewAccepted() { m_previewAccepted = true; }
    void audit(security::AuditEntry::Outcome outcome, const QString &detail);

private:
    QString m_action;
    QString m_target;
    ActionGate *m_gate;
    security::AuditLog m_audit;
    Phase m_phase = Phase::Idle;
    QString m_message;
    bool m_previewAccepted = false;
};

} // namespace kiosk::ops
