#include "ui/cluster_controller.h"

#include "k8s/api_client.h"
#include "k8s/cluster_monitor.h"
#include "k8s/duration_format.h"
#include "k8s/event_timeline.h"
#include "k8s/object_fields.h"
#include "k8s/resource_informer.h"
#include "k8s/resource_path.h"
#include "ui/deployment_health_text.h"
#include "ui/health_check_text.h"

#include <QCoreApplication>
#include <QEvent>
#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>
#include <QLocale>

#include <algorithm>
#include <memory>

namespace kiosk::ui {

namespace {
const QStringList kDeploymentRoles = {"name",
                                      "healthy",
                                      "readyText",
                                      "ready",
                                      "desired",
                                      "image",
                                      "restarts",
                                      "reason",
                                      "revision",
                                      "stale",
                                      "paused",
                                      "suggestion",
                                      "suggestionRevision"};
const QStringList kPodRoles = {"name", "status",  "ready",      "restarts", "restartsText",
                               "age",  "healthy", "deployment", "reason"};
const QStringList kCheckRoles = {"checkId", "name", "ok", "detail"};
constexpr int kLogTailLines = 200;

QVariantMap podRowMap(const k8s::PodRow &p, const QString &deployment) {
    return {{"name", p.name},
            {"status", p.status},
            {"ready", p.ready},
            {"restarts", p.restarts},
            {"restartsText", p.restartsText},
            {"age", p.age},
            {"healthy", p.healthy},
            {"deployment", deployment},
            {"reason", p.reason}};
}

QVariantMap deploymentRowMap(const k8s::DeploymentHealth &d, int restarts, int stale,
                             const QString &suggestion, qint64 suggestionRevision) {
    return {{"name", d.name},
            {"healthy", d.healthy},
            {"readyText", d.readyText},
            {"ready", d.ready},
            {"desired", d.desired},
            {"image", d.images.value(0)},
            {"restarts", restarts},
            {"reason", DeploymentHealthText::reason(d)},
            {"revision", d.revision},
            {"stale", stale},
            {"paused", d.paused},
            {"suggestion", suggestion},
            {"suggestionRevision", suggestionRevision}};
}

// Failing first, so trouble is at the top of the page; otherwise in the report's order.
void failingFirst(QList<QVariantMap> &rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const QVariantMap &a, const QVariantMap &b) {
        return a.value("healthy").toBool() < b.value("healthy").toBool();
    });
}

QString containerState(const QJsonObject &state) {
    if (state.contains(u"waiting"))
        return state.value(u"waiting")
            .toObject()
            .value(u"reason")
            .toString(QStringLiteral("Waiting"));
    if (state.contains(u"terminated")) {
        const QJsonObject t = state.value(u"terminated").toObject();
        // The state names are Kubernetes' own (as kubectl describe shows them).
        return QCoreApplication::translate("kiosk::ui::ClusterController", "%1 (exit code %2)")
            .arg(t.value(u"reason").toString(QStringLiteral("Terminated")))
            .arg(t.value(u"exitCode").toInt());
    }
    if (state.contains(u"running"))
        return QStringLiteral("Running");
    return QStringLiteral("Unknown");
}
} // namespace

void ClusterController::setAdminSession(AdminSession *session) {
    if (session == m_adminSession)
        return;
    if (m_adminSession)
        disconnect(m_adminSession, nullptr, this, nullptr);
    m_adminSession = session;
    if (session)
        connect(session, &AdminSession::unlockedChanged, this,
                &ClusterController::actionsUnlockedChanged);
    emit adminSessionChanged();
    emit actionsUnlockedChanged();
}

// The session's log, so actions land where unlocks do (--demo keeps its own).
security::AuditLog ClusterController::auditLog() const {
    return m_adminSession ? m_adminSession->auditLog() : security::AuditLog();
}

ClusterController::ClusterController(QObject *parent)
    : QObject(parent)
    , m_deployments(new RowListModel(kDeploymentRoles, QStringLiteral("name"), this))
    , m_pods(new RowListModel(kPodRoles, QStringLiteral("name"), this))
    , m_checks(new RowListModel(kCheckRoles, QStringLiteral("checkId"), this))
    , m_services(new ops::ServiceChecks(this)) {
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &ClusterController::dataAgeChanged);
    connect(m_services, &ops::ServiceChecks::checksChanged, this,
            &ClusterController::refreshServiceChecks);
    connect(&m_reportBuild, &QFutureWatcherBase::finished, this, &ClusterController::applyReport);
    connect(&m_serviceTimer, &QTimer::timeout, m_services, &ops::ServiceChecks::probe);
    m_logFlush.setSingleShot(true);
    m_logFlush.setInterval(150);
    connect(&m_logFlush, &QTimer::timeout, this, &ClusterController::showFollowedLines);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

void ClusterController::watchServices(ops::ServiceChecks::EndpointSource source, int intervalMs) {
    m_services->setEndpointSource(std::move(source));
    m_serviceTimer.start(intervalMs);
    m_services->probe();
}

void ClusterController::checkServicesNow() {
    m_services->probe();
}

bool ClusterController::eventFilter(QObject *watched, QEvent *event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        rebuild(); // the rows' texts (nothing when there is no data yet)
        emit stateChanged();
        emit dataAgeChanged();
    }
    return QObject::eventFilter(watched, event);
}

void ClusterController::updateCheckRows() {
    QList<QVariantMap> checkRows;
    for (k8s::HealthCheck c : m_report.checks) {
        if (c.id == u"deployments-healthy") {
            // Its offenders carry the library's English reasons: the same in our words.
            c.offenders.clear();
            for (const auto &d : m_report.deployments) {
                if (!d.healthy)
                    c.offenders << tr("%1 (%2)", "deployment (why unhealthy)")
                                       .arg(d.name, DeploymentHealthText::reason(d));
            }
        }
        checkRows.append({{"checkId", c.id},
                          {"name", HealthCheckText::name(c)},
                          {"ok", c.ok},
                          {"detail", HealthCheckText::detail(c, m_report.replicaSets.total,
                                                             m_report.replicaSets.stale)}});
    }
    m_checks->setRows(checkRows);
}

ClusterController::~ClusterController() = default;

void ClusterController::connectTo(const k8s::ClusterConnection &connection, bool demo,
                                  const QString &warning) {
    delete m_monitor;
    m_connection = connection;
    m_demo = demo;
    m_warning = warning;
    m_error.clear();
    m_monitor = new k8s::ClusterMonitor(connection, this);
    m_replicaSetsByOwner = {};
    m_podsByOwner = {};
    // The informers' batches reach the indexes before the monitor's changed() reaches rebuild().
    const auto follow = [this](k8s::ResourceInformer *informer, k8s::OwnerIndex *index) {
        connect(informer, &k8s::ResourceInformer::objectsChanged, this,
                [informer, index](const QStringList &names, bool relisted) {
                    if (relisted)
                        index->rebuild(informer->objects());
                    else
                        index->update(informer->objects(), names);
                });
    };
    follow(m_monitor->replicaSetInformer(), &m_replicaSetsByOwner);
    follow(m_monitor->podInformer(), &m_podsByOwner);
    ++m_monitorGeneration;
    m_deploymentsSinceCopy.clear();
    m_podsSinceCopy.clear();
    connect(m_monitor->deploymentInformer(), &k8s::ResourceInformer::objectsChanged, this,
            [this](const QStringList &names, bool relisted) {
                if (relisted)
                    return;
                m_deploymentsSinceCopy.unite(QSet<QString>(names.cbegin(), names.cend()));
                updateDeploymentRows(names);
            });
    connect(m_monitor->podInformer(), &k8s::ResourceInformer::objectsChanged, this,
            [this](const QStringList &names, bool relisted) {
                if (relisted)
                    return;
                m_podsSinceCopy.unite(QSet<QString>(names.cbegin(), names.cend()));
                updatePodRows(names);
            });
    // A deployment's or pod's change reaches its row within a frame, not the informer's 50 ms.
    m_monitor->deploymentInformer()->setBatchInterval(kRowBatchMs);
    m_monitor->podInformer()->setBatchInterval(kRowBatchMs);
    connect(m_monitor, &k8s::ClusterMonitor::changed, this, &ClusterController::rebuild);
    connect(m_monitor, &k8s::ClusterMonitor::stateChanged, this, &ClusterController::updateState);
    m_state = State::Connecting;
    m_monitor->start();
    m_ageTimer.start();
    emit stateChanged();
}

void ClusterController::setNotConfigured() {
    delete m_monitor;
    m_state = State::NotConfigured;
    m_error.clear();
    emit stateChanged();
}

void ClusterController::setConfigError(const QString &error) {
    delete m_monitor;
    m_state = State::ConfigError;
    m_error = error;
    emit stateChanged();
}

void ClusterController::retry() {
    if (m_monitor) {
        m_monitor->stop();
        m_monitor->start();
    }
}

QString ClusterController::sourceText() const {
    if (m_demo)
        return tr("Demo cluster (built-in simulator)");
    return m_connection.description;
}

QString ClusterController::stateText() const {
    switch (m_state) {
    case State::NotConfigured:
        return tr("Not connected");
    case State::ConfigError:
        return tr("Cannot connect");
    case State::Connecting:
        return tr("Connecting");
    case State::Live:
        return tr("Live");
    case State::Reconnecting:
        return m_offlineSince.isValid()
                   ? tr("Offline since %1, reconnecting")
                         .arg(QLocale().toString(m_offlineSince.toLocalTime().time(),
                                                 QLocale::ShortFormat))
                   : tr("Reconnecting");
    }
    return {};
}

QString ClusterController::dataAgeText() const {
    if (!m_monitor || !m_hasData)
        return {};
    if (m_state == State::Live)
        return tr("Up to date");
    const QDateTime contact = m_monitor->lastContact();
    if (!contact.isValid())
        return {};
    return tr("Last update %1 ago").arg(k8s::humanAge(contact, QDateTime::currentDateTimeUtc()));
}

void ClusterController::updateState() {
    if (!m_monitor)
        return;
    State next = m_state;
    switch (m_monitor->state()) {
    case k8s::ClusterMonitor::State::Live:
        next = State::Live;
        m_offlineSince = {};
        break;
    case k8s::ClusterMonitor::State::Reconnecting:
        next = m_monitor->hasSynced() || m_hasData ? State::Reconnecting : State::Connecting;
        if (!m_offlineSince.isValid())
            m_offlineSince = QDateTime::currentDateTimeUtc();
        break;
    case k8s::ClusterMonitor::State::Connecting:
        next = m_hasData ? State::Reconnecting : State::Connecting;
        break;
    case k8s::ClusterMonitor::State::Stopped:
        break;
    }
    const k8s::ApiError error = m_monitor->lastError();
    const QString errorText = error.isError() ? error.message : QString();
    if (next != m_state || errorText != m_error) {
        m_state = next;
        m_error = errorText;
        emit stateChanged();
        emit dataAgeChanged();
    }
}

void ClusterController::rebuild() {
    if (!m_monitor || !m_monitor->hasSynced())
        return;
    // One report at a time, built off this thread: a namespace of thousands of objects takes
    // longer than the gap between watch events. Changes meanwhile make one more report after it.
    if (m_reportBuild.isRunning()) {
        m_rebuildPending = true;
        return;
    }
    m_rebuildPending = false;
    m_deploymentsSinceCopy.clear();
    m_podsSinceCopy.clear();
    // Shared copies only: sorting and every row are the worker's.
    ReportInput input{m_monitor->deploymentInformer()->objects(),
                      m_monitor->replicaSetInformer()->objects(),
                      m_monitor->podInformer()->objects(), m_replicaSetsByOwner, m_podsByOwner};
    const quint64 generation = m_monitorGeneration;
    m_reportBuild.setFuture(QtConcurrent::run(
        [input = std::move(input), generation] { return buildReport(input, generation); }));
}

ClusterController::BuiltReport ClusterController::buildReport(const ReportInput &input,
                                                              quint64 generation) {
    BuiltReport built;
    built.generation = generation;
    built.report = k8s::ClusterHealthReport::build(
        k8s::ResourceInformer::sortedByName(input.deployments),
        k8s::ResourceInformer::sortedByName(input.replicaSets),
        k8s::ResourceInformer::sortedByName(input.pods), QDateTime::currentDateTimeUtc());
    const k8s::ClusterHealthReport &report = built.report;
    built.deploymentRows.reserve(report.deployments.size());
    for (const auto &d : report.deployments) {
        const auto *rs = report.replicaSets.forDeployment(d.name);
        const QJsonObject deployment = d.healthy ? QJsonObject() : input.deployments.value(d.name);
        const auto suggestion =
            d.healthy
                ? k8s::RollbackSuggestion()
                : k8s::rollbackSuggestion(
                      deployment,
                      replicaSetsOf(deployment, input.replicaSetsByOwner, input.replicaSets),
                      podsOf(deployment, input.replicaSetsByOwner, input.podsByOwner, input.pods));
        built.deploymentRows.append(
            deploymentRowMap(d, report.deploymentRestarts.value(d.name), rs ? rs->stale : 0,
                             DeploymentHealthText::suggestion(suggestion),
                             suggestion.applicable ? suggestion.revision : 0));
    }
    failingFirst(built.deploymentRows);
    built.podRows.reserve(report.pods.size());
    for (const auto &p : report.pods)
        built.podRows.append(podRowMap(p, report.podDeployment.value(p.name)));
    failingFirst(built.podRows);
    return built;
}

void ClusterController::applyReport() {
    BuiltReport built = m_reportBuild.result();
    if (built.generation != m_monitorGeneration || !m_monitor)
        return; // made for a connection that is gone
    m_report = std::move(built.report);
    m_report.checks << m_services->checks();
    m_deployments->setRows(built.deploymentRows);
    m_pods->setRows(built.podRows);
    // What changed while the worker ran is newer than the report.
    updateDeploymentRows(m_deploymentsSinceCopy.values());
    updatePodRows(m_podsSinceCopy.values());
    publishReport();
    if (m_rebuildPending)
        rebuild();
}

// Deployments a watch batch touched, at once (their pods through the owner indexes): the list
// shows a scale or a new image without waiting for the whole report, which follows.
void ClusterController::updateDeploymentRows(const QStringList &names) {
    if (!m_monitor || !m_hasData)
        return;
    const QHash<QString, QJsonObject> &objects = m_monitor->deploymentInformer()->objects();
    for (const QString &name : names) {
        const int index = m_deployments->indexOf(name);
        const QJsonObject deployment = objects.value(name);
        if (index < 0 || deployment.isEmpty())
            continue; // a new or deleted deployment: the report's rows will say
        const QVariantMap old = m_deployments->get(index);
        const k8s::DeploymentHealth health =
            k8s::deploymentHealthOfPods(deployment, podsOf(deployment));
        QVariantMap row = deploymentRowMap(
            health, old.value("restarts").toInt(), old.value("stale").toInt(),
            old.value("suggestion").toString(), old.value("suggestionRevision").toLongLong());
        if (row.value("healthy") != old.value("healthy"))
            row.insert("suggestion", QString()); // until the report has looked again
        m_deployments->setRow(index, row);
    }
}

// Pods a watch batch touched, at once, with the deployment the report found for them: a pod's
// new status shows without waiting for the whole report.
void ClusterController::updatePodRows(const QStringList &names) {
    if (!m_monitor || !m_hasData)
        return;
    const QHash<QString, QJsonObject> &objects = m_monitor->podInformer()->objects();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &name : names) {
        const int index = m_pods->indexOf(name);
        const QJsonObject pod = objects.value(name);
        if (index < 0 || pod.isEmpty())
            continue; // a new or deleted pod: the report's rows will say
        m_pods->setRow(index, podRowMap(k8s::podRow(pod, now),
                                        m_pods->get(index).value("deployment").toString()));
    }
}

// The service checks' rows in the report, replaced when a probe round changed one.
void ClusterController::refreshServiceChecks() {
    if (!m_hasData)
        return;
    m_report.checks.removeIf([](const k8s::HealthCheck &c) {
        return c.id == ops::ServiceChecks::AiBrainCheckId ||
               c.id == ops::ServiceChecks::MedsServiceCheckId;
    });
    m_report.checks << m_services->checks();
    publishReport();
}

void ClusterController::publishReport() {
    updateCheckRows();

    m_summary = ClusterSummary::fromReport(m_report);
    m_hasData = true;
    updateState();
    emit reportChanged();
    const bool selectedPodGone =
        m_selectedPod.isEmpty() || !m_monitor->podInformer()->objects().contains(m_selectedPod);
    const QString replacement = m_selectedDeployment.isEmpty() || !selectedPodGone
                                    ? QString()
                                    : preferredPod(m_selectedDeployment);
    if (!replacement.isEmpty())
        selectPod(replacement);
    else if (!m_selectedPod.isEmpty())
        refreshPodDetail();
    if (!m_historyDeployment.isEmpty())
        refreshHistory();
}

// The deployment's own ReplicaSets (by owner uid, as isControlledBy decides), sorted by name.
QList<QJsonObject> ClusterController::replicaSetsOf(const QJsonObject &deployment) const {
    if (!m_monitor)
        return {};
    return replicaSetsOf(deployment, m_replicaSetsByOwner,
                         m_monitor->replicaSetInformer()->objects());
}

QList<QJsonObject>
ClusterController::replicaSetsOf(const QJsonObject &deployment,
                                 const k8s::OwnerIndex &replicaSetsByOwner,
                                 const QHash<QString, QJsonObject> &replicaSets) {
    if (deployment.isEmpty())
        return {};
    return replicaSetsByOwner.objectsOwnedBy(deployment, replicaSets);
}

// The pods of the deployment's ReplicaSets: what its history and rollback read of pods.
QList<QJsonObject> ClusterController::podsOf(const QJsonObject &deployment) const {
    if (!m_monitor)
        return {};
    return podsOf(deployment, m_replicaSetsByOwner, m_podsByOwner,
                  m_monitor->podInformer()->objects());
}

QList<QJsonObject> ClusterController::podsOf(const QJsonObject &deployment,
                                             const k8s::OwnerIndex &replicaSetsByOwner,
                                             const k8s::OwnerIndex &podsByOwner,
                                             const QHash<QString, QJsonObject> &pods) {
    if (deployment.isEmpty())
        return {};
    return podsByOwner.objectsOwnedBy(
        QStringLiteral("ReplicaSet"),
        replicaSetsByOwner.ownedBy(QStringLiteral("Deployment"), k8s::fields::name(deployment)),
        pods);
}

QVariantList ClusterController::podsOfDeployment(const QString &deployment) const {
    QVariantList list;
    for (const auto &p : m_report.pods) {
        if (m_report.podDeployment.value(p.name) == deployment)
            list.append(podRowMap(p, deployment));
    }
    return list;
}

void ClusterController::showHistory(const QString &deployment) {
    const bool switched = deployment != m_historyDeployment;
    m_historyDeployment = deployment;
    if (!refreshHistory() && switched)
        emit historyChanged();
}

bool ClusterController::refreshHistory() {
    QVariantList rows;
    const QJsonObject deployment =
        m_monitor && !m_historyDeployment.isEmpty()
            ? m_monitor->deploymentInformer()->objects().value(m_historyDeployment)
            : QJsonObject();
    if (!deployment.isEmpty()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const auto &e :
             k8s::revisionHistory(deployment, replicaSetsOf(deployment), podsOf(deployment)))
            rows.append(QVariantMap{{"revision", e.revision},
                                    {"images", e.images.join(QStringLiteral(", "))},
                                    {"age", k8s::humanAge(e.created, now)},
                                    {"ran", e.everRan},
                                    {"ranEvidence", e.ranEvidence},
                                    {"current", e.current},
                                    {"canRollBack", e.canRollBackTo()},
                                    {"changeCause", e.changeCause},
                                    {"replicaSet", e.replicaSetName}});
    }
    if (rows == m_revisionHistory)
        return false;
    m_revisionHistory = rows;
    emit historyChanged();
    return true;
}

void ClusterController::selectPod(const QString &name) {
    m_selectedPod = name;
    m_podLogFailedAtStatus.clear();
    m_podEvents.clear();
    // A deployment's live log goes on across its pods (the follower moves to the new one).
    const bool keepFollowing = m_logFollower && !m_followedDeployment.isEmpty() &&
                               m_followedDeployment == m_selectedDeployment;
    if (!keepFollowing) {
        stopFollowing();
        m_podLog.clear();
        m_podLogTitle.clear();
    }
    refreshPodDetail();
    if (!m_monitor || name.isEmpty())
        return;
    fetchEvents(name);
    if (!keepFollowing)
        fetchLog(name, true);
}

QString ClusterController::preferredPod(const QString &deployment) const {
    QString first;
    for (const auto &p : m_report.pods) {
        if (m_report.podDeployment.value(p.name) != deployment)
            continue;
        if (!p.healthy)
            return p.name;
        if (first.isEmpty())
            first = p.name;
    }
    return first;
}

void ClusterController::selectDeployment(const QString &name) {
    if (name != m_selectedDeployment)
        stopFollowing();
    m_selectedDeployment = name;
    selectPod(preferredPod(name));
}

void ClusterController::clearSelection() {
    stopFollowing();
    m_selectedDeployment.clear();
    m_selectedPod.clear();
    m_podDetail.clear();
    m_podLog.clear();
    m_podLogTitle.clear();
    m_podLogLoading = false;
    m_podLogFailedAtStatus.clear();
    emit podDetailChanged();
    emit podLogChanged();
    showHistory(QString());
}

void ClusterController::refreshPodDetail() {
    QVariantMap detail;
    const QJsonObject pod =
        m_monitor ? m_monitor->podInformer()->objects().value(m_selectedPod) : QJsonObject();
    if (!pod.isEmpty()) {
        const k8s::PodRow row = k8s::podRow(pod, QDateTime::currentDateTimeUtc());
        // A log asked for before the container started is asked for again once the status moves on.
        if (!m_podLogLoading && !m_podLogFailedAtStatus.isEmpty() &&
            row.status != m_podLogFailedAtStatus) {
            m_podLogFailedAtStatus.clear();
            fetchLog(m_selectedPod, true);
        }
        detail = podRowMap(row, m_report.podDeployment.value(row.name));
        detail.insert("node", k8s::fields::spec(pod).value(u"nodeName").toString());
        detail.insert("phase", row.phase);
        QHash<QString, QJsonObject> statuses;
        for (const auto &s : k8s::fields::status(pod).value(u"containerStatuses").toArray())
            statuses.insert(s.toObject().value(u"name").toString(), s.toObject());
        QVariantList containers;
        for (const auto &c : k8s::fields::spec(pod).value(u"containers").toArray()) {
            const QJsonObject container = c.toObject();
            const QString containerName = container.value(u"name").toString();
            const QJsonObject status = statuses.value(containerName);
            const QJsonObject last =
                status.value(u"lastState").toObject().value(u"terminated").toObject();
            containers.append(QVariantMap{
                {"name", containerName},
                {"image", container.value(u"image").toString()},
                {"ready", status.value(u"ready").toBool()},
                {"restarts", status.value(u"restartCount").toInt()},
                {"state", status.isEmpty() ? tr("Not started")
                                           : containerState(status.value(u"state").toObject())},
                {"lastTermination",
                 last.isEmpty() ? QString()
                                : tr("%1, exit code %2, %3 ago")
                                      .arg(last.value(u"reason").toString(tr("Terminated")))
                                      .arg(last.value(u"exitCode").toInt())
                                      .arg(k8s::humanAge(k8s::fields::parseTime(
                                                             last.value(u"finishedAt").toString()),
                                                         QDateTime::currentDateTimeUtc()))}});
        }
        detail.insert("containers", containers);
        detail.insert("events", m_podEvents);
    } else if (!m_selectedPod.isEmpty()) {
        detail.insert("name", m_selectedPod);
        detail.insert("gone", true);
    }
    m_podDetail = detail;
    emit podDetailChanged();
}

void ClusterController::fetchEvents(const QString &pod) {
    // The pod's events, then its deployment's (scaling, a rollout): one timeline, newest first.
    const QString deployment = m_report.podDeployment.value(pod);
    QList<k8s::EventTimeline::Involved> objects{{QStringLiteral("Pod"), pod}};
    if (!deployment.isEmpty())
        objects.append({QStringLiteral("Deployment"), deployment});
    auto rows = std::make_shared<QList<k8s::EventRow>>();
    auto waiting = std::make_shared<int>(int(objects.size()));
    for (const auto &object : objects) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("fieldSelector"),
                           k8s::EventTimeline::fieldSelector(object));
        m_monitor->client()->get(
            k8s::ResourcePath::collection(k8s::ResourceKind::Event, m_connection.nameSpace), query,
            this, [this, pod, rows, waiting](const k8s::ApiResponse &response) {
                if (!response.error.isError())
                    *rows << k8s::EventTimeline::fromList(
                        response.object.value(u"items").toArray());
                if (--*waiting > 0 || pod != m_selectedPod)
                    return;
                std::stable_sort(rows->begin(), rows->end(),
                                 [](const k8s::EventRow &a, const k8s::EventRow &b) {
                                     return a.lastSeen > b.lastSeen;
                                 });
                const QDateTime now = QDateTime::currentDateTimeUtc();
                m_podEvents.clear();
                for (const k8s::EventRow &e : std::as_const(*rows))
                    m_podEvents.append(QVariantMap{
                        {"type", e.type},
                        {"warning", e.warning()},
                        {"reason", e.reason},
                        {"object",
                         QStringLiteral("%1/%2").arg(e.objectKind.toLower(), e.objectName)},
                        {"message", e.message},
                        {"count", e.count},
                        {"firstSeen",
                         e.firstSeen.isValid() ? k8s::humanAge(e.firstSeen, now) : QString()},
                        {"lastSeen",
                         e.lastSeen.isValid() ? k8s::humanAge(e.lastSeen, now) : QString()}});
                refreshPodDetail();
            });
    }
}

void ClusterController::fetchLog(const QString &pod, bool previous) {
    m_podLogLoading = true;
    emit podLogChanged();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("tailLines"), QString::number(kLogTailLines));
    if (previous)
        query.addQueryItem(QStringLiteral("previous"), QStringLiteral("true"));
    m_monitor->client()->get(
        k8s::ResourcePath::subresource(k8s::ResourceKind::Pod, m_connection.nameSpace, pod,
                                       QStringLiteral("log")),
        query, this, [this, pod, previous](const k8s::ApiResponse &response) {
            if (pod != m_selectedPod)
                return;
            if (response.error.isError() && previous) {
                // No previous container (it never crashed): show the running one instead.
                fetchLog(pod, false);
                return;
            }
            m_podLogLoading = false;
            if (response.error.isError()) {
                m_podLogTitle = tr("Log unavailable");
                m_podLog = response.error.message;
                const QJsonObject object =
                    m_monitor ? m_monitor->podInformer()->objects().value(pod) : QJsonObject();
                m_podLogFailedAtStatus =
                    object.isEmpty() ? QString()
                                     : k8s::podRow(object, QDateTime::currentDateTimeUtc()).status;
            } else {
                m_podLogFailedAtStatus.clear();
                m_podLogTitle = previous ? tr("Last %n line(s) before the last crash", nullptr,
                                              int(kLogTailLines))
                                         : tr("Last %n line(s)", nullptr, int(kLogTailLines));
                m_podLog = QString::fromUtf8(response.body);
            }
            emit podLogChanged();
        });
}

static_assert(int(ClusterController::ActionPhase::Failed) == int(ops::Operation::Phase::Failed) &&
                  int(ClusterController::ActionPhase::Idle) == int(ops::Operation::Phase::Idle),
              "ActionPhase mirrors ops::Operation::Phase, value for value");

ClusterController::ActionPhase ClusterController::cleanupPhase() const {
    return m_cleanup ? static_cast<ActionPhase>(m_cleanup->phase()) : ActionPhase::Idle;
}

ClusterController::ActionPhase ClusterController::rollbackPhase() const {
    return m_rollback ? static_cast<ActionPhase>(m_rollback->phase()) : ActionPhase::Idle;
}

void ClusterController::resetCleanup() {
    if (m_cleanup && m_cleanup->busy())
        return;
    delete m_cleanup;
    m_cleanupPreview.clear();
    m_cleanupResult.clear();
    emit cleanupChanged();
}

void ClusterController::previewCleanup(int keep, bool includeOrphans) {
    if (!m_monitor || !m_monitor->hasSynced() || (m_cleanup && m_cleanup->busy()))
        return;
    k8s::CleanupOptions options;
    options.keep = std::max(0, keep);
    options.includeOrphans = includeOrphans;
    const auto plan = k8s::planCleanup(m_monitor->deployments(), m_monitor->replicaSets(),
                                       m_monitor->pods(), options);
    QVariantList orphans;
    for (const auto &o : plan.orphans)
        orphans.append(
            QVariantMap{{"name", o.name}, {"willDelete", o.willDelete}, {"reason", o.reason}});
    m_cleanupPreview = {{"keep", options.keep},
                        {"includeOrphans", includeOrphans},
                        {"deletes", plan.deletes.size()},
                        {"patches", plan.patches.size()},
                        {"orphans", orphans},
                        {"lines", plan.summaryLines()},
                        {"before", plan.replicaSetsBefore},
                        {"after", plan.replicaSetsAfter},
                        {"empty", plan.isEmpty()},
                        {"refused", 0}};
    m_cleanupResult.clear();
    delete m_cleanup;
    m_cleanup = new ops::CleanupOperation(m_monitor->client(), m_connection.nameSpace, plan,
                                          m_adminSession, auditLog(), this);
    connect(m_cleanup, &ops::Operation::changed, this, [this] {
        updateCleanupMaps();
        emit cleanupChanged();
    });
    m_cleanup->preview();
}

// The preview's refusals and the run's counts as QML reads them, from the operation's executors.
void ClusterController::updateCleanupMaps() {
    using Status = k8s::CleanupExecutor::ItemResult::Status;
    const auto problemsOf = [](const k8s::CleanupExecutor &executor) {
        QVariantList problems;
        for (const auto &r : executor.results())
            if (r.status != Status::Done)
                problems.append(QVariantMap{{"action", r.action},
                                            {"name", r.name},
                                            {"status", k8s::CleanupExecutor::statusName(r.status)},
                                            {"message", r.message}});
        return problems;
    };
    // The dry run's answers are final once it ends: read them once, not on every step of the run.
    if (const auto *checked = m_cleanup->dryRun();
        checked && !checked->isRunning() && !m_cleanupPreview.contains("problems")) {
        m_cleanupPreview.insert("refused", checked->count(Status::Failed));
        m_cleanupPreview.insert("problems", problemsOf(*checked));
    }
    if (const auto *run = m_cleanup->run(); run && !run->isRunning())
        m_cleanupResult = {{"done", run->count(Status::Done)},
                           {"skipped", run->count(Status::Skipped)},
                           {"failed", run->count(Status::Failed)},
                           {"problems", problemsOf(*run)}};
}

bool ClusterController::runCleanup() {
    return m_cleanup && m_cleanup->apply();
}

void ClusterController::resetRollback() {
    if (m_rollback && m_rollback->busy())
        return;
    delete m_rollback;
    emit rollbackChanged();
}

bool ClusterController::rollback(const QString &deployment, qint64 toRevision) {
    if (!m_monitor || (m_rollback && m_rollback->busy()))
        return false;
    delete m_rollback;
    m_rollback = new ops::RollbackOperation(
        m_monitor->client(), m_connection.nameSpace,
        m_monitor->deploymentInformer()->objects().value(deployment),
        replicaSetsOf(m_monitor->deploymentInformer()->objects().value(deployment)), toRevision,
        m_adminSession, auditLog(), this);
    connect(m_rollback, &ops::Operation::changed, this, &ClusterController::rollbackChanged);
    // The PIN was asked before the tap reached here: preview and apply in one go.
    if (!m_rollback->previewAndApply())
        delete m_rollback;
    emit rollbackChanged();
    return m_rollback && m_rollback->plan().ok();
}

ClusterController::ActionPhase ClusterController::restartPhase() const {
    return m_restart ? static_cast<ActionPhase>(m_restart->phase()) : ActionPhase::Idle;
}

void ClusterController::resetRestart() {
    if (m_restart && m_restart->busy())
        return;
    delete m_restart;
    emit restartChanged();
}

bool ClusterController::restart(const QString &deployment) {
    if (!m_monitor || (m_restart && m_restart->busy()))
        return false;
    const QJsonObject object = m_monitor->deploymentInformer()->objects().value(deployment);
    if (object.isEmpty())
        return false;
    delete m_restart;
    m_restart = new ops::RestartOperation(m_monitor->client(), m_connection.nameSpace, object,
                                          m_adminSession, auditLog(), this);
    connect(m_restart, &ops::Operation::changed, this, &ClusterController::restartChanged);
    // The PIN was asked before the tap reached here: preview and apply in one go.
    const bool started = m_restart->previewAndApply();
    emit restartChanged();
    return started;
}

void ClusterController::followPodLog(bool follow) {
    stopFollowing();
    if (!follow || !m_monitor || m_selectedPod.isEmpty()) {
        if (m_monitor && !m_selectedPod.isEmpty())
            fetchLog(m_selectedPod, true); // back to the last lines, as before following
        emit podLogChanged();
        return;
    }
    k8s::LogFollower::Options options;
    options.follow = true;
    options.tailLines = kLogTailLines;
    options.maxLines = kFollowedLogLines;
    m_followedDeployment = m_selectedDeployment;
    m_logFollower = new k8s::LogFollower(m_monitor->client(), m_connection.nameSpace,
                                         m_followedDeployment.isEmpty() ? m_selectedPod : QString(),
                                         m_followedDeployment, options, this);
    m_podLog.clear();
    m_podLogNotice.clear();
    m_podLogLoading = true;
    m_podLogTitle = tr("Live log of %1").arg(m_selectedPod);
    connect(m_logFollower, &k8s::LogFollower::lineReceived, this, [this] {
        if (m_podLogPaused)
            ++m_podLogHeld;
        if (!m_logFlush.isActive())
            m_logFlush.start();
    });
    connect(m_logFollower, &k8s::LogFollower::podChanged, this, [this](const QString &pod) {
        m_podLogTitle = tr("Live log of %1").arg(pod);
        m_podLogNotice.clear();
        emit podLogChanged();
    });
    connect(m_logFollower, &k8s::LogFollower::notice, this, [this](const QString &text) {
        m_podLogNotice = text;
        emit podLogChanged();
    });
    connect(m_logFollower, &k8s::LogFollower::finished, this,
            [this](bool ok, const QString &error) {
                if (!ok)
                    m_podLogNotice = tr("The live log stopped: %1").arg(error);
                showFollowedLines();
                stopFollowing();
                emit podLogChanged();
            });
    m_logFollower->start();
    emit podLogChanged();
}

void ClusterController::pausePodLog(bool paused) {
    if (paused == m_podLogPaused)
        return;
    m_podLogPaused = paused;
    m_podLogHeld = 0;
    if (!paused)
        showFollowedLines();
    emit podLogChanged();
}

void ClusterController::showFollowedLines() {
    if (!m_logFollower)
        return;
    if (m_podLogPaused) {
        emit podLogChanged(); // only the count of held lines moves
        return;
    }
    m_podLog = m_logFollower->lines().join(QLatin1Char('\n'));
    m_podLogLoading = false;
    emit podLogChanged();
}

void ClusterController::stopFollowing() {
    m_logFlush.stop();
    m_podLogPaused = false;
    m_podLogHeld = 0;
    m_followedDeployment.clear();
    if (!m_logFollower)
        return;
    QPointer<k8s::LogFollower> follower = m_logFollower;
    m_logFollower = nullptr;
    disconnect(follower, nullptr, this, nullptr);
    follower->stop();
    follower->deleteLater();
    m_podLogLoading = false;
}

} // namespace kiosk::ui
