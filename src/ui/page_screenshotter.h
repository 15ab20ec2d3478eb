#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QQuickWindow;

namespace kiosk::ui {

class ThemePreference;

// Shows each page of the running UI in turn, in the light and the dark theme, and saves
// DIR/<page>.png and DIR/<page>-dark.png: for the README, for reviews and for tests. A page whose
// content is taller than the window is scrolled and saved again as <page>[-dark]-2.png, -3.png.
class PageScreenshotter : public QObject {
    Q_OBJECT

public:
    PageScreenshotter(QQuickWindow *window, ThemePreference *theme, QString directory,
                      QStringList pages, QObject *parent = nullptr);

    void start();
    QStringList writtenFiles() const { return m_written; }

signals:
    void finished(bool ok, const QString &error);

private:
    void showNext();
    void capture();
    // The current page's largest scrollable area whose content is taller than it shows, or null.
    QObject *scrollableOfCurrentPage() const;

    QPointer<QQuickWindow> m_window;
    QPointer<ThemePreference> m_theme;
    QString m_directory;
    QStringList m_pages;
    int m_step = 0;
    int m_part = 0; // 0: the page as it opens; 1..: scrolled further down
    QStringList m_written;
};

} // namespace kiosk::ui
