#include "k8s/object_fields.h"

namespace kiosk::k8s::fields {

QJsonObject metadata(const QJsonObject &object) {
    return object.value(QLatin1String("metadata")).toObject();
}
QJsonObject spec(const QJsonObject &object) {
    return object.value(QLatin1String("spec")).toObject();
}
QJsonObject status(const QJsonObject &object) {
    return object.value(QLatin1String("status")).toObject();
}

QString name(const QJsonObject &object) {
    return metadata(object).value(QLatin1String("name")).toString();
}
QString uid(const QJsonObject &object) {
    return metadata(object).value(QLatin1String("uid")).toString();
}

QString resourceVersion(const QJsonObject &object) {
    return metadata(object).value(QLatin1String("resourceVersion")).toString();
}

QJsonObject annotations(const QJsonObject &object) {
    return metadata(object).value(QLatin1String("annotations")).toObject();
}

QJsonObject labels(const QJsonObject &object) {
    return metadata(object).value(QLatin1String("labels")).toObject();
}

static qint64 toInt64(const QJsonValue &value) {
    if (value.isDouble())
        return static_cast<qint64>(value.toDouble());
    if (value.isString())
        return value.toString().toLongLong();
    return 0;
}

qint64 generation(const QJsonObject &object) {
    return toInt64(metadata(object).value(QLatin1String("generation")));
}

qint64 observedGeneration(const QJsonObject &object) {
    return toInt64(status(object).value(QLatin1String("observedGeneration")));
}

bool beingDeleted(const QJsonObject &object) {
    const QJsonValue v = metadata(object).value(QLatin1String("deletionTimestamp"));
    return !v.isUndefined() && !v.isNull() && !(v.isString() && v.toString().isEmpty());
}

QDateTime creationTime(const QJsonObject &object) {
    return parseTime(metadata(object).value(QLatin1String("creationTimestamp")).toString());
}

QDateTime parseTime(const QString &text) {
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (t.isValid())
        t = t.toUTC();
    return t;
}

qint64 revision(const QJsonObject &object, bool *ok) {
    const QJsonValue v = annotations(object).value(QLatin1String(kRevisionAnnotation));
    if (ok)
        *ok = true;
    if (v.isUndefined())
        return 0;
    bool parsed = false;
    const qint64 r = v.toString().trimmed().toLongLong(&parsed);
    if (!parsed) {
        if (ok)
            *ok = false;
        return 0;
    }
    return r;
}

QJsonObject controllerRef(const QJsonObject &object) {
    const QJsonArray refs = metadata(object).value(QLatin1String("ownerReferences")).toArray();
    for (const QJsonValue &ref : refs) {
        const QJsonObject o = ref.toObject();
        if (o.value(QLatin1String("controller")).toBool())
            return o;
    }
    return {};
}

bool isControlledBy(const QJsonObject &object, const QJsonObject &owner) {
    const QJsonObject ref = controllerRef(object);
    if (ref.isEmpty())
        return false;
    const QString refUid = ref.value(QLatin1String("uid")).toString();
    const QString ownerUid = uid(owner);
    if (!refUid.isEmpty() && !ownerUid.isEmpty())
        return refUid == ownerUid;
    const QString ownerKind = owner.value(QLatin1String("kind")).toString();
    if (!ownerKind.isEmpty() && ref.value(QLatin1String("kind")).toString() != ownerKind)
        return false;
    return ref.value(QLatin1String("name")).toString() == name(owner);
}

bool hasSpecReplicas(const QJsonObject &object) {
    return spec(object).contains(QLatin1String("replicas"));
}

int specReplicas(const QJsonObject &object) {
    const QJsonValue v = spec(object).value(QLatin1String("replicas"));
    return v.isUndefined() || v.isNull() ? 1 : v.toInt();
}

int statusInt(const QJsonObject &object, const char *key) {
    return status(object).value(QLatin1String(key)).toInt();
}

QJsonObject podTemplate(const QJsonObject &workload) {
    return spec(workload).value(QLatin1String("template")).toObject();
}

QStringList templateImages(const QJsonObject &podTemplate) {
    QStringList images;
    const QJsonArray containers = podTemplate.value(QLatin1String("spec"))
                                      .toObject()
                                      .value(QLatin1String("containers"))
                                      .toArray();
    for (const QJsonValue &c : containers)
        images << c.toObject().value(QLatin1String("image")).toString();
    return images;
}

QJsonObject condition(const QJsonObject &object, const QString &type) {
    const QJsonArray conditions = status(object).value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &c : conditions) {
        const QJsonObject o = c.toObject();
        if (o.value(QLatin1String("type")).toString() == type)
            return o;
    }
    return {};
}

QJsonObject withoutHashLabel(const QJsonObject &podTemplate) {
    QJsonObject t = podTemplate;
    QJsonObject meta = t.value(QLatin1String("metadata")).toObject();
    QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
    if (labels.contains(QLatin1String(kPodTemplateHashLabel))) {
        labels.remove(QLatin1String(kPodTemplateHashLabel));
        if (labels.isEmpty())
            meta.remove(QLatin1String("labels"));
        else
            meta.insert(QLatin1String("labels"), labels);
        t.insert(QLatin1String("metadata"), meta);
    }
    return t;
}

static QJsonValue normalized(const QJsonValue &value);

static QJsonObject normalizedObject(const QJsonObject &object) {
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue v = normalized(it.value());
        if (!v.isUndefined())
            out.insert(it.key(), v);
    }
    return out;
}

// Null, empty objects and empty arrays become undefined (absent).
static QJsonValue normalized(const QJsonValue &value) {
    if (value.isNull())
        return QJsonValue(QJsonValue::Undefined);
    if (value.isObject()) {
        const QJsonObject o = normalizedObject(value.toObject());
        return o.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(o);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray()) {
            const QJsonValue n = normalized(v);
            out.append(n.isUndefined() ? QJsonValue(QJsonObject()) : n);
        }
        return out.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(out);
    }
    return value;
}

QJsonObject comparableTemplate(const QJsonObject &podTemplate) {
    return normalizedObject(withoutHashLabel(podTemplate));
}

bool templatesEqualIgnoringHash(const QJsonObject &a, const QJsonObject &b) {
    return comparableTemplate(a) == comparableTemplate(b);
}

QList<QJsonObject> toObjects(const QJsonArray &array) {
    QList<QJsonObject> out;
    out.reserve(array.size());
    for (const QJsonValue &v : array)
        out << v.toObject();
    return out;
}

} // namespace kiosk::k8s::fields
