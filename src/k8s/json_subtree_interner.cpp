#include "k8s/json_subtree_interner.h"

#include <QJsonArray>
#include <QVarLengthArray>

#include <utility>

namespace kiosk::k8s {

namespace {
constexpr size_t kObjectSeed = 0x6f626a;
constexpr size_t kArraySeed = 0x617272;
} // namespace

QJsonObject JsonSubtreeInterner::intern(const QJsonObject &object)
{
    QJsonObject result = object;
    size_t hash = 0;
    internChildren(result, hash);
    return result;
}

bool JsonSubtreeInterner::findPooled(const QJsonValue &candidate, size_t hash, QJsonValue &pooled) const
{
    // Children are already pooled, so comparing equal subtrees stops at shared containers.
    for (auto it = m_pool.constFind(hash); it != m_pool.constEnd() && it.key() == hash; ++it) {
        if (it.value() == candidate) {
            pooled = it.value();
            return true;
        }
    }
    return false;
}

// Returns whether `value` was replaced (by a pooled equal, or because a child was); `hash`
// covers the whole subtree, built from the children's hashes so each level is visited once.
bool JsonSubtreeInterner::internValue(QJsonValue &value, size_t &hash)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        const bool childReplaced = internChildren(object, hash);
        const QJsonValue candidate(object);
        if (findPooled(candidate, hash, value))
            return true;
        if (childReplaced)
            value = candidate;
        m_pool.insert(hash, value);
        return childReplaced;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const bool childReplaced = internChildren(array, hash);
        const QJsonValue candidate(array);
        if (findPooled(candidate, hash, value))
            return true;
        if (childReplaced)
            value = candidate;
        m_pool.insert(hash, value);
        return childReplaced;
    }
    hash = qHash(value);
    return false;
}

bool JsonSubtreeInterner::internChildren(QJsonObject &object, size_t &hash)
{
    // Keys stay out of the hash (reading one allocates); equal values under other keys only
    // cost a comparison.
    hash = qHashMulti(kObjectSeed, object.size());
    QVarLengthArray<std::pair<qsizetype, QJsonValue>, 8> replaced;
    qsizetype index = 0;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it, ++index) {
        QJsonValue child = it.value();
        size_t childHash = 0;
        if (internValue(child, childHash))
            replaced.append({index, std::move(child)});
        hash = qHashMulti(hash, childHash);
    }
    // Written back only when something changed: an untouched object keeps its storage.
    for (const auto &[at, child] : replaced)
        *(object.begin() + at) = child;
    return !replaced.isEmpty();
}

bool JsonSubtreeInterner::internChildren(QJsonArray &array, size_t &hash)
{
    hash = qHashMulti(kArraySeed, array.size());
    QVarLengthArray<std::pair<qsizetype, QJsonValue>, 8> replaced;
    for (qsizetype index = 0; index < array.size(); ++index) {
        QJsonValue child = array.at(index);
        size_t childHash = 0;
        if (internValue(child, childHash))
            replaced.append({index, std::move(child)});
        hash = qHashMulti(hash, childHash);
    }
    for (const auto &[at, child] : replaced)
        array.replace(at, child);
    return !replaced.isEmpty();
}

} // namespace kiosk::k8s
