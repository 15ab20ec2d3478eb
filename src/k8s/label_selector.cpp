#include "k8s/label_selector.h"

#include "k8s/object_fields.h"

#include <QJsonArray>

namespace kiosk::k8s {

bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels) {
    const QJsonObject matchLabels = selector.value(QLatin1String("matchLabels")).toObject();
    const QJsonArray expressions = selector.value(QLatin1String("matchExpressions")).toArray();
    if (matchLabels.isEmpty() && expressions.isEmpty())
        return false;
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        if (!labels.contains(it.key()) ||
            labels.value(it.key()).toString() != it.value().toString())
            return false;
    }
    for (const QJsonValue &v : expressions) {
        const QJsonObject e = v.toObject();
        const QString key = e.value(QLatin1String("key")).toString();
        const QString op = e.value(QLatin1String("operator")).toString();
        const QJsonArray values = e.value(QLatin1String("values")).toArray();
        const bool present = labels.contains(key);
        const QJsonValue value = labels.value(key);
        if (op == QLatin1String("In")) {
            if (!present || !values.contains(value))
                return false;
        } else if (op == QLatin1String("NotIn")) {
            if (present && values.contains(value))
                return false;
        } else if (op == QLatin1String("Exists")) {
            if (!present)
                return false;
        } else if (op == QLatin1String("DoesNotExist")) {
            if (present)
                return false;
        } else {
            return false; // unknown operator: the API server would have rejected it
        }
    }
    return true;
}

QList<QJsonObject> selectedBy(const QJsonObject &workload, const QList<QJsonObject> &candidates) {
    const QJsonObject selector = fields::spec(workload).value(QLatin1String("selector")).toObject();
    QList<QJsonObject> out;
    for (const QJsonObject &c : candidates) {
        if (selectorMatches(selector, fields::labels(c)))
            out << c;
    }
    return out;
}

LabelIndex::LabelIndex(const QList<QJsonObject> &objects)
    : m_objects(objects) {
    for (int i = 0; i < m_objects.size(); ++i) {
        const QJsonObject labels = fields::labels(m_objects.at(i));
        for (auto it = labels.begin(); it != labels.end(); ++it)
            m_byLabel[it.key() + QLatin1Char('\n') + it.value().toString()] << i;
    }
}

QList<QJsonObject> LabelIndex::selectedBy(const QJsonObject &workload) const {
    const QJsonObject selector = fields::spec(workload).value(QLatin1String("selector")).toObject();
    const QJsonObject matchLabels = selector.value(QLatin1String("matchLabels")).toObject();
    if (matchLabels.isEmpty())
        return kiosk::k8s::selectedBy(workload, m_objects);
    // Candidates: the objects carrying the rarest of the required labels.
    const QList<int> *smallest = nullptr;
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        const auto found =
            m_byLabel.constFind(it.key() + QLatin1Char('\n') + it.value().toString());
        if (found == m_byLabel.constEnd())
            return {};
        if (!smallest || found->size() < smallest->size())
            smallest = &found.value();
    }
    QList<QJsonObject> out;
    for (int i : *smallest) {
        if (selectorMatches(selector, fields::labels(m_objects.at(i))))
            out << m_objects.at(i);
    }
    return out;
}

} // namespace kiosk::k8s
