#include "k8s/json_subtree_interner.h"

#include <QJsonArray>
#include <QVarLengthArray>

#include <type_traits>
#include <utility>

namespace kiosk::k8s {

namespace {

template <typename Container>
constexpr size_t kContainerSeed = std::is_same_v<Container, QJsonObject> ? 0x6f626a : 0x617272;

template <typename Container> Container containerOf(const QJsonValue &value) {
    if constexpr (std::is_same_v<Container, QJsonObject>)
        return value.toObject();
    else
        return value.toArray();
}

// A scalar's hash read through the reference: no QJsonValue (and its reference count) per child.
size_t scalarHash(QJsonValueConstRef value) {
    switch (value.type()) {
    case QJsonValue::Bool:
        return qHash(value.toBool());
    case QJsonValue::Double:
        return qHash(value.toDouble());
    case QJsonValue::String:
        return qHash(value.toString());
    default:
        return qHash(int(value.type()));
    }
}

} // namespace

QJsonObject JsonSubtreeInterner::intern(QJsonObject object) {
    const auto metadata = object.constFind(u"metadata");
    const qsizetype metadataIndex =
        metadata == object.constEnd() ? -1 : metadata - object.constBegin();
    size_t hash = 0;
    Replacements replaced;
    internChildren(object, 0, false, hash, replaced, metadataIndex);
    writeBack(object, replaced);
    return object;
}

// Returns whether `value` was replaced (by a pooled equal, or because a child was). `hash`
// covers the whole subtree when the parent wants it or the subtree is pooled, built from the
// children's hashes so each level is visited once.
template <typename Container>
bool JsonSubtreeInterner::internContainer(QJsonValue &value, size_t slot, bool hashWanted,
                                          size_t &hash, Pooling pooling) {
    SlotStats &stats = m_slots[slot];
    const bool pooled = pooling == Pooling::BySlot && stats.worthPooling();
    Container container = containerOf<Container>(value);
    Replacements replaced;
    internChildren(container, slot, hashWanted || pooled, hash, replaced);
    if (pooled) {
        // Looked up before the shared children are written in: a subtree found in the pool is
        // not copied for nothing (the comparison goes deeper instead, without allocating).
        const auto it = m_pool.constFind(PooledSubtree{hash, value, nullptr});
        if (it != m_pool.constEnd()) {
            ++it->slot->found;
            value = it->value;
            return true;
        }
    }
    const bool childReplaced = writeBack(container, replaced);
    if (childReplaced)
        value = container;
    if (pooled) {
        m_pool.insert(PooledSubtree{hash, value, &stats});
        ++stats.pooled;
    }
    return childReplaced;
}

template <typename Container>
void JsonSubtreeInterner::internChildren(const Container &container, size_t slot, bool hashWanted,
                                         size_t &hash, Replacements &replaced,
                                         qsizetype unpooledIndex) {
    // Object keys stay out of the hash (reading one allocates); equal values under other keys
    // only cost a comparison.
    if (hashWanted)
        hash = qHashMulti(kContainerSeed<Container>, container.size());
    qsizetype index = 0;
    for (auto it = container.constBegin(); it != container.constEnd(); ++it, ++index) {
        const QJsonValueConstRef ref = *it;
        size_t childHash = 0;
        const QJsonValue::Type type = ref.type();
        if (type == QJsonValue::Object || type == QJsonValue::Array) {
            QJsonValue child = ref;
            const size_t childSlot = qHashMulti(slot, index, int(type));
            const Pooling pooling =
                index == unpooledIndex ? Pooling::ChildrenOnly : Pooling::BySlot;
            const bool childReplaced =
                type == QJsonValue::Object
                    ? internContainer<QJsonObject>(child, childSlot, hashWanted, childHash, pooling)
                    : internContainer<QJsonArray>(child, childSlot, hashWanted, childHash, pooling);
            if (childReplaced)
                replaced.append({index, std::move(child)});
        } else if (hashWanted) {
            childHash = scalarHash(ref);
        }
        if (hashWanted)
            hash = qHashMulti(hash, childHash);
    }
}

// Only when something changed: an untouched container keeps its storage.
template <typename Container>
bool JsonSubtreeInterner::writeBack(Container &container, const Replacements &replaced) {
    for (const auto &[at, child] : replaced) {
        if constexpr (std::is_same_v<Container, QJsonObject>)
            *(container.begin() + at) = child;
        else
            container.replace(at, child);
    }
    return !replaced.isEmpty();
}

} // namespace kiosk::k8s
