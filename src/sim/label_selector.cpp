#include "sim/label_selector.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace kiosk::sim {

namespace {

bool isValidLabelKey(const QString &key) {
    static const QRegularExpression name(
        QStringLiteral("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$"));
    static const QRegularExpression prefix(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    const auto slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return name.match(key).hasMatch();
    const QString p = key.left(slash);
    return p.size() <= 253 && prefix.match(p).hasMatch() &&
           name.match(key.mid(slash + 1)).hasMatch();
}

bool isValidLabelValue(const QString &value) {
    static const QRegularExpression re(
        QStringLiteral("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"));
    return value.size() <= 63 && re.match(value).hasMatch();
}

// Splits on commas that are not inside parentheses.
QStringList splitTopLevel(const QString &text) {
    QStringList parts;
    int depth = 0;
    QString current;
    for (const QChar c : text) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            parts.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    parts.append(current);
    return parts;
}

QString opText(LabelSelector::Op op) {
    switch (op) {
    case LabelSelector::Op::Equals:
        return QStringLiteral("=");
    case LabelSelector::Op::NotEquals:
        return QStringLiteral("!=");
    case LabelSelector::Op::In:
        return QStringLiteral(" in ");
    case LabelSelector::Op::NotIn:
        return QStringLiteral(" notin ");
    default:
        return {};
    }
}

} // namespace

std::optional<LabelSelector> LabelSelector::parse(const QString &text, QString *error) {
    LabelSelector selector;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return selector;
    static const QRegularExpression setRe(
        QStringLiteral("^\\s*([^\\s!=()]+)\\s+(in|notin)\\s*\\(([^()]*)\\)\\s*$"));
    for (const QString &rawPart : splitTopLevel(trimmed)) {
        const QString part = rawPart.trimmed();
        Requirement requirement;
        if (part.isEmpty()) {
            if (error)
                *error = QStringLiteral("found '', expected: identifier");
            return std::nullopt;
        }
        if (const auto m = setRe.match(part); m.hasMatch()) {
            requirement.key = m.captured(1);
            requirement.op = m.captured(2) == QLatin1String("in") ? Op::In : Op::NotIn;
            for (const QString &v : m.captured(3).split(QLatin1Char(','))) {
                const QString value = v.trimmed();
                if (!isValidLabelValue(value)) {
                    if (error)
                        *error = QStringLiteral("invalid label value: \"%1\"").arg(value);
                    return std::nullopt;
                }
                requirement.values.append(value);
            }
        } else if (part.startsWith(QLatin1Char('!')) && !part.contains(QLatin1Char('='))) {
            requirement.key = part.mid(1).trimmed();
            requirement.op = Op::DoesNotExist;
        } else if (const auto ne = part.indexOf(QStringLiteral("!=")); ne > 0) {
            requirement.key = part.left(ne).trimmed();
            requirement.op = Op::NotEquals;
            requirement.values = {part.mid(ne + 2).trimmed()};
        } else if (const auto eq = part.indexOf(QLatin1Char('=')); eq > 0) {
            const bool doubled = part.mid(eq + 1).startsWith(QLatin1Char('='));
            requirement.key = part.left(eq).trimmed();
            requirement.op = Op::Equals;
            requirement.values = {part.mid(eq + (doubled ? 2 : 1)).trimmed()};
        } else if (!part.contains(QLatin1Char('=')) && !part.contains(QLatin1Char(' '))) {
            requirement.key = part;
            requirement.op = Op::Exists;
        } else {
            if (error)
                *error = QStringLiteral("unable to parse requirement: \"%1\"").arg(part);
            return std::nullopt;
        }
        if (!isValidLabelKey(requirement.key)) {
            if (error)
                *error = QStringLiteral("unable to parse requirement: invalid label key \"%1\"")
                             .arg(requirement.key);
            return std::nullopt;
        }
        for (const QString &value : std::as_const(requirement.values)) {
            if (!isValidLabelValue(value)) {
                if (error)
                    *error =
                        QStringLiteral("unable to parse requirement: invalid label value: \"%1\"")
                            .arg(value);
                return std::nullopt;
            }
        }
        selector.m_requirements.append(requirement);
    }
    return selector;
}

std::optional<LabelSelector> LabelSelector::fromJson(const QJsonObject &json, QString *error) {
    LabelSelector selector;
    const QJsonObject matchLabels = json.value(QStringLiteral("matchLabels")).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        selector.m_requirements.append({it.key(), Op::Equals, {it.value().toString()}});
    for (const auto &value : json.value(QStringLiteral("matchExpressions")).toArray()) {
        const QJsonObject expression = value.toObject();
        Requirement requirement;
        requirement.key = expression.value(QStringLiteral("key")).toString();
        const QString op = expression.value(QStringLiteral("operator")).toString();
        if (op == QLatin1String("In"))
            requirement.op = Op::In;
        else if (op == QLatin1String("NotIn"))
            requirement.op = Op::NotIn;
        else if (op == QLatin1String("Exists"))
            requirement.op = Op::Exists;
        else if (op == QLatin1String("DoesNotExist"))
            requirement.op = Op::DoesNotExist;
        else {
            if (error)
                *error = QStringLiteral("\"%1\" is not a valid label selector operator").arg(op);
            return std::nullopt;
        }
        for (const auto &v : expression.value(QStringLiteral("values")).toArray())
            requirement.values.append(v.toString());
        selector.m_requirements.append(requirement);
    }
    return selector;
}

bool LabelSelector::matches(const QJsonObject &labels) const {
    for (const auto &r : m_requirements) {
        const bool has = labels.contains(r.key);
        const QString value = labels.value(r.key).toString();
        switch (r.op) {
        case Op::Equals:
            if (!has || value != r.values.value(0))
                return false;
            break;
        case Op::NotEquals:
            if (has && value == r.values.value(0))
                return false;
            break;
        case Op::In:
            if (!has || !r.values.contains(value))
                return false;
            break;
        case Op::NotIn:
            if (has && r.values.contains(value))
                return false;
            break;
        case Op::Exists:
            if (!has)
                return false;
            break;
        case Op::DoesNotExist:
            if (has)
                return false;
            break;
        }
    }
    return true;
}

QString LabelSelector::toString() const {
    QStringList parts;
    for (const auto &r : m_requirements) {
        switch (r.op) {
        case Op::Exists:
            parts.append(r.key);
            break;
        case Op::DoesNotExist:
            parts.append(QLatin1Char('!') + r.key);
            break;
        case Op::In:
        case Op::NotIn: {
            QStringList values = r.values;
            values.sort();
            parts.append(r.key + opText(r.op) + QLatin1Char('(') + values.join(QLatin1Char(',')) +
                         QLatin1Char(')'));
            break;
        }
        default:
            parts.append(r.key + opText(r.op) + r.values.value(0));
        }
    }
    parts.sort();
    return parts.join(QLatin1Char(','));
}

std::optional<FieldSelector>
FieldSelector::parse(const QString &text, const QStringList &supportedFields, QString *error) {
    FieldSelector selector;
    if (text.trimmed().isEmpty())
        return selector;
    for (const QString &rawPart : text.split(QLatin1Char(','))) {
        const QString part = rawPart.trimmed();
        Requirement requirement;
        int valueStart = -1;
        if (const auto ne = part.indexOf(QStringLiteral("!=")); ne > 0) {
            requirement.field = part.left(ne).trimmed();
            requirement.equals = false;
            valueStart = ne + 2;
        } else if (const auto eq = part.indexOf(QLatin1Char('=')); eq > 0) {
            requirement.field = part.left(eq).trimmed();
            valueStart = eq + (part.mid(eq + 1).startsWith(QLatin1Char('=')) ? 2 : 1);
        } else {
            if (error)
                *error =
                    QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(text, part);
            return std::nullopt;
        }
        requirement.value = part.mid(valueStart).trimmed();
        if (!supportedFields.contains(requirement.field)) {
            if (error)
                *error = QStringLiteral("field label not supported: %1").arg(requirement.field);
            return std::nullopt;
        }
        selector.m_requirements.append(requirement);
    }
    return selector;
}

QString FieldSelector::fieldValue(const QJsonObject &object, const QString &field) {
    if (field == QLatin1String("source")) {
        const QString component = object.value(QStringLiteral("source"))
                                      .toObject()
                                      .value(QStringLiteral("component"))
                                      .toString();
        return component.isEmpty() ? object.value(QStringLiteral("reportingComponent")).toString()
                                   : component;
    }
    QJsonValue current = object;
    for (const QString &segment : field.split(QLatin1Char('.')))
        current = current.toObject().value(segment);
    if (current.isDouble())
        return QString::number(current.toInteger());
    if (current.isBool())
        return current.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return current.toString();
}

bool FieldSelector::matches(const QJsonObject &object) const {
    for (const auto &r : m_requirements) {
        const bool equal = fieldValue(object, r.field) == r.value;
        if (equal != r.equals)
            return false;
    }
    return true;
}

std::optional<QString> FieldSelector::exactName() const {
    for (const auto &r : m_requirements) {
        if (r.field == QLatin1String("metadata.name") && r.equals)
            return r.value;
    }
    return std::nullopt;
}

} // namespace kiosk::sim
