#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace kiosk::sim {

class ObjectService;

// Writes core/v1 Events the way client-go's recorder does: one Event per (object, reason,
// message), its count and lastTimestamp bumped when the same thing happens again.
class EventRecorder {
public:
    explicit EventRecorder(ObjectService *service);

    void record(const QJsonObject &involved, const QString &type, const QString &reason,
                const QString &message, const QString &component, const QString &host = {},
                const QString &fieldPath = {});
    void setEnabled(bool enabled) { m_enabled = enabled; }

private:
    ObjectService *m_service;
    QHash<QString, QString> m_names; // aggregation key -> event name
    quint64 m_sequence = 0;
    bool m_enabled = true;
};

} // namespace kiosk::sim
