#include "ui/idle_watcher.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

using kiosk::ui::IdleWatcher;

class TestIdleWatcher : public QObject {
    Q_OBJECT

    static void press(QObject *target) {
        QMouseEvent event(QEvent::MouseButtonPress, QPointF(10, 10), QPointF(10, 10),
                          Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &event);
    }

private slots:
    void timesOutOnceWithoutActivity() {
        IdleWatcher watcher;
        QSignalSpy timedOut(&watcher, &IdleWatcher::timedOut);
        watcher.setTimeoutSeconds(0.2);
        QVERIFY(!watcher.idle());
        QTRY_COMPARE_WITH_TIMEOUT(timedOut.count(), 1, 2000);
        QVERIFY(watcher.idle());
        QTest::qWait(400);
        QCOMPARE(timedOut.count(), 1); // once per idle period
    }

    void anyInputEventRestartsTheCountdown() {
        IdleWatcher watcher;
        watcher.setTimeoutSeconds(0.3);
        QSignalSpy timedOut(&watcher, &IdleWatcher::timedOut);
        QSignalSpy activity(&watcher, &IdleWatcher::activity);
        QObject someItem; // events to any object of the application count
        QElapsedTimer clock;
        clock.start();
        int i = 0;
        while (clock.elapsed() < 800) {
            if (i++ % 2 == 0) {
                press(&someItem);
            } else {
                QKeyEvent key(QEvent::KeyPress, Qt::Key_5, Qt::NoModifier, QStringLiteral("5"));
                QCoreApplication::sendEvent(&someItem, &key);
            }
            QTest::qWait(60);
        }
        QCOMPARE(timedOut.count(), 0);
        QVERIFY(!watcher.idle());
        // activity() is throttled to about once a second, not once per event.
        QVERIFY(activity.count() >= 1);
        QVERIFY(activity.count() <= 2);

        QTRY_COMPARE_WITH_TIMEOUT(timedOut.count(), 1, 2000);
        QVERIFY(watcher.idle());
        press(&someItem);
        QVERIFY(!watcher.idle());
        QTRY_COMPARE_WITH_TIMEOUT(timedOut.count(), 2, 2000);
    }

    void otherEventsAreNotActivity() {
        IdleWatcher watcher;
        watcher.setTimeoutSeconds(0.2);
        QSignalSpy timedOut(&watcher, &IdleWatcher::timedOut);
        QObject target;
        for (int i = 0; i < 6; ++i) {
            QEvent paint(QEvent::UpdateRequest);
            QCoreApplication::sendEvent(&target, &paint);
            QTest::qWait(50);
        }
        QTRY_COMPARE_WITH_TIMEOUT(timedOut.count(), 1, 2000);
        QVERIFY(IdleWatcher::isUserActivity(QEvent::TouchBegin));
        QVERIFY(!IdleWatcher::isUserActivity(QEvent::Timer));
    }

    void disabledNeverTimesOut() {
        IdleWatcher watcher;
        watcher.setTimeoutSeconds(0.1);
        watcher.setEnabled(false);
        QSignalSpy timedOut(&watcher, &IdleWatcher::timedOut);
        QTest::qWait(300);
        QCOMPARE(timedOut.count(), 0);
        watcher.setEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(timedOut.count(), 1, 2000);
    }
};

QTEST_MAIN(TestIdleWatcher)
#include "tst_idle_watcher.moc"
