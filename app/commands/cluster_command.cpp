#include "commands/cluster_command.h"

#include "cli/cli_output.h"
#include "cli/subcommand_parser.h"

#include "k8s/api_client.h"
#include "k8s/cluster_health_report.h"
#include "k8s/cluster_monitor.h"
#include "k8s/connection_resolver.h"
#include "k8s/duration_format.h"
#include "k8s/event_timeline.h"
#include "k8s/log_follower.h"
#include "k8s/resource_path.h"
#include "ops/cleanup_operation.h"
#include "ops/connect_operation.h"
#include "ops/forget_connection_operation.h"
#include "ops/restart_operation.h"
#include "ops/rollback_operation.h"
#include "ops/service_checks.h"
#include "ops/shell_user_gate.h"
#include "security/audit_log.h"
#include "security/connection_profile.h"
#include "security/credential_store.h"
#include "security/redaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <optional>

namespace {

using kiosk::k8s::ApiError;
using kiosk::k8s::ClusterConnection;

// Through the one CLI printer, with secrets (tokens, keys) redacted: API errors may echo them.
int fail(const QString &message) {
    return kiosk::cli::CliOutput::fail(kiosk::security::redact(message));
}

void addConnectionOptions(kiosk::cli::SubcommandParser &parser) {
    parser.addOption(
        {QStringLiteral("kubeconfig"), QStringLiteral("kubeconfig file"), QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("context"), QStringLiteral("kubeconfig context"), QStringLiteral("name")});
    parser.addOption({{QStringLiteral("n"), QStringLiteral("namespace")},
                      QStringLiteral("namespace"),
                      QStringLiteral("ns")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("API server URL (plain)"),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("seconds to wait for the cluster (default 20)"),
                      QStringLiteral("s"), QStringLiteral("20")});
}

std::optional<ClusterConnection> resolveConnection(const kiosk::cli::SubcommandParser &parser,
                                                   QString *error) {
    QSettings settings;
    kiosk::security::CredentialStore credentials;
    const auto outcome = kiosk::k8s::ConnectionResolver::resolve(
        {parser.value(QStringLiteral("server")), parser.value(QStringLiteral("kubeconfig")),
         parser.value(QStringLiteral("context")), parser.value(QStringLiteral("namespace"))},
        settings, credentials, QProcessEnvironment::systemEnvironment(), QDir::homePath());
    if (!outcome.result.connection) {
        *error = outcome.result.error;
        return std::nullopt;
    }
    if (!outcome.result.warning.isEmpty())
        QTextStream(stderr) << "kilo-kiosk: warning: " << outcome.result.warning << '\n';
    return outcome.result.connection;
}

int timeoutMs(const kiosk::cli::SubcommandParser &parser) {
    bool ok = false;
    const int seconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
    return ok && seconds > 0 ? seconds * 1000 : 20000;
}

// Errors that retrying will not fix: report them at once instead of waiting for the timeout.
// An unreachable server is final for a one-shot status (as for kubectl); --watch keeps trying.
bool isFinal(const ApiError &error, bool watch) {
    using Kind = ApiError::Kind;
    return error.kind == Kind::Unauthorized || error.kind == Kind::Forbidden ||
           error.kind == Kind::Tls || error.kind == Kind::NotFound || error.kind == Kind::Invalid ||
           (!watch && error.kind == Kind::Network);
}

constexpr int kServiceCheckIntervalMs = 30000;

QString pad(const QString &text, int width) {
    return text.leftJustified(width);
}

void printTable(QTextStream &out, const kiosk::k8s::ClusterHealthReport &report,
                const ClusterConnection &c) {
    out << "Namespace " << c.nameSpace << " on " << c.description << '\n'
        << "Deployments healthy " << report.deploymentsHealthy << '/' << report.deployments.size()
        << ", pods running " << report.podsRunning << '/' << report.pods.size() << ", ReplicaSets "
        << report.replicaSets.total << " (" << report.replicaSets.stale << " stale, "
        << report.replicaSets.orphaned << " orphaned)\n\n";
    out << pad("DEPLOYMENT", 22) << pad("READY", 7) << pad("RESTARTS", 10) << pad("IMAGE", 34)
        << "HEALTH\n";
    for (const auto &d : report.deployments)
        out << pad(d.name, 22) << pad(d.readyText, 7)
            << pad(QString::number(report.deploymentRestarts.value(d.name)), 10)
            << pad(d.images.value(0), 34)
            << (d.healthy ? QStringLiteral("ok") : QStringLiteral("FAILING: ") + d.reason) << '\n';
    out << '\n'
        << pad("POD", 34) << pad("READY", 7) << pad("STATUS", 20) << pad("RESTARTS", 16) << "AGE\n";
    for (const auto &p : report.pods)
        out << pad(p.name, 34) << pad(p.ready, 7) << pad(p.status, 20) << pad(p.restartsText, 16)
            << p.age << '\n';
    out << "\nCHECKS\n";
    for (const auto &check : report.checks)
        out << (check.ok ? "  [ok]   " : "  [FAIL] ") << check.name
            << (check.detail.isEmpty() ? QString() : QStringLiteral(": ") + check.detail) << '\n';
}

int status(const QStringList &arguments) {
    kiosk::cli::SubcommandParser parser(QStringLiteral("cluster status"));
    addConnectionOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
    parser.addOption({QStringLiteral("watch"),
                      QStringLiteral("print again on every change (JSON Lines with --json)")});
    parser.addOption({QStringLiteral("ai-brain"),
                      QStringLiteral("check AI Brain's /health at URL (default: the setting "
                                     "aibrain/url)"),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("meds-service"),
                      QStringLiteral("check the medication service's /healthz at URL (default: "
                                     "the setting meds/service_url)"),
                      QStringLiteral("URL")});
    if (const auto exit = parser.parseOrExit(arguments))
        return *exit;
    QString error;
    const auto connection = resolveConnection(parser, &error);
    if (!connection)
        return fail(error);

    const bool json = parser.isSet(QStringLiteral("json"));
    const bool watch = parser.isSet(QStringLiteral("watch"));
    QStringList notes;
    kiosk::ops::ServiceChecks services;
    services.setEndpoints(kiosk::ops::ServiceChecks::endpointsFromSettings(
        parser.value(QStringLiteral("ai-brain")), parser.value(QStringLiteral("meds-service")),
        &notes));
    for (const QString &note : std::as_const(notes))
        QTextStream(stderr) << "kilo-kiosk: " << note << '\n';
    kiosk::k8s::ClusterMonitor monitor(*connection);
    QEventLoop loop;
    int exitCode = 0;
    QByteArray lastPrinted;
    bool servicesChecked = false;
    auto print = [&] {
        auto report =
            kiosk::k8s::ClusterHealthReport::build(monitor.deployments(), monitor.replicaSets(),
                                                   monitor.pods(), QDateTime::currentDateTimeUtc());
        report.checks << services.checks();
        QByteArray text;
        if (json) {
            text = QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact) + '\n';
        } else {
            QTextStream out(&text);
            printTable(out, report, *connection);
            out.flush();
        }
        if (text == lastPrinted)
            return; // a watch event that changed nothing we show (e.g. a resourceVersion bump)
        lastPrinted = text;
        QTextStream(stdout) << text << Qt::flush;
    };
    QTimer deadline;
    deadline.setSingleShot(true);
    bool finished = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        finished = true;
        const ApiError e = monitor.lastError();
        exitCode =
            fail(e.isError() ? e.message
                             : QStringLiteral("the cluster did not answer within the timeout"));
        loop.quit();
    });
    QObject::connect(&monitor, &kiosk::k8s::ClusterMonitor::stateChanged, &loop, [&] {
        const ApiError e = monitor.lastError();
        if (!finished && !monitor.hasSynced() && e.isError() && isFinal(e, watch)) {
            finished = true;
            exitCode = fail(e.message);
            loop.quit();
        }
    });
    // One report once both the cluster and the services have answered; then on every change.
    auto printWhenReady = [&] {
        if (finished || !monitor.hasSynced() || !servicesChecked)
            return;
        deadline.stop();
        print();
        if (!watch) {
            finished = true;
            loop.quit();
        }
    };
    QObject::connect(&monitor, &kiosk::k8s::ClusterMonitor::changed, &loop, printWhenReady);
    QObject::connect(&services, &kiosk::ops::ServiceChecks::finished, &loop, [&] {
        servicesChecked = true;
        printWhenReady();
    });
    // --watch asks the services again every half minute (a pod status cannot tell).
    QTimer serviceRounds;
    QObject::connect(&serviceRounds, &QTimer::timeout, &services,
                     &kiosk::ops::ServiceChecks::probe);
    if (watch)
        serviceRounds.start(kServiceCheckIntervalMs);
    monitor.start();
    services.probe();
    deadline.start(timeoutMs(parser));
    loop.exec();
    monitor.stop();
    return exitCode;
}

struct ClusterSnapshot {
    QList<QJsonObject> deployments;
    QList<QJsonObject> replicaSets;
    QList<QJsonObject> pods;
};

// Lists deployments, ReplicaSets and pods once (the same informers as the UI, stopped when synced).
std::optional<ClusterSnapshot> snapshot(const ClusterConnection &connection, int timeout,
                                        QString *error) {
    kiosk::k8s::ClusterMonitor monitor(connection);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&monitor, &kiosk::k8s::ClusterMonitor::changed, &loop, [&] {
        if (monitor.hasSynced())
            loop.quit();
    });
    QObject::connect(&monitor, &kiosk::k8s::ClusterMonitor::stateChanged, &loop, [&] {
        if (!monitor.hasSynced() && isFinal(monitor.lastError(), false))
            loop.quit();
    });
    monitor.start();
    deadline.start(timeout);
    loop.exec();
    monitor.stop();
    if (!monitor.hasSynced()) {
        const ApiError e = monitor.lastError();
        *error = e.isError() ? e.message
                             : QStringLiteral("the cluster did not answer within the timeout");
        return std::nullopt;
    }
    return ClusterSnapshot{monitor.deployments(), monitor.replicaSets(), monitor.pods()};
}

QJsonObject executorJson(const kiosk::k8s::CleanupExecutor *executor) {
    using Status = kiosk::k8s::CleanupExecutor::ItemResult::Status;
    QJsonArray items;
    for (const auto &r : executor->results())
        items.append(QJsonObject{{"action", r.action},
                                 {"name", r.name},
                                 {"status", kiosk::k8s::CleanupExecutor::statusName(r.status)},
                                 {"message", r.message}});
    return QJsonObject{{"done", executor->count(Status::Done)},
                       {"skipped", executor->count(Status::Skipped)},
                       {"failed", executor->count(Status::Failed)},
                       {"items", items}};
}

// Runs the event loop while `operation` checks or runs.
void waitWhileBusy(kiosk::ops::Operation &operation) {
    if (!operation.busy())
        return;
    QEventLoop loop;
    QObject::connect(&operation, &kiosk::ops::Operation::changed, &loop, [&] {
        if (!operation.busy())
            loop.quit();
    });
    loop.exec();
}

void printPlan(QTextStream &out, const kiosk::k8s::CleanupPlan &plan) {
    out << "Plan: delete " << plan.deletes.size() << " ReplicaSets, patch " << plan.patches.size()
        << " deployments, " << plan.orphans.size() << " orphaned ReplicaSet(s) (ReplicaSets "
        << plan.replicaSetsBefore << " -> " << plan.replicaSetsAfter << ")\n";
    for (const QString &line : plan.summaryLines())
        out << "  " << line << '\n';
    for (const auto &o : plan.orphans)
        out << "  orphan " << o.name << ": " << (o.willDelete ? "will be deleted" : "kept") << " ("
            << o.reason << ")\n";
}

int cleanup(const QStringList &arguments) {
    kiosk::cli::SubcommandParser parser(QStringLiteral("cluster cleanup"));
    addConnectionOptions(parser);
    parser.addOption({QStringLiteral("keep"),
                      QStringLiteral("old ReplicaSets kept per deployment (default 3)"),
                      QStringLiteral("n"), QStringLiteral("3")});
    parser.addOption(
        {QStringLiteral("include-orphans"), QStringLiteral("also delete orphaned ReplicaSets")});
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("plan and check with the server; change nothing")});
    parser.addOption({QStringLiteral("yes"), QStringLiteral("carry the plan out")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
    if (const auto exit = parser.parseOrExit(arguments))
        return *exit;
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool yes = parser.isSet(QStringLiteral("yes"));
    if (dryRun == yes)
        return fail(QStringLiteral("cluster cleanup needs exactly one of --dry-run or --yes"));
    bool ok = false;
    const int keep = parser.value(QStringLiteral("keep")).toInt(&ok);
    if (!ok || keep < 0)
        return fail(QStringLiteral("--keep needs a number of 0 or more"));
    const bool json = parser.isSet(QStringLiteral("json"));
    QString error;
    const auto connection = resolveConnection(parser, &error);
    if (!connection)
        return fail(error);
    const auto state = snapshot(*connection, timeoutMs(parser), &error);
    if (!state)
        return fail(error);

    kiosk::k8s::CleanupOptions options;
    options.keep = keep;
    options.includeOrphans = parser.isSet(QStringLiteral("include-orphans"));
    const auto plan =
        kiosk::k8s::planCleanup(state->deployments, state->replicaSets, state->pods, options);
    kiosk::k8s::ApiClient client(*connection);
    client.setTimeout(timeoutMs(parser));
    kiosk::ops::ShellUserGate gate;
    kiosk::ops::CleanupOperation operation(&client, connection->nameSpace, plan, &gate,
                                           kiosk::security::AuditLog());
    QObject::connect(&operation, &kiosk::ops::Operation::progressLine, &operation,
                     [json](const QString &line) {
                         if (!json)
                             QTextStream(stdout) << line << '\n' << Qt::flush;
                     });

    // The server's own dry run of every request, so a refusal shows before anything changes.
    operation.preview();
    waitWhileBusy(operation);
    QJsonObject output = plan.toJson();
    output.insert("dry_run", executorJson(operation.dryRun()));
    using Status = kiosk::k8s::CleanupExecutor::ItemResult::Status;
    const int refused = operation.dryRun()->count(Status::Failed);
    if (dryRun || refused > 0) {
        if (json) {
            QTextStream(stdout) << QJsonDocument(output).toJson(QJsonDocument::Compact) << '\n';
        } else {
            QTextStream out(stdout);
            printPlan(out, plan);
            out << "Server dry run: " << operation.dryRun()->count(Status::Done) << " accepted, "
                << refused << " refused.\n";
            for (const auto &r : operation.dryRun()->results())
                if (r.status == Status::Failed)
                    out << "  refused: " << r.action << ' ' << r.name << ": " << r.message << '\n';
            if (dryRun)
                out << "Nothing was changed (dry run).\n";
        }
        return refused > 0
                   ? fail(
                         QStringLiteral(
                             "the server refused %1 request(s) in the dry run; nothing was changed")
                             .arg(refused))
                   : 0;
    }

    if (!json) {
        QTextStream out(stdout);
        printPlan(out, plan);
        out.flush();
    }
    operation.apply();
    waitWhileBusy(operation);
    const auto state2 = snapshot(*connection, timeoutMs(parser), &error);
    const int failed = operation.run()->count(Status::Failed);
    output.insert("result", executorJson(operation.run()));
    if (state2)
        output.insert("replicasets_after", state2->replicaSets.size());
    if (json) {
        QTextStream(stdout) << QJsonDocument(output).toJson(QJsonDocument::Compact) << '\n';
    } else {
        QTextStream out(stdout);
        out << operation.message();
        if (state2)
            out << " ReplicaSets now: " << state2->replicaSets.size() << '.';
        out << '\n';
    }
    return failed > 0 ? fail(QStringLiteral("%1 request(s) failed").arg(failed)) : 0;
}

// "deployment/NAME", "deployment.apps/NAME" and "deploy/NAME" name a deployment as kubectl accepts
// it.
QString deploymentArgument(QString name) {
    for (const QString &prefix : {QStringLiteral("deployment/"), QStringLiteral("deployment.apps/"),
                                  QStringLiteral("deploy/")})
        if (name.startsWith(prefix))
            name = name.mid(prefix.size());
    return name;
}

// One deployment with the cluster around it: what `cluster history` and `cluster rollback` start
// from.
struct DeploymentContext {
    ClusterConnection connection;
    ClusterSnapshot state;
    qsizetype index = -1;
    const QJsonObject &deployment() const { return state.deployments.at(index); }
};

std::optional<DeploymentContext> loadDeployment(const kiosk::cli::SubcommandParser &parser,
                                                const QString &name, QString *error) {
    auto connection = resolveConnection(parser, error);
    if (!connection)
        return std::nullopt;
    auto state = snapshot(*connection, timeoutMs(parser), error);
    if (!state)
        return std::nullopt;
    const auto found = std::find_if(
        state->deployments.cbegin(), state->deployments.cend(), [&](const QJsonObject &d) {
            return d.value(u"metadata").toObject().value(u"name").toString() == name;
        });
    if (found == state->deployments.cend()) {
        *error = QStringLiteral("deployment %1 not found in namespace %2")
                     .arg(name, connection->nameSpace);
        return std::nullopt;
    }
    const qsizetype index = found - state->deployments.cbegin();
    return DeploymentContext{std::move(*connection), std::move(*state), index};
}

void printHistory(QTextStream &out, const QString &name,
                  const QList<kiosk::k8s::RevisionEntry> &history, const QDateTime &now) {
    out << "deployment.apps/" << name << '\n';
    if (history.isEmpty()) {
        out << "No rollout history found.\n";
        return;
    }
    int imageWidth = 10;
    for (const auto &e : history)
        imageWidth = std::max(imageWidth, int(e.images.join(QStringLiteral(",")).size()) + 2);
    out << pad(QStringLiteral("REVISION"), 10) << pad(QStringLiteral("CURRENT"), 9)
        << pad(QStringLiteral("IMAGE"), imageWidth) << pad(QStringLiteral("AGE"), 8)
        << pad(QStringLiteral("RAN"), 5) << "CHANGE-CAUSE\n";
    for (const auto &e : history)
        out << pad(QString::number(e.revision), 10)
            << pad(e.current ? QStringLiteral("*") : QString(), 9)
            << pad(e.images.join(QStringLiteral(",")), imageWidth)
            << pad(kiosk::k8s::humanAge(e.created, now), 8)
            << pad(e.everRan ? QStringLiteral("yes") : QStringLiteral("no"), 5)
            << (e.changeCause.isEmpty() ? QStringLiteral("<none>") : e.changeCause) << '\n';
}

int history(const QStringList &arguments) {
    kiosk::cli::SubcommandParser parser(QStringLiteral("cluster history"));
    addConnectionOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
    parser.addPositional(QStringLiteral("DEPLOYMENT"), QStringLiteral("the deployment"));
    if (const auto exit = parser.parseOrExit(arguments))
        return *exit;
    const QString name = deploymentArgument(parser.positionalArguments().constFirst());
    QString error;
    const auto context = loadDeployment(parser, name, &error);
    if (!context)
        return fail(error);

    const auto entries = kiosk::k8s::revisionHistory(
        context->deployment(), context->state.replicaSets, context->state.pods);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray revisions = kiosk::k8s::revisionHistoryToJson(entries);
        for (qsizetype i = 0; i < revisions.size(); ++i) {
            QJsonObject revision = revisions.at(i).toObject();
            revision.insert(QStringLiteral("age"),
                            kiosk::k8s::humanAge(entries.at(i).created, now));
            revisions.replace(i, revision);
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("deployment"), name},
                                         {QStringLiteral("revisions"), revisions}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
    } else {
        printHistory(out, name, entries, now);
    }
    return 0;
}

// The options a change to one deployment (rollback, restart) takes beside its own.
void addDeploymentChangeOptions(kiosk::cli::SubcommandParser &parser, const QString &dryRunHelp,
                                const QString &yesHelp) {
    addConnectionOptions(parser);
    parser.addOption({QStringLiteral("dry-run"), dryRunHelp});
    parser.addOption({QStringLiteral("yes"), yesHelp});
    parser.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
    parser.addOption({QStringLiteral("rollout-timeout"),
                      QStringLiteral("seconds to wait for the rollout (default 300)"),
                      QStringLiteral("s"), QStringLiteral("300")});
    parser.addPositional(QStringLiteral("DEPLOYMENT"), QStringLiteral("the deployment"));
}

struct DeploymentChange {
    bool dryRun = false;
    bool json = false;
    int rolloutTimeoutMs = 0;
    QString name;
};

std::optional<DeploymentChange> deploymentChange(const kiosk::cli::SubcommandParser &parser,
                                                 QString *error) {
    DeploymentChange change;
    change.dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (change.dryRun && parser.isSet(QStringLiteral("yes"))) {
        *error = QStringLiteral("--dry-run and --yes cannot be combined");
        return std::nullopt;
    }
    bool ok = false;
    const int seconds = parser.value(QStringLiteral("rollout-timeout")).toInt(&ok);
    if (!ok || seconds <= 0) {
        *error = QStringLiteral("--rollout-timeout needs a positive number of seconds");
        return std::nullopt;
    }
    change.rolloutTimeoutMs = seconds * 1000;
    change.json = parser.isSet(QStringLiteral("json"));
    change.name = deploymentArgument(parser.positionalArguments().constFirst());
    return change;
}

// Prints the operation's progress lines (not with --json) and previews it.
void previewPrinting(kiosk::ops::DeploymentPatchOperation &operation,
                     const DeploymentChange &change, QTextStream &out) {
    operation.setRolloutTimeout(change.rolloutTimeoutMs);
    QObject::connect(&operation, &kiosk::ops::Operation::progressLine, &operation,
                     [&out, json = change.json](const QString &line) {
                         if (!json)
                             out << line << '\n' << Qt::flush;
                     });
    operation.preview();
    waitWhileBusy(operation);
}

// Applies an accepted preview and follows its rollout; `result` gains the rollout with --json.
int applyAndFollow(kiosk::ops::DeploymentPatchOperation &operation, const DeploymentChange &change,
                   QJsonObject result, const QString &what, QTextStream &out) {
    operation.apply();
    waitWhileBusy(operation);
    if (change.json) {
        result.insert("rollout", QJsonObject{{"done", operation.rolledOut()},
                                             {"message", operation.message()}});
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    }
    return operation.rolledOut() ? 0
                                 : fail(QStringLiteral("%1 of %2 did not complete: %3")
                                            .arg(what, change.name, operation.message()));
}

int rollback(const QStringList &arguments) {
    kiosk::cli::SubcommandParser parser(QStringLiteral("cluster rollback"));
    parser.addOption({QStringLiteral("to-revision"),
                      QStringLiteral("the revision to go back to (default: the previous)"),
                      QStringLiteral("n"), QStringLiteral("0")});
    addDeploymentChangeOptions(
        parser, QStringLiteral("show the patch and check it with the server; change nothing"),
        QStringLiteral("roll back (the default without --dry-run)"));
    if (const auto exit = parser.parseOrExit(arguments))
        return *exit;
    QString error;
    const auto change = deploymentChange(parser, &error);
    if (!change)
        return fail(error);
    bool ok = false;
    const qint64 toRevision = parser.value(QStringLiteral("to-revision")).toLongLong(&ok);
    if (!ok || toRevision < 0)
        return fail(QStringLiteral("--to-revision needs a revision number"));
    const QString &name = change->name;
    const auto context = loadDeployment(parser, name, &error);
    if (!context)
        return fail(error);
    const ClusterConnection *connection = &context->connection;

    kiosk::k8s::ApiClient client(*connection);
    client.setTimeout(timeoutMs(parser));
    kiosk::ops::ShellUserGate gate;
    kiosk::ops::RollbackOperation operation(&client, connection->nameSpace, context->deployment(),
                                            context->state.replicaSets, toRevision, &gate,
                                            kiosk::security::AuditLog());
    const auto &plan = operation.plan();
    QTextStream out(stdout);
    previewPrinting(operation, *change, out);
    if (plan.outcome == kiosk::k8s::RollbackPlan::Outcome::Refused)
        return fail(plan.message);
    if (plan.outcome == kiosk::k8s::RollbackPlan::Outcome::NoOp) {
        if (change->json)
            out << QJsonDocument(plan.toJson()).toJson(QJsonDocument::Compact) << '\n';
        else
            out << "deployment.apps/" << name << ' ' << plan.message << '\n';
        return 0;
    }
    if (!operation.previewAccepted())
        return fail(QStringLiteral("the server refused the rollback in a dry run: %1")
                        .arg(operation.message()));
    if (change->dryRun) {
        if (change->json)
            out << QJsonDocument(plan.toJson()).toJson(QJsonDocument::Compact) << '\n';
        else
            out << "Would roll " << name << " back to revision " << plan.revision << " ("
                << plan.images.join(", ") << ", now " << plan.currentImages.join(", ")
                << "). Server dry run: accepted. Nothing was changed.\n";
        return 0;
    }
    return applyAndFollow(operation, *change, plan.toJson(), QStringLiteral("rollback"), out);
}

int restart(const QStringList &arguments) {
    kiosk::cli::SubcommandParser parser(QStringLiteral("cluster restart"));
    addDeploymentChangeOptions(parser,
                               QStringLiteral("check the restart with the server; change nothing"),
                               QStringLiteral("restart (the default without --dry-run)"));
    if (const auto exit = parser.parseOrExit(arguments))
        return *exit;
    QString error;
    const auto change = deploymentChange(parser, &error);
    if (!change)
        return fail(error);
    const auto context = loadDeployment(parser, change->name, &error);
    if (!context)
        return fail(error);
    const ClusterConnection *connection = &context->connection;

    kiosk::k8s::ApiClient client(*connection);
    client.setTimeout(timeoutMs(parser));
    kiosk::ops::ShellUserGate gate;
    kiosk::ops::RestartOperation operation(&client, connection->nameSpace, context->deployment(),
                                           &gate, kiosk::security::AuditLog());
    QTextStream out(stdout);
    previewPrinting(operation, *change, out);
    if (!operation.previewAccepted())
        return fail(operation.message());
    const auto result = [&] {
        return QJsonObject{
            {QStringLiteral("deployment"), change->name},
            {QStringLiteral("annotation"),
             QJsonObject{{QLatin1String(kiosk::ops::RestartOperation::kRestartedAtAnnotation),
                          operation.restartedAt()}}},
            {QStringLiteral("dry_run"), change->dryRun}};
    };
    if (change->dryRun) {
        if (change->json)
            out << QJsonDocument(result()).toJson(QJsonDocument::Compact) << '\n';
        else
            out << "Would restart " << change->name
                << " (a new ReplicaSet replaces its pods). Server dry run: accepted. Nothing was "
                   "changed.\n";
        return 0;
    }
    return applyAndFollow(operation, *change, result(), QStringLiteral("restart"), out);
}

// "10m", "30s", "2h", "1h30m" -> seconds; -1 when it is not a duration.
qint64 durationSeconds(const QString &text) {
    static const QRegularExpression part(QStringLiteral("(\\d+)([hms])"));
    qint64 seconds = 0;
    qsizetype at = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedStart() != at)
            return -1;
        at = m.capturedEnd();
        const qint64 n = m.captured(1).toLongLong();
        seconds += n * (m.captured(2) == u"h" ? 3600 : m.captured(2) == u"m" ? 60 : 1);
    }
    return at == text.size() && at > 0 ? seconds : -1;
}

int logs(const QStringList &arguments) {
    kiosk::cli::SubcommandParser parser(QStringLiteral("cluster logs"));
    addConnectionOptions(parser);
    parser.addOption({{QStringLiteral("f"), QStringLiteral("follow")},
                      QStringLiteral("keep printing new lines; across reconnects, and for a "
                                     "deployment across its pod being replaced")});
    parser.addOption(
        {QStringLiteral("previous"), QStringLiteral("the previous (crashed) container's log")});
    parser.addOption({QStringLiteral("tail"), QStringLiteral("last N lines (default 200)"),
                      QStringLiteral("n"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("since"),
                      QStringLiteral("only lines newer than this (e.g. 10m, 30s, 2h)"),
                      QStringLiteral("duration")});
    parser.addOption({{QStringLiteral("c"), QStringLiteral("container")},
                      QStringLiteral("container name"),
                      QStringLiteral("name")});
    parser.addPositional(QStringLiteral("POD"), QStringLiteral("the pod, or deployment/NAME"));
    if (const auto exit = parser.parseOrExit(arguments))
        return *exit;
    kiosk::k8s::LogFollower::Options options;
    bool ok = false;
    options.tailLines = parser.value(QStringLiteral("tail")).toInt(&ok);
    if (!ok || options.tailLines <= 0)
        return fail(QStringLiteral("--tail needs a positive number"));
    if (parser.isSet(QStringLiteral("since"))) {
        options.sinceSeconds = durationSeconds(parser.value(QStringLiteral("since")));
        if (options.sinceSeconds <= 0)
            return fail(QStringLiteral("--since needs a duration such as 10m, 30s or 2h"));
    }
    options.follow = parser.isSet(QStringLiteral("follow"));
    options.previous = parser.isSet(QStringLiteral("previous"));
    if (options.follow && options.previous)
        return fail(QStringLiteral("--follow and --previous cannot be combined"));
    options.container = parser.value(QStringLiteral("container"));
    const QString target = parser.positionalArguments().constFirst();
    QString pod = target, deployment;
    for (const QString &prefix :
         {QStringLiteral("deployment/"), QStringLiteral("deploy/"), QStringLiteral("deployments/")})
        if (target.startsWith(prefix)) {
            deployment = target.mid(prefix.size());
            pod.clear();
        }
    for (const QString &prefix : {QStringLiteral("pod/"), QStringLiteral("pods/")})
        if (target.startsWith(prefix))
            pod = target.mid(prefix.size());
    if (pod.isEmpty() && deployment.isEmpty())
        return fail(QStringLiteral("'%1' names no pod").arg(target));
    QString error;
    const auto connection = resolveConnection(parser, &error);
    if (!connection)
        return fail(error);

    kiosk::k8s::ApiClient client(*connection);
    client.setTimeout(timeoutMs(parser));
    kiosk::k8s::LogFollower follower(&client, connection->nameSpace, pod, deployment, options);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QObject::connect(&follower, &kiosk::k8s::LogFollower::lineReceived, &follower,
                     [&out](const QString &, const QString &line) {
                         out << line << '\n' << Qt::flush;
                     });
    // Which pod is read, and reconnects, go to stderr: stdout stays the log itself.
    QObject::connect(&follower, &kiosk::k8s::LogFollower::podChanged, &follower,
                     [&err](const QString &name) {
                         err << "kilo-kiosk: reading pod " << name << '\n' << Qt::flush;
                     });
    QObject::connect(&follower, &kiosk::k8s::LogFollower::notice, &follower,
                     [&err](const QString &text) {
                         err << "kilo-kiosk: " << text << '\n' << Qt::flush;
                     });
    QEventLoop loop;
    int exitCode = 0;
    QObject::connect(&follower, &kiosk::k8s::LogFollower::finished, &loop,
                     [&](bool done, const QString &why) {
                         if (!done)
                             exitCode = fail(why);
                         loop.quit();
                     });
    follower.start();
    loop.exec();
    return exitCode;
}

int events(const QStringList &arguments) {
    kiosk::cli::SubcommandParser parser(QStringLiteral("cluster events"));
    addConnectionOptions(parser);
    parser.addOption({QStringLiteral("for"),
                      QStringLiteral("only the events of one object: pod/NAME, deployment/NAME or "
                                     "replicaset/NAME"),
                      QStringLiteral("KIND/NAME")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
    if (const auto exit = parser.parseOrExit(arguments))
        return *exit;
    using kiosk::k8s::EventTimeline;
    QString error;
    std::optional<EventTimeline::Involved> involved;
    if (parser.isSet(QStringLiteral("for"))) {
        involved = EventTimeline::parseInvolved(parser.value(QStringLiteral("for")), &error);
        if (!involved)
            return fail(error);
    }
    const auto connection = resolveConnection(parser, &error);
    if (!connection)
        return fail(error);

    kiosk::k8s::ApiClient client(*connection);
    client.setTimeout(timeoutMs(parser));
    QUrlQuery query;
    if (involved)
        query.addQueryItem(QStringLiteral("fieldSelector"),
                           EventTimeline::fieldSelector(*involved));
    QEventLoop loop;
    int exitCode = 0;
    const bool json = parser.isSet(QStringLiteral("json"));
    client.get(
        kiosk::k8s::ResourcePath::collection(kiosk::k8s::ResourceKind::Event,
                                             connection->nameSpace),
        query, &loop, [&](const kiosk::k8s::ApiResponse &response) {
            loop.quit();
            if (response.error.isError()) {
                exitCode = fail(QStringLiteral("events: %1").arg(response.error.message));
                return;
            }
            const QJsonObject list = QJsonDocument::fromJson(response.body).object();
            if (!list.value(u"items").isArray()) {
                exitCode = fail(QStringLiteral("events: the server's answer is not an event list"));
                return;
            }
            const auto rows = EventTimeline::fromList(list.value(u"items").toArray());
            QTextStream out(stdout);
            if (json) {
                QJsonObject result{{QStringLiteral("events"), EventTimeline::toJson(rows)}};
                if (involved)
                    result.insert(QStringLiteral("for"), involved->kind + u'/' + involved->name);
                out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
                return;
            }
            if (rows.isEmpty()) {
                out << "No events found in " << connection->nameSpace << " namespace.\n";
                return;
            }
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const auto age = [&](const QDateTime &t) {
                return t.isValid() ? kiosk::k8s::humanAge(t, now) : QStringLiteral("<unknown>");
            };
            int objectWidth = 8;
            for (const auto &r : rows)
                objectWidth =
                    std::max(objectWidth, int(r.objectKind.size() + r.objectName.size()) + 3);
            out << pad(QStringLiteral("LAST SEEN"), 11) << pad(QStringLiteral("FIRST SEEN"), 12)
                << pad(QStringLiteral("COUNT"), 7) << pad(QStringLiteral("TYPE"), 9)
                << pad(QStringLiteral("REASON"), 20) << pad(QStringLiteral("OBJECT"), objectWidth)
                << "MESSAGE\n";
            for (const auto &r : rows)
                out << pad(age(r.lastSeen), 11) << pad(age(r.firstSeen), 12)
                    << pad(QString::number(r.count), 7) << pad(r.type, 9) << pad(r.reason, 20)
                    << pad(r.objectKind.toLower() + u'/' + r.objectName, objectWidth) << r.message
                    << '\n';
        });
    loop.exec();
    return exitCode;
}

int connect(const QStringList &arguments) {
    kiosk::cli::SubcommandParser parser(QStringLiteral("cluster connect"));
    parser.addOption(
        {QStringLiteral("server"), QStringLiteral("API server URL"), QStringLiteral("url")});
    parser.addOption({{QStringLiteral("n"), QStringLiteral("namespace")},
                      QStringLiteral("namespace"),
                      QStringLiteral("ns")});
    parser.addOption({QStringLiteral("ca-file"), QStringLiteral("PEM file of the cluster's CA"),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("insecure-skip-tls-verify"),
                      QStringLiteral("do not verify the server's certificate (unsafe)")});
    parser.addOption({QStringLiteral("token-stdin"),
                      QStringLiteral("read the bearer token from standard input")});
    parser.addOption({QStringLiteral("no-verify"),
                      QStringLiteral("save without checking that the cluster answers")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("seconds to wait for the cluster (default 20)"),
                      QStringLiteral("s"), QStringLiteral("20")});
    if (const auto exit = parser.parseOrExit(arguments))
        return *exit;
    kiosk::security::ConnectionProfile profile;
    profile.server = parser.value(QStringLiteral("server"));
    profile.nameSpace = parser.value(QStringLiteral("namespace"));
    profile.caFile = parser.value(QStringLiteral("ca-file"));
    if (!profile.caFile.isEmpty())
        profile.caFile = QFileInfo(profile.caFile).absoluteFilePath();
    profile.insecureSkipTlsVerify = parser.isSet(QStringLiteral("insecure-skip-tls-verify"));
    if (profile.server.isEmpty())
        return fail(QStringLiteral("cluster connect needs --server URL"));
    if (const QString invalid = profile.validate(); !invalid.isEmpty())
        return fail(invalid);

    QString token;
    if (parser.isSet(QStringLiteral("token-stdin"))) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read standard input"));
        token = QString::fromUtf8(in.read(64 * 1024)).trimmed();
        if (token.isEmpty())
            return fail(QStringLiteral("--token-stdin: no token on standard input"));
    }

    if (!profile.caFile.isEmpty() && QSslCertificate::fromPath(profile.caFile).isEmpty())
        return fail(QStringLiteral("--ca-file %1 holds no PEM certificate").arg(profile.caFile));

    kiosk::ops::ShellUserGate gate;
    kiosk::ops::ConnectOperation operation(profile, token, QString(),
                                           kiosk::security::CredentialStore::defaultService(),
                                           &gate, kiosk::security::AuditLog());
    operation.setProbeTimeout(timeoutMs(parser));
    if (!parser.isSet(QStringLiteral("no-verify"))) {
        // Check the credentials against what the kiosk will do: list pods in the namespace.
        operation.preview();
        waitWhileBusy(operation);
        if (!operation.previewAccepted())
            return fail(QStringLiteral("%1 (nothing was saved; --no-verify saves anyway)")
                            .arg(operation.message()));
    }
    operation.apply();
    waitWhileBusy(operation);
    if (operation.phase() != kiosk::ops::Operation::Phase::Succeeded)
        return fail(operation.message());
    QTextStream(stdout) << "Saved the connection to " << operation.profile().server
                        << " (namespace " << operation.nameSpace() << ")"
                        << (token.isEmpty() ? "" : "; the token is in the keychain") << ".\n";
    return 0;
}

int disconnect(const QStringList &arguments) {
    kiosk::cli::SubcommandParser parser(QStringLiteral("cluster disconnect"));
    if (const auto exit = parser.parseOrExit(arguments))
        return *exit;
    kiosk::ops::ShellUserGate gate;
    kiosk::ops::ForgetConnectionOperation operation(
        QString(), kiosk::security::CredentialStore::defaultService(), &gate,
        kiosk::security::AuditLog());
    if (!operation.profile())
        return fail(QStringLiteral("no saved cluster connection"));
    operation.apply();
    waitWhileBusy(operation);
    if (operation.phase() != kiosk::ops::Operation::Phase::Succeeded)
        return fail(operation.message());
    QTextStream(stdout) << "Removed the saved connection to " << operation.profile()->server
                        << ".\n";
    return 0;
}

const char *kUsage = "Usage: kilo-kiosk cluster VERB [OPTIONS]\n"
                     "  connect --server URL [--namespace NS] [--ca-file F] --token-stdin   save a "
                     "connection (token in the keychain)\n"
                     "  disconnect                                   forget the saved connection\n"
                     "  status [--json] [--watch]                    deployments, pods, "
                     "ReplicaSets and the checklist\n"
                     "  logs (POD | deployment/NAME) [-f] [--previous] [--tail N] [--since 10m]   "
                     "a pod's log\n"
                     "  cleanup [--keep N] [--include-orphans] (--dry-run|--yes) [--json]   delete "
                     "stale ReplicaSets, cap history\n"
                     "  history DEPLOYMENT [--json]                  revisions: image(s), age, "
                     "whether their pods ran, current\n"
                     "  rollback DEPLOYMENT [--to-revision N] [--dry-run] [--json]         what "
                     "kubectl rollout undo does, then wait\n"
                     "  events [--for KIND/NAME] [--json]            events, newest first: reason, "
                     "count, first and last seen\n"
                     "  restart DEPLOYMENT [--dry-run] [--json]      what kubectl rollout restart "
                     "does, then wait\n"
                     "Connection options: --kubeconfig FILE --context NAME --namespace NS --server "
                     "URL --timeout S\n";

} // namespace

kiosk::cli::Subcommand clusterCommand() {
    return {QStringLiteral("cluster"),
            QStringLiteral("cluster health and fixes (status, logs, connect, ...)"),
            [](const QStringList &arguments) {
                const QString verb = arguments.value(0);
                const QStringList rest = arguments.mid(1);
                if (verb == u"status")
                    return status(rest);
                if (verb == u"logs")
                    return logs(rest);
                if (verb == u"connect")
                    return connect(rest);
                if (verb == u"disconnect")
                    return disconnect(rest);
                if (verb == u"cleanup")
                    return cleanup(rest);
                if (verb == u"history")
                    return history(rest);
                if (verb == u"rollback")
                    return rollback(rest);
                if (verb == u"restart")
                    return restart(rest);
                if (verb == u"events")
                    return events(rest);
                if (verb.isEmpty() || verb == u"--help" || verb == u"-h") {
                    QTextStream(verb.isEmpty() ? stderr : stdout) << kUsage;
                    return verb.isEmpty() ? 2 : 0;
                }
                return fail(
                    QStringLiteral("unknown cluster verb '%1' (connect, disconnect, "
                                   "status, logs, events, cleanup, history, rollback, restart)")
                        .arg(verb));
            }};
}
