#pragma once

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QString>
#include <QUrl>

#include <functional>
#include <map>
#include <optional>

class QTcpServer;

namespace kiosk::sim {

class HttpConnection;
struct HttpRequest;

// A stand-in for the household's kilo-meds service on a loopback port, for tests, the demo and
// `kilo-kiosk meds-sim` (the API is issue 16's; src/sim/README.md writes it out):
//   GET    /api/v1/medications?since=CURSOR[&limit=N]   changes after CURSOR, tombstones included
//   PUT    /api/v1/medications/{id}                     create (no If-Match) or update (If-Match)
//   DELETE /api/v1/medications/{id}                     tombstone (If-Match)
//   GET    /api/v1/doses?since=CURSOR[&limit=N]         dose log entries added after CURSOR
//   PUT    /api/v1/doses/{id}                           append a dose entry (201; the same again:
//   200;
//                                                       different content under that id: 412
//                                                       {"current"})
//   GET    /healthz
// Records live in memory; every change takes the next number of one change sequence, which is
// also the cursor. Runs on the Qt event loop, no threads.
class MedsServiceSimulator : public QObject {
    Q_OBJECT
public:
    // Faults of /api answers, for tests of a client's error handling.
    enum class FaultMode {
        None,
        Garbage, // 200 with a body that is not JSON (a captive portal); the request is not applied
        Truncated, // the request is applied, the answer is cut in half and the connection aborted
        Hang,      // the request is not applied and never answered
    };

    // Four realistic medications in the shape `kilo-kiosk meds list --json` prints, with fixed
    // UUIDs as "id", for the demo (addRecord() them).
    static QList<QJsonObject> sampleRecords();

    explicit MedsServiceSimulator(QObject *parent = nullptr);
    ~MedsServiceSimulator() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    QString errorString() const { return m_error; }
    QUrl url() const; // http://127.0.0.1:<port>
    quint16 port() const;

    // Empty: no authentication; otherwise /api requests need `Authorization: Bearer <token>`.
    void setToken(const QString &token) { m_token = token; }
    // The share of /api requests answered 503 at random (0..1), drawn from a generator seeded
    // with setSeed() so that a test sees the same answers every run.
    void setFailRate(double rate);
    double failRate() const { return m_failRate; }
    void setSeed(quint32 seed) { m_random.seed(seed); }
    // Every answer leaves this long after the request was applied (a client that gives up in
    // between has had its change applied: the idempotent-retry case).
    void setLatencyMs(int ms) { m_latencyMs = qMax(0, ms); }
    int latencyMs() const { return m_latencyMs; }
    void setFaultMode(FaultMode mode) { m_faultMode = mode; }
    FaultMode faultMode() const { return m_faultMode; }

    // Stores a record as a change, as if a client had written it: "id" (a new UUID when missing),
    // "version" (kept when a positive integer, else the next one), "deleted", "updated_at" and
    // "updated_by" (kept when given). Returns the stored record, or an empty object when the id
    // is not a valid one.
    QJsonObject addRecord(const QJsonObject &record);
    // Every stored record, tombstones included, in change order.
    QList<QJsonObject> records() const;
    std::optional<QJsonObject> record(const QString &id) const;
    // Every stored dose log entry, in the order they arrived.
    QList<QJsonObject> doses() const;
    std::optional<QJsonObject> dose(const QString &id) const;
    // Requests received (answered or not), /healthz included.
    int requestCount() const { return m_requestCount; }

signals:
    // After an answer left (or, in Truncated mode, its first half); status 0 never occurs.
    void requestHandled(const QString &method, const QString &path, int status);

private:
    struct Entry {
        QJsonObject med;
        quint64 sequence = 0;
    };
    struct Answer {
        Answer() = default;
        Answer(int s, QJsonObject b, QList<QPair<QByteArray, QByteArray>> h = {})
            : status(s)
            , body(std::move(b))
            , headers(std::move(h)) {}
        int status = 200;
        QJsonObject body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray raw; // sent instead of body when set (garbage)
    };

    void onNewConnection();
    void handle(HttpConnection *connection, const HttpRequest &request);
    Answer route(const HttpRequest &request);
    Answer page(const HttpRequest &request, const std::map<quint64, QString> &order,
                const std::function<QJsonObject(const QString &)> &itemOf) const;
    Answer list(const HttpRequest &request);
    Answer put(const HttpRequest &request, const QString &id);
    Answer remove(const HttpRequest &request, const QString &id);
    Answer listDoses(const HttpRequest &request);
    Answer putDose(const HttpRequest &request, const QString &id);
    void store(const QString &id, const QJsonObject &med);
    void send(HttpConnection *connection, const HttpRequest &request, const Answer &answer,
              bool truncate);

    QTcpServer *m_server = nullptr;
    QList<QPointer<HttpConnection>> m_connections;
    QString m_error;
    QString m_token;
    double m_failRate = 0.0;
    int m_latencyMs = 0;
    FaultMode m_faultMode = FaultMode::None;
    QRandomGenerator m_random;
    QHash<QString, Entry> m_records;      // id -> record and its last change
    std::map<quint64, QString> m_changes; // change sequence -> id, one entry per record
    quint64 m_sequence = 0;
    QHash<QString, QJsonObject> m_doses;    // id -> entry (entries never change)
    std::map<quint64, QString> m_doseOrder; // dose sequence -> id
    quint64 m_doseSequence = 0;
    int m_requestCount = 0;
};

} // namespace kiosk::sim
