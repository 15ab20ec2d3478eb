#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QVarLengthArray>

#include <unordered_map>
#include <utility>

namespace kiosk::k8s {

// Makes equal JSON subtrees of many objects share one copy (hash-consing): Qt keeps nested
// objects and arrays as reference-counted containers, so 25,000 ReplicaSets that repeat the same
// ports, labels, owner references and annotations need each such subtree only once. The result
// compares equal to the input and serialises to the same bytes; only memory changes.
//
// Where a subtree sits (its slot: the path of child positions from the top) decides whether it
// is pooled: a slot whose first kTrialSubtrees pooled subtrees were hardly ever found again (a
// ReplicaSet's spec, template, containers: each holds its own name or image) is no longer pooled
// or hashed, only searched for shared children.
class JsonSubtreeInterner {
public:
    // A slot is tried on this many subtrees before it may stop being pooled.
    static constexpr qint64 kTrialSubtrees = 64;

    // `object` with each nested object and array replaced by an equal one seen before, if any.
    // Neither the top level nor its `metadata` is pooled: both hold the object's own name and uid,
    // so no other object repeats them (their children are still shared).
    QJsonObject intern(QJsonObject object);

    qsizetype pooledSubtrees() const { return m_pool.size(); }
    // Empties the pool; what was learnt about slots stays, as the next objects have the same shape.
    void clear() { m_pool.clear(); }

private:
    struct SlotStats {
        qint64 pooled = 0;
        qint64 found = 0;
        // Kept while at least one in sixteen of its subtrees is found again.
        bool worthPooling() const { return pooled < kTrialSubtrees || found * 16 >= pooled; }
    };
    // A pooled subtree with its hash, kept so that growing the pool never hashes a subtree again.
    struct PooledSubtree {
        size_t hash;
        QJsonValue value;
        SlotStats *slot;
        friend bool operator==(const PooledSubtree &a, const PooledSubtree &b) {
            return a.hash == b.hash && a.value == b.value;
        }
        // Mixed once more (qHash of an integer): the table picks buckets by the low bits, which
        // qHashMulti's combining spreads poorly (long probe runs in a pool of 200,000 subtrees).
        friend size_t qHash(const PooledSubtree &subtree, size_t seed) {
            return qHash(quint64(subtree.hash), seed);
        }
    };
    enum class Pooling { BySlot, ChildrenOnly };

    template <typename Container>
    bool internContainer(QJsonValue &value, size_t slot, bool hashWanted, size_t &hash,
                         Pooling pooling);
    // Children replaced by pooled equals, by index, written into their container at the end.
    using Replacements = QVarLengthArray<std::pair<qsizetype, QJsonValue>, 8>;
    template <typename Container>
    void internChildren(const Container &container, size_t slot, bool hashWanted, size_t &hash,
                        Replacements &replaced, qsizetype unpooledIndex = -1);
    template <typename Container>
    static bool writeBack(Container &container, const Replacements &replaced);

    QSet<PooledSubtree> m_pool;
    std::unordered_map<size_t, SlotStats> m_slots; // node-based: PooledSubtree::slot stays valid
};

} // namespace kiosk::k8s
