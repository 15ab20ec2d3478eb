#pragma once

#include <QList>
#include <QStringList>

namespace kiosk::meds {

// The schema of the medication database, one numbered step at a time. Step N (1-based) moves
// a database from PRAGMA user_version N-1 to N. Steps are only ever appended, never edited.
class Migrations {
public:
    static const QList<QStringList> &steps();
    static int latestVersion() { return int(steps().size()); }
};

} // namespace kiosk::meds
