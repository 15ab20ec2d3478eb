#include "k8s/pod_status.h"

#include "k8s/duration_format.h"
#include "k8s/object_fields.h"

#include <QHash>
#include <QJsonArray>

namespace kiosk::k8s {

namespace {

const QLatin1String kState("state");
const QLatin1String kLastState("lastState");
const QLatin1String kWaiting("waiting");
const QLatin1String kRunning("running");
const QLatin1String kTerminated("terminated");
const QLatin1String kReason("reason");

// A state member (`waiting`, `running`, `terminated`) that is present and not null.
bool has(const QJsonObject &state, QLatin1String key) {
    return state.value(key).isObject();
}

QDateTime lastTerminationFinished(const QJsonObject &containerStatus) {
    const QJsonObject last = containerStatus.value(kLastState).toObject();
    if (!has(last, kTerminated))
        return {};
    return fields::parseTime(
        last.value(kTerminated).toObject().value(QLatin1String("finishedAt")).toString());
}

// Go's metav1.Time.Before on a possibly zero (invalid) time.
void keepNewest(QDateTime &current, const QDateTime &candidate) {
    if (candidate.isValid() && (!current.isValid() || current < candidate))
        current = candidate;
}

bool conditionTrue(const QJsonObject &podStatus, const QString &type) {
    for (const QJsonValue &c : podStatus.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject o = c.toObject();
        if (o.value(QLatin1String("type")).toString() == type)
            return o.value(QLatin1String("status")).toString() == QLatin1String("True");
    }
    return false;
}

bool hasReadyConditionTrue(const QJsonObject &podStatus) {
    for (const QJsonValue &c : podStatus.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject o = c.toObject();
        if (o.value(QLatin1String("type")).toString() == QLatin1String("Ready") &&
            o.value(QLatin1String("status")).toString() == QLatin1String("True"))
            return true;
    }
    return false;
}

QString terminatedText(const QJsonObject &terminated, const QString &prefix) {
    const QString reason = terminated.value(kReason).toString();
    if (!reason.isEmpty())
        return prefix + reason;
    const int signal = terminated.value(QLatin1String("signal")).toInt();
    if (signal != 0)
        return prefix + QStringLiteral("Signal:%1").arg(signal);
    return prefix +
           QStringLiteral("ExitCode:%1").arg(terminated.value(QLatin1String("exitCode")).toInt());
}

// The first container (init containers first) that explains an unhealthy status.
QString explain(const QJsonObject &podStatus, const QString &status) {
    const auto describe = [](const QJsonObject &cs) -> QString {
        const QString name = cs.value(QLatin1String("name")).toString();
        const QJsonObject state = cs.value(kState).toObject();
        QStringList parts;
        if (has(state, kWaiting)) {
            const QJsonObject w = state.value(kWaiting).toObject();
            QString text = w.value(kReason).toString();
            const QString message = w.value(QLatin1String("message")).toString();
            if (!message.isEmpty())
                text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + message;
            if (!text.isEmpty())
                parts << text;
        } else if (has(state, kTerminated)) {
            const QJsonObject t = state.value(kTerminated).toObject();
            parts << QStringLiteral("terminated %1 (exit code %2)")
                         .arg(terminatedText(t, QString()))
                         .arg(t.value(QLatin1String("exitCode")).toInt());
        } else if (has(state, kRunning) && !cs.value(QLatin1String("ready")).toBool()) {
            parts << QStringLiteral("running, not ready");
        } else {
            return {};
        }
        const QJsonObject last = cs.value(kLastState).toObject();
        if (has(last, kTerminated)) {
            const QJsonObject t = last.value(kTerminated).toObject();
            parts << QStringLiteral("last exit %1 (code %2)")
                         .arg(terminatedText(t, QString()))
                         .arg(t.value(QLatin1String("exitCode")).toInt());
        }
        return name + QStringLiteral(": ") + parts.join(QStringLiteral("; "));
    };
    for (const char *key : {"initContainerStatuses", "containerStatuses"}) {
        for (const QJsonValue &v : podStatus.value(QLatin1String(key)).toArray()) {
            const QJsonObject cs = v.toObject();
            const QJsonObject state = cs.value(kState).toObject();
            if (QLatin1String(key) == QLatin1String("initContainerStatuses") &&
                has(state, kTerminated) &&
                state.value(kTerminated).toObject().value(QLatin1String("exitCode")).toInt() == 0)
                continue;
            const QString text = describe(cs);
            if (!text.isEmpty())
                return text;
        }
    }
    const QString message = podStatus.value(QLatin1String("message")).toString();
    if (!message.isEmpty())
        return status + QStringLiteral(": ") + message;
    for (const QJsonValue &c : podStatus.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject o = c.toObject();
        if (o.value(QLatin1String("status")).toString() == QLatin1String("False") &&
            !o.value(QLatin1String("message")).toString().isEmpty())
            return o.value(QLatin1String("type")).toString() + QStringLiteral(": ") +
                   o.value(QLatin1String("message")).toString();
    }
    return status;
}

} // namespace

PodRow podRow(const QJsonObject &pod, const QDateTime &nowOrInvalid) {
    const QDateTime now = nowOrInvalid.isValid() ? nowOrInvalid : QDateTime::currentDateTimeUtc();
    const QJsonObject spec = fields::spec(pod);
    const QJsonObject status = fields::status(pod);

    PodRow row;
    row.name = fields::name(pod);
    row.phase = status.value(QLatin1String("phase")).toString();

    int restarts = 0;
    int restartableInitRestarts = 0;
    int totalContainers = spec.value(QLatin1String("containers")).toArray().size();
    int readyContainers = 0;
    QDateTime lastRestartDate;
    QDateTime lastRestartableInitRestartDate;

    QString reason = row.phase;
    const QString statusReason = status.value(kReason).toString();
    if (!statusReason.isEmpty())
        reason = statusReason;

    for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject o = c.toObject();
        if (o.value(QLatin1String("type")).toString() == QLatin1String("PodScheduled") &&
            o.value(kReason).toString() == QLatin1String("SchedulingGated"))
            reason = QStringLiteral("SchedulingGated");
    }

    const QJsonArray initSpecs = spec.value(QLatin1String("initContainers")).toArray();
    QHash<QString, bool> restartableInit;
    for (const QJsonValue &v : initSpecs) {
        const QJsonObject c = v.toObject();
        const bool restartable =
            c.value(QLatin1String("restartPolicy")).toString() == QLatin1String("Always");
        restartableInit.insert(c.value(QLatin1String("name")).toString(), restartable);
        if (restartable)
            ++totalContainers;
    }

    bool initializing = false;
    const QJsonArray initStatuses = status.value(QLatin1String("initContainerStatuses")).toArray();
    for (int i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject container = initStatuses.at(i).toObject();
        const int count = container.value(QLatin1String("restartCount")).toInt();
        restarts += count;
        const QDateTime finished = lastTerminationFinished(container);
        keepNewest(lastRestartDate, finished);
        const bool restartable =
            restartableInit.value(container.value(QLatin1String("name")).toString(), false);
        if (restartable) {
            restartableInitRestarts += count;
            keepNewest(lastRestartableInitRestartDate, finished);
        }
        const QJsonObject state = container.value(kState).toObject();
        const bool terminated = has(state, kTerminated);
        const QJsonObject term = state.value(kTerminated).toObject();
        const QJsonObject waiting = state.value(kWaiting).toObject();
        if (terminated && term.value(QLatin1String("exitCode")).toInt() == 0)
            continue;
        if (restartable && container.value(QLatin1String("started")).toBool()) {
            if (container.value(QLatin1String("ready")).toBool())
                ++readyContainers;
            continue;
        }
        if (terminated) {
            reason = terminatedText(term, QStringLiteral("Init:"));
        } else if (has(state, kWaiting) && !waiting.value(kReason).toString().isEmpty() &&
                   waiting.value(kReason).toString() != QLatin1String("PodInitializing")) {
            reason = QStringLiteral("Init:") + waiting.value(kReason).toString();
        } else {
            reason = QStringLiteral("Init:%1/%2").arg(i).arg(initSpecs.size());
        }
        initializing = true;
        break;
    }

    if (!initializing || conditionTrue(status, QStringLiteral("Initialized"))) {
        restarts = restartableInitRestarts;
        lastRestartDate = lastRestartableInitRestartDate;
        bool hasRunning = false;
        const QJsonArray statuses = status.value(QLatin1String("containerStatuses")).toArray();
        for (int i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject container = statuses.at(i).toObject();
            restarts += container.value(QLatin1String("restartCount")).toInt();
            keepNewest(lastRestartDate, lastTerminationFinished(container));
            const QJsonObject state = container.value(kState).toObject();
            const QString waitingReason =
                state.value(kWaiting).toObject().value(kReason).toString();
            const QJsonObject term = state.value(kTerminated).toObject();
            if (has(state, kWaiting) && !waitingReason.isEmpty()) {
                reason = waitingReason;
            } else if (has(state, kTerminated)) {
                reason = terminatedText(term, QString());
            } else if (container.value(QLatin1String("ready")).toBool() && has(state, kRunning)) {
                hasRunning = true;
                ++readyContainers;
            }
        }
        if (reason == QLatin1String("Completed") && hasRunning)
            reason = hasReadyConditionTrue(status) ? QStringLiteral("Running")
                                                   : QStringLiteral("NotReady");
    }

    if (fields::beingDeleted(pod)) {
        if (statusReason == QLatin1String("NodeLost"))
            reason = QStringLiteral("Unknown");
        else if (row.phase != QLatin1String("Succeeded") && row.phase != QLatin1String("Failed"))
            reason = QStringLiteral("Terminating");
    }

    row.status = reason;
    row.readyContainers = readyContainers;
    row.totalContainers = totalContainers;
    row.ready = QStringLiteral("%1/%2").arg(readyContainers).arg(totalContainers);
    row.restarts = restarts;
    row.restartsText = QString::number(restarts);
    if (restarts != 0 && lastRestartDate.isValid()) {
        row.lastRestartTime = lastRestartDate;
        row.lastRestartAge = humanAge(lastRestartDate, now);
        row.restartsText = QStringLiteral("%1 (%2 ago)").arg(restarts).arg(row.lastRestartAge);
    }
    row.age = humanAge(fields::creationTime(pod), now);
    row.healthy = podHealthy(row);
    if (!row.healthy)
        row.reason = explain(status, row.status);
    return row;
}

bool podHealthy(const QString &status, int readyContainers, int totalContainers) {
    if (status == QLatin1String("Completed"))
        return true;
    return status == QLatin1String("Running") && readyContainers == totalContainers;
}

bool podHealthy(const PodRow &row) {
    return podHealthy(row.status, row.readyContainers, row.totalContainers);
}

bool podHealthy(const QJsonObject &pod) {
    return podRow(pod, QDateTime::currentDateTimeUtc()).healthy;
}

} // namespace kiosk::k8s
