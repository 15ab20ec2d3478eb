#pragma once

#include <QJsonObject>
#include <QStringList>

namespace kiosk::meds {

// A three-way merge of one medication's content (SyncPayload::content): what both sides last
// agreed on (base), this tablet's version and the service's. A field changed on one side only
// takes that side's value; a field changed on both sides to different values is a conflict,
// unless it is provenance (how the record was read), where this tablet's value stands.
struct MergeResult {
    QJsonObject merged;    // local's value for every conflicting field
    QStringList conflicts; // the fields changed on both sides, in key order
};

class RecordMerge {
public:
    static MergeResult merge(const QJsonObject &base, const QJsonObject &local,
                             const QJsonObject &remote);
    // engine, confidence, needs_review, raw_text: never a conflict a caregiver should settle.
    static const QStringList &provenanceFields();
};

} // namespace kiosk::meds
