#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiosk::sim {

// A Kubernetes label selector: parsed from the query string form kubectl sends
// ("app=x,tier!=db,env in (a,b),!legacy,track") or built from a LabelSelector object
// (matchLabels / matchExpressions), and matched against an object's labels.
class LabelSelector {
public:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
    struct Requirement {
        QString key;
        Op op = Op::Equals;
        QStringList values;
    };

    // Returns nullopt and sets *error on a syntax error.
    static std::optional<LabelSelector> parse(const QString &text, QString *error = nullptr);
    static std::optional<LabelSelector> fromJson(const QJsonObject &selector,
                                                 QString *error = nullptr);

    bool isEmpty() const { return m_requirements.isEmpty(); }
    bool matches(const QJsonObject &labels) const;
    // The canonical string form ("app=x,pod-template-hash=abc").
    QString toString() const;
    const QList<Requirement> &requirements() const { return m_requirements; }

private:
    QList<Requirement> m_requirements;
};

// A field selector (metadata.name=x,status.phase!=Running) restricted to the fields the
// resource supports, the way the apiserver restricts them.
class FieldSelector {
public:
    struct Requirement {
        QString field;
        bool equals = true;
        QString value;
    };
    static std::optional<FieldSelector>
    parse(const QString &text, const QStringList &supportedFields, QString *error = nullptr);
    bool isEmpty() const { return m_requirements.isEmpty(); }
    bool matches(const QJsonObject &object) const;
    // The value a field selector compares for `field` ("spec.nodeName", "involvedObject.uid").
    static QString fieldValue(const QJsonObject &object, const QString &field);
    // If the selector pins metadata.name to one value, that value.
    std::optional<QString> exactName() const;

private:
    QList<Requirement> m_requirements;
};

} // namespace kiosk::sim
