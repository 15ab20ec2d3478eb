#include "ui/page_screenshotter.h"

#include "ui/theme_preference.h"

#include <QDir>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>

namespace kiosk::ui {

namespace {
// Long enough for layouts, images and a first animation frame to settle in software rendering.
constexpr int kSettleMs = 400;
constexpr int kMaxScrolledParts = 3;
} // namespace

PageScreenshotter::PageScreenshotter(QQuickWindow *window, ThemePreference *theme,
                                     QString directory, QStringList pages, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_theme(theme)
    , m_directory(std::move(directory))
    , m_pages(std::move(pages)) {}

void PageScreenshotter::start() {
    if (!QDir().mkpath(m_directory)) {
        emit finished(false, QStringLiteral("cannot create folder %1").arg(m_directory));
        return;
    }
    if (!m_window || m_pages.isEmpty()) {
        emit finished(false, QStringLiteral("no window or no pages to capture"));
        return;
    }
    m_step = 0;
    showNext();
}

void PageScreenshotter::showNext() {
    const int pageCount = int(m_pages.size());
    if (m_step >= pageCount * 2) {
        if (m_theme)
            m_theme->setMode(ThemePreference::Mode::System);
        emit finished(true, {});
        return;
    }
    const bool dark = m_step >= pageCount;
    if (m_theme)
        m_theme->setMode(dark ? ThemePreference::Mode::Dark : ThemePreference::Mode::Light);
    m_window->setProperty("currentPage", m_step % pageCount);
    QTimer::singleShot(kSettleMs, this, &PageScreenshotter::capture);
}

void PageScreenshotter::capture() {
    if (!m_window) {
        emit finished(false, QStringLiteral("the window went away"));
        return;
    }
    const int pageCount = int(m_pages.size());
    const bool dark = m_step >= pageCount;
    const QString name =
        m_pages.at(m_step % pageCount) + (dark ? QStringLiteral("-dark") : QString()) +
        (m_part > 0 ? QStringLiteral("-%1").arg(m_part + 1) : QString()) + QStringLiteral(".png");
    const QString path = QDir(m_directory).filePath(name);
    const QImage image = m_window->grabWindow();
    if (image.isNull() || !image.save(path)) {
        emit finished(false, QStringLiteral("cannot write %1").arg(path));
        return;
    }
    m_written.append(path);
    if (QObject *scrollable = scrollableOfCurrentPage()) {
        const qreal height = scrollable->property("height").toReal();
        const qreal contentHeight = scrollable->property("contentHeight").toReal();
        const qreal contentY = scrollable->property("contentY").toReal();
        if (m_part + 1 < kMaxScrolledParts && contentY + height < contentHeight - 1) {
            // A tenth of overlap, so a control cut at the bottom edge shows whole on the next one.
            scrollable->setProperty("contentY",
                                    std::min(contentY + height * 0.9, contentHeight - height));
            ++m_part;
            QTimer::singleShot(kSettleMs, this, &PageScreenshotter::capture);
            return;
        }
        scrollable->setProperty("contentY", 0);
    }
    m_part = 0;
    ++m_step;
    showNext();
}

QObject *PageScreenshotter::scrollableOfCurrentPage() const {
    auto *stack = m_window->findChild<QQuickItem *>(QStringLiteral("pageStack"));
    if (!stack)
        return nullptr;
    const int index = m_window->property("currentPage").toInt();
    const QList<QQuickItem *> pages = stack->childItems();
    if (index < 0 || index >= pages.size())
        return nullptr;
    // The visual tree, not QObject children: controls do not always own their content items.
    QList<QQuickItem *> items;
    QList<QQuickItem *> pending{pages.at(index)};
    while (!pending.isEmpty()) {
        QQuickItem *item = pending.takeFirst();
        items.append(item);
        pending.append(item->childItems());
    }
    QQuickItem *best = nullptr;
    for (QQuickItem *item : items) {
        if (!item->inherits("QQuickFlickable") || !item->isVisible())
            continue;
        if (item->property("contentHeight").toReal() <= item->height() + 1)
            continue;
        if (!best || item->width() * item->height() > best->width() * best->height())
            best = item;
    }
    return best;
}

} // namespace kiosk::ui
