#include "ops/service_checks.h"

#include "aibrain/ai_brain_client.h"
#include "aibrain/engine_config.h"
#include "sync/meds_service_client.h"
#include "sync/service_config.h"

#include <QTimer>

namespace kiosk::ops {

namespace {

QString where(const QUrl &url) {
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

} // namespace

ServiceChecks::Endpoints ServiceChecks::endpointsFromSettings(const QString &aiBrainUrlOption,
                                                              const QString &medsServiceUrlOption,
                                                              QStringList *notes) {
    Endpoints endpoints;
    // "auto" reads the token whatever engine reads labels: the check is about the service.
    const auto aiBrain = aibrain::EngineConfig::resolve(QStringLiteral("auto"), aiBrainUrlOption);
    endpoints.aiBrain = {aiBrain.url, aiBrain.token};
    const auto meds = sync::ServiceConfig::resolve(medsServiceUrlOption);
    endpoints.medsService = {meds.url, meds.token};
    if (notes)
        *notes << aiBrain.notes << meds.notes;
    return endpoints;
}

ServiceChecks::ServiceChecks(QObject *parent)
    : QObject(parent)
    , m_aiBrain(new aibrain::AiBrainClient(this))
    , m_meds(new sync::MedsServiceClient(this)) {
    m_aiBrainSlot.check.id = AiBrainCheckId;
    m_aiBrainSlot.check.name = QStringLiteral("AI Brain answers");
    m_medsSlot.check.id = MedsServiceCheckId;
    m_medsSlot.check.name = QStringLiteral("Medication service answers");
    setTimeoutMs(kDefaultTimeoutMs);
    connect(m_aiBrain, &aibrain::AiBrainClient::healthChecked, this,
            [this](int id, bool healthy, const QString &error) {
                if (id != m_aiBrainRequest)
                    return; // a round from before the address changed
                m_aiBrainRequest = 0;
                record(m_aiBrainSlot, healthy,
                       healthy ? QStringLiteral("/health answered in %1 ms (%2)")
                                     .arg(m_roundClock.elapsed())
                                     .arg(where(m_aiBrainSlot.endpoint.url))
                               : error);
                oneAnswered();
            });
}

ServiceChecks::~ServiceChecks() = default;

void ServiceChecks::setTimeoutMs(int ms) {
    m_timeoutMs = std::max(1, ms);
    m_aiBrain->setHealthTimeout(m_timeoutMs);
    m_meds->setTimeout(m_timeoutMs);
}

void ServiceChecks::configure(Slot &slot, const Endpoint &endpoint) {
    if (slot.endpoint.url == endpoint.url && slot.endpoint.token == endpoint.token)
        return;
    const bool hadRow = slot.answered;
    slot.endpoint = endpoint;
    slot.answered = false; // a new address: its old answer says nothing
    if (hadRow)
        emit checksChanged();
}

void ServiceChecks::setEndpoints(const Endpoints &endpoints) {
    configure(m_aiBrainSlot, endpoints.aiBrain);
    configure(m_medsSlot, endpoints.medsService);
}

void ServiceChecks::probe() {
    if (busy())
        return;
    if (m_source)
        setEndpoints(m_source());
    m_roundClock.start();
    const bool aiBrain = !m_aiBrainSlot.endpoint.url.isEmpty();
    const bool meds = !m_medsSlot.endpoint.url.isEmpty();
    m_waiting = int(aiBrain) + int(meds);
    if (m_waiting == 0) {
        QTimer::singleShot(0, this, &ServiceChecks::finished);
        return;
    }
    if (aiBrain) {
        m_aiBrain->setBaseUrl(m_aiBrainSlot.endpoint.url);
        m_aiBrain->setToken(m_aiBrainSlot.endpoint.token);
        m_aiBrainRequest = m_aiBrain->checkHealth();
    }
    if (meds) {
        m_meds->setBaseUrl(m_medsSlot.endpoint.url);
        m_meds->setToken(m_medsSlot.endpoint.token);
        const QUrl url = m_medsSlot.endpoint.url;
        m_meds->checkHealth([this, url](const sync::ServiceAnswer &answer) {
            if (url != m_medsSlot.endpoint.url)
                return oneAnswered(); // the address changed while it was asked
            record(m_medsSlot, answer.ok(),
                   answer.ok() ? QStringLiteral("/healthz answered in %1 ms (%2)")
                                     .arg(m_roundClock.elapsed())
                                     .arg(where(url))
                               : answer.error);
            oneAnswered();
        });
    }
}

void ServiceChecks::record(Slot &slot, bool ok, const QString &detail) {
    const bool changed =
        !slot.answered || slot.check.ok != ok ||
        (!ok && slot.check.detail != detail); // a new reason is news; a new time is not
    slot.answered = true;
    slot.check.ok = ok;
    slot.check.detail = detail;
    if (changed)
        emit checksChanged();
}

void ServiceChecks::oneAnswered() {
    if (m_waiting > 0 && --m_waiting == 0)
        emit finished();
}

QList<k8s::HealthCheck> ServiceChecks::checks() const {
    QList<k8s::HealthCheck> rows;
    for (const Slot *slot : {&m_aiBrainSlot, &m_medsSlot}) {
        if (slot->answered && !slot->endpoint.url.isEmpty())
            rows << slot->check;
    }
    return rows;
}

} // namespace kiosk::ops
