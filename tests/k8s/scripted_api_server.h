#pragma once
// A tiny HTTP/1.1 server for client edge cases the simulator does not produce on demand:
// each request goes to a handler that answers with a status and body, or a stream of lines.

#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

struct ScriptedRequest {
    QByteArray method;
    QUrl url;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString path() const { return url.path(); }
    QString query(const QString &key) const { return QUrlQuery(url).queryItemValue(key); }
};

struct ScriptedResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    bool keepOpen = false; // a watch: send body as the first events and leave the stream open
};

class ScriptedApiServer : public QObject {
public:
    std::function<ScriptedResponse(const ScriptedRequest &)> handler;
    QList<ScriptedRequest> requests;
    QList<QPointer<QTcpSocket>> openStreams;

    bool listen(quint16 port = 0) {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                QObject::connect(socket, &QTcpSocket::readyRead, this,
                                 [this, socket] { onData(socket); });
        });
        return m_server.listen(QHostAddress::LocalHost, port);
    }
    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    void close() {
        m_server.close();
        closeStreams();
    }

    int count(const QString &path, bool watch) const {
        int n = 0;
        for (const auto &r : requests)
            n += r.path() == path && (r.query("watch") == "1") == watch;
        return n;
    }

    // Writes one more line to every open watch stream.
    void push(const QByteArray &line) {
        for (const auto &s : openStreams)
            if (s) {
                s->write(QByteArray::number(line.size() + 1, 16) + "\r\n" + line + "\n\r\n");
                s->flush();
            }
    }
    void closeStreams() {
        for (const auto &s : openStreams)
            if (s) {
                s->write("0\r\n\r\n");
                s->disconnectFromHost();
            }
        openStreams.clear();
    }
    // Cuts every open watch stream without its final chunk, as a dropped connection does.
    void abortStreams() {
        for (const auto &s : openStreams)
            if (s)
                s->abort();
        openStreams.clear();
    }

private:
    void onData(QTcpSocket *socket) {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.clear();
        ScriptedRequest request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.url = QUrl(QString::fromLatin1(first.value(1)));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        requests.append(request);
        const ScriptedResponse response = handler ? handler(request) : ScriptedResponse{404, "{}"};
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) +
                          " X\r\nContent-Type: " + response.contentType + "\r\n";
        if (response.keepOpen) {
            socket->write(head + "Transfer-Encoding: chunked\r\n\r\n");
            if (!response.body.isEmpty())
                socket->write(QByteArray::number(response.body.size(), 16) + "\r\n" +
                              response.body + "\r\n");
            socket->flush();
            openStreams.append(socket);
        } else {
            socket->write(head + "Content-Length: " + QByteArray::number(response.body.size()) +
                          "\r\nConnection: close\r\n\r\n" + response.body);
            socket->disconnectFromHost();
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
