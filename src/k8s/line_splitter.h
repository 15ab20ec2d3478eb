#pragma once

#include <QByteArray>
#include <QList>

namespace kiosk::k8s {

// Splits a byte stream into complete lines; keeps the partial tail for the next chunk.
class LineSplitter {
public:
    // Returns the complete lines in `chunk` (without newlines). A line longer than the limit is an
    // error.
    QList<QByteArray> feed(const QByteArray &chunk, bool *overflow = nullptr);
    void clear() { m_pending.clear(); }
    // A last line the stream ended without a newline after.
    bool hasPending() const { return !m_pending.isEmpty(); }

    static constexpr qsizetype kMaxLineBytes = 64 * 1024 * 1024;

private:
    QByteArray m_pending;
};

} // namespace kiosk::k8s
