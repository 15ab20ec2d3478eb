#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace kiosk::k8s {

// One informer's objects grouped by the name of their controller (a ReplicaSet's Deployment, a
// Pod's ReplicaSet), kept up to date from the names each watch batch touched, so that one
// deployment's ReplicaSets are found without walking and sorting the whole namespace.
class OwnerIndex {
public:
    // Forgets everything and indexes every object (after a list).
    void rebuild(const QHash<QString, QJsonObject> &objects);
    // Re-reads the objects called `names`: moved to their current controller, or dropped when
    // they are no longer in `objects`.
    void update(const QHash<QString, QJsonObject> &objects, const QStringList &names);

    // Names of the objects whose controller is the `kind` called `owner`, sorted.
    QStringList ownedBy(const QString &kind, const QString &owner) const;
    // The objects controlled by `owner` (checked by uid as isControlledBy does), sorted by name.
    QList<QJsonObject> objectsOwnedBy(const QJsonObject &owner,
                                      const QHash<QString, QJsonObject> &objects) const;
    // Same for several owners of one kind, in the order given (a deployment's pods through its
    // ReplicaSets).
    QList<QJsonObject> objectsOwnedBy(const QString &kind, const QStringList &owners,
                                      const QHash<QString, QJsonObject> &objects) const;
    qsizetype size() const { return m_ownerOf.size(); }

private:
    void insert(const QString &name, const QJsonObject &object);
    void remove(const QString &name);

    QHash<QString, QString> m_ownerOf;     // object name -> "Kind/name" of its controller
    QHash<QString, QSet<QString>> m_owned; // "Kind/name" of a controller -> object names
};

} // namespace kiosk::k8s
