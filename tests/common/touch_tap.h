#pragma once

#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

namespace kiosk::test {

// Taps the middle of target as a finger would, once it is visible and enabled. Waits for a drawn
// frame first: a control that has just appeared is placed by its layout's next polish, and a
// click before that lands where the control is not yet (seen under CPU load).
inline void tapItem(QQuickWindow *window, QQuickItem *target, const char *name) {
    QVERIFY2(target, name);
    QTRY_VERIFY2(target->isVisible() && target->isEnabled(), name);
    QSignalSpy drawn(window, &QQuickWindow::frameSwapped);
    window->update();
    QVERIFY2(drawn.wait(), name);
    QVERIFY2(target->height() >= 48, name); // a touch target a finger can hit
    const QPointF center = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, center.toPoint());
}

} // namespace kiosk::test
