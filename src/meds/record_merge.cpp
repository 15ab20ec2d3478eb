#include "meds/record_merge.h"

#include <QSet>

#include <algorithm>

namespace kiosk::meds {

const QStringList &RecordMerge::provenanceFields() {
    static const QStringList fields = {QStringLiteral("engine"), QStringLiteral("confidence"),
                                       QStringLiteral("needs_review"), QStringLiteral("raw_text")};
    return fields;
}

MergeResult RecordMerge::merge(const QJsonObject &base, const QJsonObject &local,
                               const QJsonObject &remote) {
    QStringList keys = local.keys() + remote.keys() + base.keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

    MergeResult result;
    for (const QString &key : keys) {
        const QJsonValue mine = local.value(key);
        const QJsonValue theirs = remote.value(key);
        const QJsonValue agreed = base.value(key);
        QJsonValue chosen;
        if (mine == theirs || theirs == agreed)
            chosen = mine;
        else if (mine == agreed)
            chosen = theirs;
        else {
            chosen = mine;
            if (!provenanceFields().contains(key))
                result.conflicts.append(key);
        }
        if (!chosen.isUndefined())
            result.merged.insert(key, chosen);
    }
    return result;
}

} // namespace kiosk::meds
