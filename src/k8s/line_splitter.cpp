#include "k8s/line_splitter.h"

namespace kiosk::k8s {

QList<QByteArray> LineSplitter::feed(const QByteArray &chunk, bool *overflow) {
    QList<QByteArray> lines;
    m_pending.append(chunk);
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = m_pending.indexOf('\n', start);
        if (end < 0)
            break;
        const QByteArray line = m_pending.mid(start, end - start).trimmed();
        if (!line.isEmpty())
            lines.append(line);
        start = end + 1;
    }
    m_pending.remove(0, start);
    if (overflow)
        *overflow = m_pending.size() > kMaxLineBytes;
    return lines;
}

} // namespace kiosk::k8s
