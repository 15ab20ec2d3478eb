#include "aibrain/ai_brain_client.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QImage>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

namespace kiosk::aibrain {

namespace {

QElapsedTimer &clock() {
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer;
}

QString seconds(int ms) {
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'f', 1);
}

// A file name safe inside Content-Disposition: no quotes, backslashes or control characters.
QString headerSafeName(const QString &name) {
    QString s;
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('"') ||
            c == QLatin1Char('\\'))
            s.append(QLatin1Char('_'));
        else
            s.append(c);
    }
    return s.isEmpty() ? QStringLiteral("photo") : s.left(100);
}

} // namespace

AiBrainClient::AiBrainClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this)) {
    qRegisterMetaType<kiosk::aibrain::ReadingResult>();
    clock();
    m_nam->setAutoDeleteReplies(false);
    connect(m_nam, &QNetworkAccessManager::finished, this, &AiBrainClient::onFinished);
}

AiBrainClient::~AiBrainClient() {
    // Replies finishing during destruction must not reach a half-destroyed client.
    disconnect(m_nam, nullptr, this, nullptr);
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        it.key()->abort();
}

void AiBrainClient::setBaseUrl(const QUrl &url) {
    m_baseUrl = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QString AiBrainClient::checkBaseUrl(const QUrl &url) {
    if (url.isEmpty())
        return QStringLiteral("no AI Brain URL is configured");
    if (!url.isValid())
        return QStringLiteral("the AI Brain URL is not valid: %1").arg(url.errorString());
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return QStringLiteral("the AI Brain URL must start with http:// or https:// (got \"%1\")")
            .arg(url.toDisplayString(QUrl::RemoveUserInfo));
    if (url.host().isEmpty())
        return QStringLiteral("the AI Brain URL has no host");
    return {};
}

bool AiBrainClient::isConfigured() const {
    return checkBaseUrl(m_baseUrl).isEmpty();
}

QUrl AiBrainClient::endpoint(const QString &path) const {
    QUrl url = m_baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

AiBrainClient::Upload AiBrainClient::prepareUpload(const QByteArray &data,
                                                   const QString &fileName) {
    Upload u;
    u.fileName = headerSafeName(QFileInfo(fileName).fileName());
    if (data.isEmpty()) {
        u.error = QStringLiteral("the photo is empty");
        return u;
    }
    if (data.size() > kMaxUploadBytes) {
        u.error =
            QStringLiteral("the photo is too large to send to AI Brain (%1 MB, at most %2 MB)")
                .arg(data.size() / (1024 * 1024))
                .arg(kMaxUploadBytes / (1024 * 1024));
        return u;
    }
    if (data.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n"))) {
        u.data = data;
        u.contentType = "image/png";
        return u;
    }
    if (data.startsWith(QByteArrayLiteral("\xff\xd8\xff"))) {
        u.data = data;
        u.contentType = "image/jpeg";
        return u;
    }
    // Another image format: AI Brain takes JPEG or PNG, so send it as PNG.
    QImage image;
    if (!image.loadFromData(data) || image.isNull()) {
        u.error =
            QStringLiteral("the file is not an image that can be read (JPEG or PNG expected)");
        return u;
    }
    QBuffer buffer(&u.data);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        u.error = QStringLiteral("the image could not be converted to PNG");
        u.data.clear();
        return u;
    }
    u.contentType = "image/png";
    u.fileName = QFileInfo(u.fileName).completeBaseName() + QStringLiteral(".png");
    return u;
}

AiBrainClient::Upload AiBrainClient::prepareFile(const QString &path) {
    QFile file(path);
    if (!file.exists()) {
        Upload u;
        u.error = QStringLiteral("no such file");
        return u;
    }
    if (file.size() > kMaxUploadBytes) {
        Upload u;
        u.error =
            QStringLiteral("the photo is too large to send to AI Brain (%1 MB, at most %2 MB)")
                .arg(file.size() / (1024 * 1024))
                .arg(kMaxUploadBytes / (1024 * 1024));
        return u;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        Upload u;
        u.error = QStringLiteral("cannot open the file: %1").arg(file.errorString());
        return u;
    }
    return prepareUpload(file.readAll(), path);
}

QNetworkReply *AiBrainClient::send(const QString &path, const Upload *upload, int timeoutMs) {
    QNetworkRequest request(endpoint(path));
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute,
        QNetworkRequest::SameOriginRedirectPolicy); // the token never leaves the host
    // Our own deadline covers the whole exchange; this one only catches a silent connection.
    request.setTransferTimeout(timeoutMs + 1000);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!upload)
        return m_nam->get(request);

    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(upload->contentType));
    part.setHeader(
        QNetworkRequest::ContentDispositionHeader,
        QStringLiteral("form-data; name=\"file\"; filename=\"%1\"").arg(upload->fileName));
    part.setBody(upload->data);
    multipart->append(part);
    QNetworkReply *reply = m_nam->post(request, multipart);
    multipart->setParent(reply);
    return reply;
}

int AiBrainClient::track(QNetworkReply *reply, bool health, int timeoutMs) {
    Pending p;
    p.id = m_nextId++;
    p.health = health;
    p.startedMs = clock().elapsed();
    m_pending.insert(reply, p);
    QPointer<QNetworkReply> guard(reply);
    QTimer::singleShot(timeoutMs, this, [this, guard]() {
        if (!guard || !m_pending.contains(guard.data()))
            return;
        m_pending[guard.data()].timedOut = true;
        guard->abort();
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, guard](qint64 received, qint64) {
        if (!guard || received <= AnswerNormalizer::kMaxAnswerBytes ||
            !m_pending.contains(guard.data()))
            return;
        m_pending[guard.data()].tooLarge = true;
        guard->abort();
    });
    return p.id;
}

int AiBrainClient::checkHealth() {
    if (const QString problem = checkBaseUrl(m_baseUrl); !problem.isEmpty()) {
        const int id = m_nextId++;
        QMetaObject::invokeMethod(
            this, [this, id, problem]() { emit healthChecked(id, false, problem); },
            Qt::QueuedConnection);
        return id;
    }
    return track(send(QStringLiteral("/health"), nullptr, m_healthTimeoutMs), true,
                 m_healthTimeoutMs);
}

void AiBrainClient::reportLater(int id, const ReadingResult &result) {
    QMetaObject::invokeMethod(
        this, [this, id, result]() { emit analyzed(id, result); }, Qt::QueuedConnection);
}

int AiBrainClient::analyzeFile(const QString &path) {
    const Upload upload = prepareFile(path);
    if (!upload.error.isEmpty()) {
        ReadingResult r;
        r.engine = ReadingResult::AiBrainEngine;
        r.error = upload.error;
        const int id = m_nextId++;
        reportLater(id, r);
        return id;
    }
    return analyzeData(upload.data, upload.fileName);
}

int AiBrainClient::analyzeData(const QByteArray &data, const QString &fileName) {
    ReadingResult failure;
    failure.engine = ReadingResult::AiBrainEngine;
    failure.error = checkBaseUrl(m_baseUrl);
    const Upload upload = failure.error.isEmpty() ? prepareUpload(data, fileName) : Upload();
    if (failure.error.isEmpty())
        failure.error = upload.error;
    if (!failure.error.isEmpty()) {
        const int id = m_nextId++;
        reportLater(id, failure);
        return id;
    }
    return track(send(QStringLiteral("/analyze/prescription"), &upload, m_timeoutMs), false,
                 m_timeoutMs);
}

void AiBrainClient::abortAll() {
    const auto replies = m_pending.keys();
    for (QNetworkReply *reply : replies)
        reply->abort();
}

QString AiBrainClient::describeNetworkFailure(QNetworkReply *reply, const Pending &pending) const {
    const QString where = m_baseUrl.toDisplayString(QUrl::RemoveUserInfo);
    if (pending.timedOut)
        return pending.health ? QStringLiteral("AI Brain at %1 did not answer /health within %2 s")
                                    .arg(where, seconds(m_healthTimeoutMs))
                              : QStringLiteral("AI Brain at %1 did not answer within %2 s")
                                    .arg(where, seconds(m_timeoutMs));
    if (pending.tooLarge)
        return QStringLiteral("AI Brain's answer is larger than %1 bytes")
            .arg(AnswerNormalizer::kMaxAnswerBytes);
    return QStringLiteral("AI Brain at %1 is unreachable: %2").arg(where, reply->errorString());
}

void AiBrainClient::onFinished(QNetworkReply *reply) {
    reply->deleteLater();
    if (!m_pending.contains(reply))
        return;
    const Pending p = m_pending.take(reply);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool cancelled =
        reply->error() == QNetworkReply::OperationCanceledError && !p.timedOut && !p.tooLarge;
    const QByteArray body = (p.timedOut || p.tooLarge || !reply->isOpen())
                                ? QByteArray()
                                : reply->read(AnswerNormalizer::kMaxAnswerBytes + 1);
    const bool httpAnswer = status > 0 && !p.timedOut && !p.tooLarge;
    QString httpError;
    if (httpAnswer && (status < 200 || status > 299)) {
        const QString detail = AnswerNormalizer::errorDetail(body);
        QString what = QStringLiteral("AI Brain answered HTTP %1").arg(status);
        if (status == 401 || status == 403)
            what += m_token.isEmpty() ? QStringLiteral(" (it needs a token; none is set)")
                                      : QStringLiteral(" (the token was refused)");
        httpError = detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
    }

    if (p.health) {
        QString error;
        if (cancelled)
            error = QStringLiteral("cancelled");
        else if (!httpAnswer)
            error = describeNetworkFailure(reply, p);
        else if (!httpError.isEmpty())
            error = QStringLiteral("/health: ") + httpError;
        emit healthChecked(p.id, error.isEmpty(), error);
        return;
    }

    ReadingResult r;
    r.engine = ReadingResult::AiBrainEngine;
    r.httpStatus = httpAnswer ? status : 0;
    r.timedOut = p.timedOut;
    r.ms = clock().elapsed() - p.startedMs;
    if (cancelled) {
        r.cancelled = true;
    } else if (!httpAnswer) {
        r.error = describeNetworkFailure(reply, p);
    } else if (!httpError.isEmpty()) {
        r.error = httpError;
    } else {
        const auto outcome = m_normalizer.fromBody(body);
        if (!outcome.ok()) {
            r.error = outcome.error;
        } else {
            r.prescription = outcome.prescription;
            r.rawText = outcome.rawText;
        }
    }
    emit analyzed(p.id, r);
}

AiBrainClient::Health AiBrainClient::checkHealthBlocking() {
    Health h;
    QEventLoop loop;
    int wanted = -1;
    bool done = false;
    const auto c = connect(this, &AiBrainClient::healthChecked, &loop,
                           [&](int id, bool healthy, const QString &error) {
                               if (id != wanted)
                                   return;
                               h.healthy = healthy;
                               h.error = error;
                               done = true;
                               loop.quit();
                           });
    wanted = checkHealth();
    if (!done)
        loop.exec();
    disconnect(c);
    return h;
}

ReadingResult AiBrainClient::analyzeFileBlocking(const QString &path) {
    ReadingResult result;
    QEventLoop loop;
    int wanted = -1;
    bool done = false;
    const auto c =
        connect(this, &AiBrainClient::analyzed, &loop, [&](int id, const ReadingResult &r) {
            if (id != wanted)
                return;
            result = r;
            done = true;
            loop.quit();
        });
    wanted = analyzeFile(path);
    if (!done)
        loop.exec();
    disconnect(c);
    return result;
}

} // namespace kiosk::aibrain
