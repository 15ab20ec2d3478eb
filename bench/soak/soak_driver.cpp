#include "soak_driver.h"

#include "kubectl_runner.h"

namespace kiosk::bench {

namespace {
constexpr int kAttempts = 4;
constexpr int kRememberedFailures = 5;

// The simulator's injected faults and dropped connections: worth another try.
bool transient(const KubectlResult &result) {
    if (result.timedOut || result.exitCode < 0)
        return true;
    const QByteArray e = result.err;
    return e.contains("unable to handle the request") || e.contains("ServiceUnavailable") ||
           e.contains("503") || e.contains("connection refused") ||
           e.contains("connection reset") || e.contains("EOF") ||
           e.contains("unable to recognize") || e.contains("couldn't get resource list") ||
           e.contains("the server doesn't have a resource type");
}
} // namespace

SoakDriver::SoakDriver(KubectlRunner *kubectl, QMap<QString, QString> containers, quint32 seed,
                       int intervalMs, QObject *parent)
    : QObject(parent)
    , m_kubectl(kubectl)
    , m_deployments(containers.keys())
    , m_containers(std::move(containers))
    , m_random(seed)
    , m_intervalMs(intervalMs) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SoakDriver::runNext);
}

void SoakDriver::start() {
    m_stopping = false;
    m_timer.start(m_intervalMs);
}

void SoakDriver::stop() {
    m_stopping = true;
    m_timer.stop();
    if (!m_busy)
        emit stopped();
}

int SoakDriver::operations() const {
    int n = 0;
    for (const Tally &t : m_tallies)
        n += t.done + t.refused + t.failed;
    return n;
}

SoakDriver::Operation SoakDriver::next() {
    const QString deployment =
        m_deployments.at(int(m_random.bounded(quint32(m_deployments.size()))));
    const QString container = m_containers.value(deployment);
    const QString target = QStringLiteral("deployment/") + deployment;
    const quint32 roll = m_random.bounded(100u);
    if (roll < 30) {
        const int replicas = int(m_random.bounded(4u));
        return {QStringLiteral("scale"),
                {QStringLiteral("scale"), target, QStringLiteral("--replicas=%1").arg(replicas)}};
    }
    if (roll < 50) // a healthy rollout: the simulator runs any nginx tag
        return {QStringLiteral("rollout"),
                {QStringLiteral("set"), QStringLiteral("image"), target,
                 QStringLiteral("%1=nginx:1.%2").arg(container).arg(++m_imageCounter)}};
    if (roll < 65)
        return {QStringLiteral("delete pods"),
                {QStringLiteral("delete"), QStringLiteral("pods"), QStringLiteral("-l"),
                 QStringLiteral("app=") + deployment, QStringLiteral("--wait=false")}};
    if (roll < 82)
        return {QStringLiteral("rollback"),
                {QStringLiteral("rollout"), QStringLiteral("undo"), target}};
    if (roll < 92) // the simulator crash-loops registry.local/crashloop, whatever the tag
        return {QStringLiteral("crash-loop image"),
                {QStringLiteral("set"), QStringLiteral("image"), target,
                 QStringLiteral("%1=registry.local/crashloop:%2")
                     .arg(container)
                     .arg(++m_imageCounter)}};
    if (roll < 96) // an image nobody has: ErrImagePull, then ImagePullBackOff
        return {
            QStringLiteral("missing image"),
            {QStringLiteral("set"), QStringLiteral("image"), target,
             QStringLiteral("%1=registry.local/missing:%2").arg(container).arg(++m_imageCounter)}};
    return {QStringLiteral("restart"),
            {QStringLiteral("rollout"), QStringLiteral("restart"), target}};
}

void SoakDriver::runNext() {
    if (m_stopping)
        return;
    m_busy = true;
    attempt(next(), 1);
}

void SoakDriver::attempt(const Operation &operation, int attemptNumber) {
    m_kubectl->run(
        operation.arguments, [this, operation, attemptNumber](const KubectlResult &result) {
            Tally &tally = m_tallies[operation.kind];
            if (result.ok()) {
                ++tally.done;
            } else if (transient(result) && attemptNumber < kAttempts && !m_stopping) {
                ++tally.retries;
                QTimer::singleShot(1000, this, [this, operation, attemptNumber] {
                    attempt(operation, attemptNumber + 1);
                });
                return;
            } else {
                ++(transient(result) ? tally.failed : tally.refused);
                m_failures.append(QStringLiteral("kubectl %1: %2")
                                      .arg(operation.arguments.join(u' '),
                                           QString::fromUtf8(result.err).simplified().left(200)));
                while (m_failures.size() > kRememberedFailures)
                    m_failures.removeFirst();
            }
            finished();
        });
}

void SoakDriver::finished() {
    m_busy = false;
    if (m_stopping) {
        emit stopped();
        return;
    }
    // Jitter from the same generator keeps one seed one sequence.
    m_timer.start(m_intervalMs / 2 + int(m_random.bounded(quint32(m_intervalMs))));
}

} // namespace kiosk::bench
