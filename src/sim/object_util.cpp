#include "sim/object_util.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

namespace kiosk::sim::util {

QString timestamp(const QDateTime &time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString now() {
    return timestamp(QDateTime::currentDateTimeUtc());
}

QDateTime parseTimestamp(const QString &text) {
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.toUTC();
}

QString newUid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

namespace {
const char kAlphabet[] = "bcdfghjklmnpqrstvwxz2456789";
constexpr int kAlphabetSize = sizeof(kAlphabet) - 1;
} // namespace

QString randomSuffix(int length) {
    QString result;
    result.reserve(length);
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < length; ++i)
        result.append(QLatin1Char(kAlphabet[random->bounded(kAlphabetSize)]));
    return result;
}

QString safeEncode(const QString &text) {
    QString result;
    result.reserve(text.size());
    for (const QChar c : text)
        result.append(QLatin1Char(kAlphabet[c.unicode() % kAlphabetSize]));
    return result;
}

QString podTemplateHash(const QJsonObject &podTemplate, qint64 collisionCount) {
    QByteArray data = QJsonDocument(podTemplate).toJson(QJsonDocument::Compact);
    if (collisionCount > 0)
        data += QByteArray::number(collisionCount);
    quint32 hash = 2166136261u;
    for (const char c : std::as_const(data)) {
        hash ^= static_cast<quint8>(c);
        hash *= 16777619u;
    }
    return safeEncode(QString::number(hash));
}

QByteArray toJson(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString name(const QJsonObject &object) {
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("name"))
        .toString();
}

QString namespaceOf(const QJsonObject &object) {
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("namespace"))
        .toString();
}

QString uid(const QJsonObject &object) {
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("uid"))
        .toString();
}

QJsonObject labels(const QJsonObject &object) {
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("labels"))
        .toObject();
}

QJsonObject annotations(const QJsonObject &object) {
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("annotations"))
        .toObject();
}

QJsonObject controllerRef(const QJsonObject &object) {
    const QJsonArray refs = object.value(QStringLiteral("metadata"))
                                .toObject()
                                .value(QStringLiteral("ownerReferences"))
                                .toArray();
    for (const auto &ref : refs) {
        if (ref.toObject().value(QStringLiteral("controller")).toBool())
            return ref.toObject();
    }
    return {};
}

bool isTerminating(const QJsonObject &object) {
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .contains(QStringLiteral("deletionTimestamp"));
}

QJsonObject ownerReference(const QJsonObject &owner, bool controller) {
    QJsonObject ref{{QStringLiteral("apiVersion"), owner.value(QStringLiteral("apiVersion"))},
                    {QStringLiteral("kind"), owner.value(QStringLiteral("kind"))},
                    {QStringLiteral("name"), name(owner)},
                    {QStringLiteral("uid"), uid(owner)}};
    if (controller) {
        ref.insert(QStringLiteral("controller"), true);
        ref.insert(QStringLiteral("blockOwnerDeletion"), true);
    }
    return ref;
}

QString humanDuration(qint64 seconds) {
    if (seconds < 0)
        return QStringLiteral("<invalid>");
    if (seconds < 60 * 2)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? QStringLiteral("%1m").arg(minutes)
                      : QStringLiteral("%1m%2s").arg(minutes).arg(s);
    }
    if (minutes < 60 * 3)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = seconds / 3600;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QStringLiteral("%1h").arg(hours)
                      : QStringLiteral("%1h%2m").arg(hours).arg(m);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QStringLiteral("%1d").arg(hours / 24)
                      : QStringLiteral("%1d%2h").arg(hours / 24).arg(h);
    }
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 dy = (hours / 24) % 365;
        return dy == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                       : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(dy);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

void setPath(QJsonObject &object, const QStringList &path, const QJsonValue &value) {
    if (path.isEmpty())
        return;
    if (path.size() == 1) {
        object.insert(path.first(), value);
        return;
    }
    QJsonObject child = object.value(path.first()).toObject();
    setPath(child, path.mid(1), value);
    object.insert(path.first(), child);
}

QJsonValue getPath(const QJsonObject &object, const QStringList &path) {
    QJsonValue current = object;
    for (const QString &segment : path)
        current = current.toObject().value(segment);
    return current;
}

} // namespace kiosk::sim::util
