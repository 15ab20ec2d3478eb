#include "ui/page_screenshotter.h"

#include "ui/theme_preference.h"

#include <QDir>
#include <QImage>
#include <QQuickWindow>
#include <QTimer>

namespace kiosk::ui {

namespace {
// Long enough for layouts, images and a first animation frame to settle in software rendering.
constexpr int kSettleMs = 400;
}

PageScreenshotter::PageScreenshotter(QQuickWindow *window, ThemePreference *theme,
                                     QString directory, QStringList pages, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_theme(theme)
    , m_directory(std::move(directory))
    , m_pages(std::move(pages))
{
}

void PageScreenshotter::start()
{
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

void PageScreenshotter::showNext()
{
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

void PageScreenshotter::capture()
{
    if (!m_window) {
        emit finished(false, QStringLiteral("the window went away"));
        return;
    }
    const int pageCount = int(m_pages.size());
    const bool dark = m_step >= pageCount;
    const QString name = m_pages.at(m_step % pageCount) + (dark ? QStringLiteral("-dark.png") : QStringLiteral(".png"));
    const QString path = QDir(m_directory).filePath(name);
    const QImage image = m_window->grabWindow();
    if (image.isNull() || !image.save(path)) {
        emit finished(false, QStringLiteral("cannot write %1").arg(path));
        return;
    }
    m_written.append(path);
    ++m_step;
    showNext();
}

} // namespace kiosk::ui
