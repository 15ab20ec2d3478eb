#include "ui/health_alerts.h"

#include "ops/service_checks.h"
#include "security/audit_log.h"
#include "ui/admin_session.h"
#include "ui/cluster_controller.h"

namespace kiosk::ui {

namespace {

// Which service a deployment or a check is: one problem per service, whoever reports it.
enum class Service { Meds, AiBrain, Other };

Service serviceOfDeployment(const QString &name) {
    if (name.contains(QLatin1String("meds")))
        return Service::Meds;
    if (name.contains(QLatin1String("ai-brain")) || name.contains(QLatin1String("aibrain")))
        return Service::AiBrain;
    return Service::Other;
}

QString keyOf(Service service, const QString &deployment) {
    switch (service) {
    case Service::Meds:
        return QStringLiteral("service:meds");
    case Service::AiBrain:
        return QStringLiteral("service:ai-brain");
    case Service::Other:
        break;
    }
    return QStringLiteral("deployment:") + deployment;
}

QString messageOf(Service service, const QString &deployment) {
    switch (service) {
    case Service::Meds:
        return HealthAlerts::tr(
            "The medication service is not working. The list on this tablet still works.");
    case Service::AiBrain:
        return HealthAlerts::tr("Reading labels with AI Brain is not working. The tablet reads "
                                "labels by itself in the meantime.");
    case Service::Other:
        break;
    }
    return HealthAlerts::tr("Part of the home-care system (%1) is not working. The medication list "
                            "on this tablet still works.")
        .arg(deployment);
}

// Adds a problem, or the detail to the one already there for the same key.
void addProblem(QList<HealthAlerts::Problem> &problems, const HealthAlerts::Problem &problem) {
    for (HealthAlerts::Problem &p : problems) {
        if (p.key == problem.key) {
            if (!p.detail.contains(problem.detail))
                p.detail += QStringLiteral("; ") + problem.detail;
            return;
        }
    }
    problems << problem;
}

} // namespace

HealthAlerts::HealthAlerts(QObject *parent)
    : QObject(parent) {
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, &HealthAlerts::evaluate);
}

HealthAlerts::~HealthAlerts() = default;

void HealthAlerts::setCluster(ClusterController *cluster) {
    if (m_cluster == cluster)
        return;
    if (m_cluster)
        disconnect(m_cluster, nullptr, this, nullptr);
    m_cluster = cluster;
    if (cluster) {
        connect(cluster, &ClusterController::reportChanged, this, &HealthAlerts::evaluate);
        connect(cluster, &ClusterController::stateChanged, this, &HealthAlerts::evaluate);
    }
    emit clusterChanged();
    evaluate();
}

void HealthAlerts::setAdminSession(AdminSession *session) {
    if (m_adminSession == session)
        return;
    m_adminSession = session;
    emit adminSessionChanged();
}

void HealthAlerts::setUnreachableGraceMs(int ms) {
    m_graceMs = std::max(0, ms);
    emit alertsChanged();
    evaluate();
}

QString HealthAlerts::message() const {
    if (m_active.isEmpty())
        return {};
    const QString newest = m_active.constLast().message;
    return m_active.size() == 1 ? newest
                                : tr("%1 (%n more problem(s) on the Cluster page)", nullptr,
                                     int(m_active.size()) - 1)
                                      .arg(newest);
}

QString HealthAlerts::detail() const {
    return m_active.isEmpty() ? QString() : m_active.constLast().detail;
}

QStringList HealthAlerts::activeKeys() const {
    QStringList keys;
    for (const Problem &p : m_active)
        keys << p.key;
    return keys;
}

void HealthAlerts::dismiss() {
    if (m_dismissed || m_active.isEmpty())
        return;
    m_dismissed = true;
    emit alertsChanged();
}

QList<HealthAlerts::Problem> HealthAlerts::problemsOf(const k8s::ClusterHealthReport &report,
                                                      bool hasReport, bool apiUnreachable) {
    QList<Problem> problems;
    if (apiUnreachable)
        problems << Problem{QStringLiteral("api-unreachable"),
                            tr("The tablet cannot reach the home-care system. The medication list "
                               "on this tablet still works."),
                            tr("The Kubernetes API has not answered for more than a minute.")};
    if (!hasReport)
        return problems;
    for (const k8s::DeploymentHealth &d : report.deployments) {
        if (d.healthy)
            continue;
        const Service service = serviceOfDeployment(d.name);
        addProblem(problems, {keyOf(service, d.name), messageOf(service, d.name),
                              QStringLiteral("%1: %2").arg(d.name, d.reason)});
    }
    // A crash-looping pod is a problem even while other replicas keep its deployment available.
    for (const k8s::PodRow &pod : report.pods) {
        if (!pod.status.endsWith(QLatin1String("CrashLoopBackOff")))
            continue;
        const QString deployment = report.podDeployment.value(pod.name, pod.name);
        const Service service = serviceOfDeployment(deployment);
        addProblem(problems,
                   {keyOf(service, deployment), messageOf(service, deployment),
                    tr("%1 keeps crashing (%n restart(s))", nullptr, pod.restarts).arg(pod.name)});
    }
    for (const k8s::HealthCheck &check : report.checks) {
        if (check.ok)
            continue;
        if (check.id == ops::ServiceChecks::AiBrainCheckId)
            addProblem(problems, {keyOf(Service::AiBrain, {}), messageOf(Service::AiBrain, {}),
                                  check.detail});
        else if (check.id == ops::ServiceChecks::MedsServiceCheckId)
            addProblem(problems,
                       {keyOf(Service::Meds, {}), messageOf(Service::Meds, {}), check.detail});
    }
    return problems;
}

void HealthAlerts::evaluate() {
    bool apiUnreachable = false;
    bool hasReport = false;
    if (m_cluster) {
        using State = ClusterController::State;
        // Reconnecting: it was live and lost the API; Connecting with an error: never got there.
        const bool down =
            m_cluster->state() == State::Reconnecting ||
            (m_cluster->state() == State::Connecting && !m_cluster->errorText().isEmpty());
        if (!down) {
            m_unreachableSince = {};
            m_graceTimer.stop();
        } else {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (!m_unreachableSince.isValid())
                m_unreachableSince = now;
            const qint64 waited = m_unreachableSince.msecsTo(now);
            apiUnreachable = waited >= m_graceMs;
            if (!apiUnreachable && !m_graceTimer.isActive())
                m_graceTimer.start(int(m_graceMs - waited));
        }
        // A report from before the API went away says nothing new; keep judging by it.
        hasReport = m_cluster->hasData();
    }
    const QList<Problem> now =
        m_cluster ? problemsOf(m_cluster->report(), hasReport, apiUnreachable) : QList<Problem>();

    bool changed = false;
    for (qsizetype i = m_active.size() - 1; i >= 0; --i) {
        const Problem old = m_active.at(i);
        const bool stillThere = std::any_of(now.cbegin(), now.cend(),
                                            [&](const Problem &p) { return p.key == old.key; });
        if (!stillThere) {
            m_active.removeAt(i);
            record(QStringLiteral("event.recovered"), old, false);
            emit cleared(old.key);
            changed = true;
        }
    }
    for (const Problem &p : now) {
        const auto it = std::find_if(m_active.begin(), m_active.end(),
                                     [&](const Problem &a) { return a.key == p.key; });
        if (it == m_active.end()) {
            m_active << p;
            m_dismissed = false; // a new problem is shown even after a dismissal
            record(QStringLiteral("event.alert"), p, true);
            emit raised(p.key, p.message);
            changed = true;
        } else if (it->detail != p.detail || it->message != p.message) {
            *it = p; // the same problem, told better: no new alert, no new audit line
            changed = true;
        }
    }
    if (m_active.isEmpty())
        m_dismissed = false;
    if (changed)
        emit alertsChanged();
}

void HealthAlerts::record(const QString &action, const Problem &problem, bool failure) {
    security::AuditEntry entry;
    entry.actor = QStringLiteral("kiosk");
    entry.action = action;
    entry.target = problem.key;
    entry.outcome =
        failure ? security::AuditEntry::Outcome::Failure : security::AuditEntry::Outcome::Success;
    entry.detail = problem.detail;
    security::AuditLog log = m_adminSession ? m_adminSession->auditLog() : security::AuditLog();
    log.append(entry);
}

} // namespace kiosk::ui
