#pragma once

#include "sim/meds_service_simulator.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace kiosk::test {

// One medication service for a test: the project's simulator in this process, or the stand-in
// written apart from the project (tests/sync/meds_standin.py) in a child process. The same test
// passes against both, so the client is not tuned to one implementation.
class ServiceUnderTest {
public:
    virtual ~ServiceUnderTest() = default;
    virtual bool start(const QString &token = {}) = 0;
    virtual void stop() = 0;
    virtual QUrl url() const = 0;
    // Fault switches: a share of 503s, and answers that are not JSON.
    virtual void setFailRate(double rate) = 0;
    virtual void setGarbage(bool on) = 0;
    // Carries the request out, then cuts its answer off half way.
    virtual void setTruncated(bool on) = 0;
    // The stored record (tombstones included), or an empty object.
    virtual QJsonObject record(const QString &id) = 0;
    virtual int recordCount() = 0;
    // The dose log the service holds (entries never change).
    virtual QList<QJsonObject> doses() = 0;

    static std::unique_ptr<ServiceUnderTest> make(const QString &kind);
};

class SimulatorService : public ServiceUnderTest {
public:
    bool start(const QString &token) override {
        m_sim.setToken(token);
        return m_sim.listen(QHostAddress::LocalHost, m_port) && (m_port = m_sim.port()) > 0;
    }
    void stop() override { m_sim.close(); }
    QUrl url() const override { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    void setFailRate(double rate) override {
        m_sim.setSeed(7);
        m_sim.setFailRate(rate);
    }
    void setGarbage(bool on) override {
        m_sim.setFaultMode(on ? sim::MedsServiceSimulator::FaultMode::Garbage
                              : sim::MedsServiceSimulator::FaultMode::None);
    }
    void setTruncated(bool on) override {
        m_sim.setFaultMode(on ? sim::MedsServiceSimulator::FaultMode::Truncated
                              : sim::MedsServiceSimulator::FaultMode::None);
    }
    QJsonObject record(const QString &id) override {
        return m_sim.record(id).value_or(QJsonObject());
    }
    int recordCount() override { return int(m_sim.records().size()); }
    QList<QJsonObject> doses() override { return m_sim.doses(); }
    sim::MedsServiceSimulator &simulator() { return m_sim; }

private:
    sim::MedsServiceSimulator m_sim;
    quint16 m_port = 0;
};

class StandInService : public ServiceUnderTest {
public:
    ~StandInService() override { stop(); }
    bool start(const QString &token) override {
        m_process = std::make_unique<QProcess>();
        QStringList args{QStringLiteral(KIOSK_SOURCE_DIR "/tests/sync/meds_standin.py"),
                         QStringLiteral("--port"), QString::number(m_port)};
        if (!token.isEmpty())
            args << QStringLiteral("--token") << token;
        m_process->start(QStringLiteral("python3"), args);
        if (!m_process->waitForStarted(10000))
            return false;
        // A child process: blocking on its first line holds up nothing this test serves.
        while (!m_process->canReadLine() && m_process->waitForReadyRead(15000)) {
        }
        const QByteArray line = m_process->readLine().trimmed();
        const QUrl url(QString::fromUtf8(line.mid(line.indexOf("http"))));
        m_port = quint16(url.port());
        return m_port > 0;
    }
    void stop() override {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000))
                m_process->kill();
        }
        m_process.reset();
    }
    QUrl url() const override { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    void setFailRate(double rate) override {
        m_faults.insert(QStringLiteral("fail_rate"), rate);
        m_faults.insert(QStringLiteral("seed"), 7);
        admin("POST", "/_admin/faults", m_faults);
    }
    void setGarbage(bool on) override {
        m_faults.insert(QStringLiteral("garbage"), on);
        admin("POST", "/_admin/faults", m_faults);
    }
    void setTruncated(bool on) override {
        m_faults.insert(QStringLiteral("truncate"), on);
        admin("POST", "/_admin/faults", m_faults);
    }
    QJsonObject record(const QString &id) override {
        for (const QJsonValue &value : dump()) {
            if (value.toObject().value(QStringLiteral("id")).toString() == id)
                return value.toObject();
        }
        return {};
    }
    int recordCount() override { return int(dump().size()); }
    QList<QJsonObject> doses() override {
        QList<QJsonObject> out;
        for (const QJsonValue &value :
             admin("GET", "/_admin/doses", {}).object().value(QStringLiteral("items")).toArray())
            out.append(value.toObject());
        return out;
    }

private:
    QJsonArray dump() {
        const QJsonDocument answer = admin("GET", "/_admin/dump", {});
        return answer.isArray() ? answer.array()
                                : answer.object().value(QStringLiteral("items")).toArray();
    }
    QJsonDocument admin(const QByteArray &verb, const QString &path, const QJsonObject &body) {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(url().toString() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = nam.sendCustomRequest(
            request, verb, verb == "GET" ? QByteArray() : QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(15000);
        const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
        delete reply;
        return document;
    }

    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QJsonObject m_faults;
};

inline std::unique_ptr<ServiceUnderTest> ServiceUnderTest::make(const QString &kind) {
    if (kind == u"standin")
        return std::make_unique<StandInService>();
    return std::make_unique<SimulatorService>();
}

} // namespace kiosk::test
