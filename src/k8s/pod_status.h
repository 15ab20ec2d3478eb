#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// A pod as one row of `kubectl get pods`: STATUS, READY and RESTARTS computed by the rules of
// kubectl's printPod (pkg/printers/internalversion/printers.go), plus a health verdict.
namespace kiosk::k8s {

struct PodRow {
    QString name;
    QString status; // kubectl's STATUS: Running, CrashLoopBackOff, Init:0/2, Terminating, ...
    int readyContainers = 0; // containers ready (restartable init containers count as containers)
    int totalContainers = 0;
    QString ready;             // "1/2"
    int restarts = 0;          // kubectl's RESTARTS number
    QString restartsText;      // kubectl's RESTARTS text: "3" or "3 (5m ago)"
    QString lastRestartAge;    // "5m" (empty when there is no restart time)
    QDateTime lastRestartTime; // newest lastState.terminated.finishedAt counted (invalid if none)
    QString age;               // kubectl's AGE ("<unknown>" without creationTimestamp)
    QString phase;             // status.phase as given
    bool healthy = false;      // podHealthy(status, ready)
    QString reason;            // one line for people on why it is not healthy (empty when healthy)
};

// The row kubectl would print for `pod` at time `now` (for the ages; invalid = the current time).
PodRow podRow(const QJsonObject &pod, const QDateTime &now);

// Healthy: STATUS "Running" with every container ready, or "Completed".
bool podHealthy(const QString &status, int readyContainers, int totalContainers);
bool podHealthy(const PodRow &row);
bool podHealthy(const QJsonObject &pod);

} // namespace kiosk::k8s
