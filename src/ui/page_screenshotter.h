#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QQuickWindow;

namespace kiosk::ui {

class ThemePreference;

// Shows each page of the running UI in turn, in the light and the dark theme, and saves
// DIR/<page>.png and DIR/<page>-dark.png: for the README, for reviews and for tests.
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

    QPointer<QQuickWindow> m_window;
    QPointer<ThemePreference> m_theme;
    QString m_directory;
    QStringList m_pages;
    int m_step = 0;
    QStringList m_written;
};

} // namespace kiosk::ui
