#pragma once

#include "k8s/api_client.h"
#include "k8s/health_checklist.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace kiosk::aibrain {
class AiBrainClient;
}
namespace kiosk::sync {
class MedsServiceClient;
}

namespace kiosk::ops {

// The services a pod status cannot vouch for (a pod can be Running while its service answers
// 500), probed from this tablet: AI Brain's GET /health and the medication service's GET
// /healthz. Each configured service becomes one checklist row beside the cluster's own checks:
//   ai-brain-answers      "AI Brain answers"
//   meds-service-answers  "Medication service answers"
// A service with no address is not checked (no row); a row appears once its first answer (or
// timeout) is in, so a probe in flight never reads as a failure.
class ServiceChecks : public QObject {
    Q_OBJECT
public:
    static inline const QString AiBrainCheckId = QStringLiteral("ai-brain-answers");
    static inline const QString MedsServiceCheckId = QStringLiteral("meds-service-answers");
    // As long as a Kubernetes API request waits, so a slow service reads as the API would.
    static constexpr int kDefaultTimeoutMs = k8s::ApiClient::kDefaultTimeoutMs;

    struct Endpoint {
        QUrl url; // empty: not configured
        QString token;
    };
    struct Endpoints {
        Endpoint aiBrain;
        Endpoint medsService;
    };
    // Where the services are, asked again before every round (the settings may have changed).
    using EndpointSource = std::function<Endpoints()>;

    // The saved addresses (settings aibrain/url and meds/service_url) unless an option gives one,
    // with their tokens from the keychain; keychain trouble goes to notes.
    static Endpoints endpointsFromSettings(const QString &aiBrainUrlOption = {},
                                           const QString &medsServiceUrlOption = {},
                                           QStringList *notes = nullptr);

    explicit ServiceChecks(QObject *parent = nullptr);
    ~ServiceChecks() override;

    void setEndpoints(const Endpoints &endpoints);
    void setEndpointSource(EndpointSource source) { m_source = std::move(source); }
    void setTimeoutMs(int ms);
    int timeoutMs() const { return m_timeoutMs; }

    // Probes every configured service once; finished() follows when all have answered or timed
    // out (at once, asynchronously, when none is configured). A round in flight is not restarted.
    void probe();
    bool busy() const { return m_waiting > 0; }
    // The rows of the last answers, AI Brain first; configured services only.
    QList<k8s::HealthCheck> checks() const;

signals:
    void finished();
    // A row was added, removed or changed state or detail.
    void checksChanged();

private:
    struct Slot {
        Endpoint endpoint;
        bool answered = false;
        k8s::HealthCheck check;
    };
    void configure(Slot &slot, const Endpoint &endpoint);
    void record(Slot &slot, bool ok, const QString &detail);
    void oneAnswered();

    aibrain::AiBrainClient *m_aiBrain;
    sync::MedsServiceClient *m_meds;
    EndpointSource m_source;
    Slot m_aiBrainSlot;
    Slot m_medsSlot;
    int m_timeoutMs = kDefaultTimeoutMs;
    int m_waiting = 0;
    int m_aiBrainRequest = 0;
    QElapsedTimer m_roundClock;
};

} // namespace kiosk::ops
