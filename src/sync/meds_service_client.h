#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace kiosk::sync {

// One answer of the medication service, already checked: a caller never parses bytes.
struct ServiceAnswer {
    enum class Kind {
        Ok,          // 2xx with the expected JSON
        Conflict,    // 412: the service holds another version (current)
        NotFound,    // 404
        Refused,     // 401 / 403: the token is missing or wrong
        Unavailable, // no connection, a timeout, 5xx, 429
        Garbage,     // an answer that is not the API's
    };
    Kind kind = Kind::Unavailable;
    int status = 0;
    QJsonObject record;       // PUT / DELETE: the stored record; Conflict: the current one
    QList<QJsonObject> items; // changes: the records
    QString cursor;           // changes: the cursor after them
    bool more = false;        // changes: another page follows
    QString error;            // one sentence when not Ok

    bool ok() const { return kind == Kind::Ok; }
};

// The one place that knows the medication service's HTTP API (src/sync/README.md):
//   GET    {base}/api/v1/medications?since=CURSOR   {"items": [MED...], "cursor": "C"}
//   PUT    {base}/api/v1/medications/{id}           If-Match: "<version>" when updating; 412
//   {"current": MED} DELETE {base}/api/v1/medications/{id}           If-Match; 200 tombstone or 412
//   GET    {base}/api/v1/doses?since=CURSOR         {"items": [DOSE...], "cursor": "C"}
//   PUT    {base}/api/v1/doses/{id}                 append-only: 201 new, 200 the same again, 412
//   {"current": DOSE} GET    {base}/healthz
// with an optional bearer token, the device's name (X-Device-Name) and a deadline on every
// request. Every callback runs exactly once, asynchronously, on this object's thread.
class MedsServiceClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const ServiceAnswer &)>;
    enum class Expect { Changes, Record, Health };
    static constexpr int kDefaultTimeoutMs = 8000;
    static constexpr qint64 kMaxAnswerBytes = 32LL * 1024 * 1024;

    explicit MedsServiceClient(QObject *parent = nullptr);
    ~MedsServiceClient() override;

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    // Empty when url is an http(s) address with a host, else why not.
    static QString checkBaseUrl(const QUrl &url);
    void setToken(const QString &token) { m_token = token; }
    void setDeviceName(const QString &name) { m_deviceName = name; }
    void setTimeout(int ms) { m_timeoutMs = qMax(1, ms); }

    void fetchChanges(const QString &cursor, Callback done);
    void put(const QString &uuid, const QJsonObject &record, std::optional<qint64> ifMatch,
             Callback done);
    void remove(const QString &uuid, std::optional<qint64> ifMatch, Callback done);
    // The dose log: entries are only ever added, so there is no If-Match and no DELETE.
    void fetchDoseChanges(const QString &cursor, Callback done);
    void putDose(const QString &uuid, const QJsonObject &entry, Callback done);
    void checkHealth(Callback done);
    int inFlight() const { return int(m_pending.size()); }
    // Ends every request in flight; each callback still runs (Unavailable, "cancelled").
    void abortAll();

    // What an HTTP answer that arrived whole means (status and body are untrusted); where names
    // the service in messages.
    static ServiceAnswer interpret(int status, const QByteArray &body, Expect expect,
                                   const QString &where);

private:
    void send(const QByteArray &verb, const QString &path, const QByteArray &query,
              const QByteArray &body, std::optional<qint64> ifMatch, Expect expect, Callback done);
    ServiceAnswer read(QNetworkReply *reply, Expect expect) const;

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_token;
    QString m_deviceName;
    int m_timeoutMs = kDefaultTimeoutMs;
    QHash<QNetworkReply *, Callback> m_pending;
};

} // namespace kiosk::sync
