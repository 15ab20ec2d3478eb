#include "k8s/owner_index.h"

#include "k8s/object_fields.h"

#include <algorithm>

namespace kiosk::k8s {

void OwnerIndex::rebuild(const QHash<QString, QJsonObject> &objects) {
    m_ownerOf.clear();
    m_owned.clear();
    for (auto it = objects.cbegin(); it != objects.cend(); ++it)
        insert(it.key(), it.value());
}

void OwnerIndex::update(const QHash<QString, QJsonObject> &objects, const QStringList &names) {
    for (const QString &name : names) {
        remove(name);
        const auto it = objects.constFind(name);
        if (it != objects.cend())
            insert(name, it.value());
    }
}

void OwnerIndex::insert(const QString &name, const QJsonObject &object) {
    const QJsonObject ref = fields::controllerRef(object);
    const QString refName = ref.value(u"name").toString();
    if (refName.isEmpty())
        return;
    const QString owner = ref.value(u"kind").toString() + u'/' + refName;
    m_ownerOf.insert(name, owner);
    m_owned[owner].insert(name);
}

void OwnerIndex::remove(const QString &name) {
    const auto it = m_ownerOf.constFind(name);
    if (it == m_ownerOf.cend())
        return;
    const auto owned = m_owned.find(it.value());
    if (owned != m_owned.end()) {
        owned->remove(name);
        if (owned->isEmpty())
            m_owned.erase(owned);
    }
    m_ownerOf.erase(it);
}

QStringList OwnerIndex::ownedBy(const QString &kind, const QString &owner) const {
    const QSet<QString> names = m_owned.value(kind + u'/' + owner);
    QStringList list(names.cbegin(), names.cend());
    std::sort(list.begin(), list.end());
    return list;
}

QList<QJsonObject> OwnerIndex::objectsOwnedBy(const QJsonObject &owner,
                                              const QHash<QString, QJsonObject> &objects) const {
    QList<QJsonObject> list;
    const QString kind = owner.value(u"kind").toString(QStringLiteral("Deployment"));
    for (const QString &name : ownedBy(kind, fields::name(owner))) {
        const QJsonObject object = objects.value(name);
        // The name matched; the uid decides when both carry one (a deployment recreated under
        // the same name owns nothing of its predecessor's).
        if (fields::isControlledBy(object, owner))
            list.append(object);
    }
    return list;
}

QList<QJsonObject> OwnerIndex::objectsOwnedBy(const QString &kind, const QStringList &owners,
                                              const QHash<QString, QJsonObject> &objects) const {
    QList<QJsonObject> list;
    for (const QString &owner : owners)
        for (const QString &name : ownedBy(kind, owner))
            list.append(objects.value(name));
    return list;
}

} // namespace kiosk::k8s
