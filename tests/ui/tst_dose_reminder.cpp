// Dose time in the whole window (Main.qml) on an injected clock: a dose becomes due and the
// reminder appears over the Scan page and over Settings; Given, Skip with a reason and Snooze
// 10 min are logged; a dose left alone shows as missed on the Today view; the history and the
// refill line; the chime rings unless turned off or muted. Screenshots (light and dark) go to
// $KIOSK_SCREENSHOT_DIR.
#include "meds/dose_log.h"
#include "meds/manual_clock.h"
#include "meds/medication_store.h"
#include "ui/app_context.h"
#include "ui/cluster_controller.h"
#include "ui/dose_controller.h"
#include "ui/language_preference.h"
#include "ui/medication_store_controller.h"
#include "ui/theme_preference.h"
#include "touch_tap.h"
#include "window_screenshot.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Kilo_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Kilo_UiPlugin)

using kiosk::meds::ManualClock;
using kiosk::ui::DoseController;

class TestDoseReminder : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<kiosk::ui::LanguagePreference> m_language;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    kiosk::ui::AppContext *m_context = nullptr;
    kiosk::ui::ThemePreference *m_theme = nullptr;
    kiosk::ui::ClusterController *m_cluster = nullptr;
    kiosk::ui::MedicationStoreController *m_medications = nullptr;
    std::unique_ptr<ManualClock> m_clock;
    DoseController *m_doses = nullptr;
    QDate m_day;

    // Searches the whole scene, the popups' overlay included.
    QQuickItem *item(const QString &objectName) const {
        QQuickItem *root = m_window->contentItem();
        while (root->parentItem())
            root = root->parentItem();
        return visualItem(root, objectName);
    }
    bool popupOpen(const QString &objectName) const {
        QObject *popup = m_window->findChild<QObject *>(objectName);
        return popup && popup->property("visible").toBool(); // until its closing transition ends
    }
    static QQuickItem *visualItem(QQuickItem *root, const QString &objectName) {
        if (!root || !root->isVisible())
            return nullptr;
        if (root->objectName() == objectName)
            return root;
        for (QQuickItem *child : root->childItems()) {
            if (auto *found = visualItem(child, objectName))
                return found;
        }
        return nullptr;
    }
    // Scrolls the nearest Flickable (a page, a list) so that target is in the window.
    void bringIntoView(QQuickItem *target) {
        for (QQuickItem *p = target->parentItem(); p; p = p->parentItem()) {
            if (!p->inherits("QQuickFlickable"))
                continue;
            QQuickItem *content = p->property("contentItem").value<QQuickItem *>();
            const QPointF inContent = target->mapToItem(content, QPointF(0, 0));
            const qreal wanted =
                qMax<qreal>(0, inContent.y() + target->height() - p->height() + 16);
            if (target->mapToScene(QPointF(0, target->height())).y() > m_window->height() ||
                target->mapToScene(QPointF(0, 0)).y() < 0)
                p->setProperty("contentY", qMin(wanted, inContent.y()));
            QTest::qWait(50);
            return;
        }
    }
    void tap(const QString &objectName) {
        QTRY_VERIFY2(item(objectName) && item(objectName)->isEnabled(), qPrintable(objectName));
        bringIntoView(item(objectName));
        kiosk::test::tapItem(m_window, item(objectName), qPrintable(objectName));
    }
    void at(const QTime &time, int dayOffset = 0) {
        m_clock->set(QDateTime(m_day.addDays(dayOffset), time, m_clock->timeZone()));
    }
    void shoot(const QString &name) {
        m_theme->setMode(kiosk::ui::ThemePreference::Mode::Light);
        kiosk::test::saveWindowScreenshot(m_window, name);
        m_theme->setMode(kiosk::ui::ThemePreference::Mode::Dark);
        kiosk::test::saveWindowScreenshot(m_window, name + QStringLiteral("-dark"));
        m_theme->setMode(kiosk::ui::ThemePreference::Mode::Light);
    }
    // Every visible control on the reminder is at least 48 px high, inside the window.
    void checkTouchTargets(const QStringList &names) {
        for (const QString &name : names) {
            QQuickItem *control = item(name);
            QVERIFY2(control, qPrintable(name));
            QVERIFY2(
                control->height() >= 48,
                qPrintable(QStringLiteral("%1 is %2 px high").arg(name).arg(control->height())));
            const QRectF box =
                control->mapRectToScene(QRectF(0, 0, control->width(), control->height()));
            QVERIFY2(box.left() >= 0 && box.right() <= m_window->width() &&
                         box.bottom() <= m_window->height(),
                     qPrintable(name));
        }
    }
    QString title() const { return m_doses->reminder().value(QStringLiteral("name")).toString(); }
    QList<kiosk::meds::DoseEntry> logged() {
        QString error;
        return m_doses->tracker()
            ->log()
            .entries({}, {}, {}, &error)
            .value_or(QList<kiosk::meds::DoseEntry>());
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Material"));
        // English as the app shows it: its plural forms (%n) come from kilo-kiosk_en.qm.
        m_language = std::make_unique<kiosk::ui::LanguagePreference>(std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("language.ini")), QSettings::IniFormat));
        m_language->overrideForThisRun(QStringLiteral("en"));
        const QString db = m_dir.filePath(QStringLiteral("meds.sqlite"));
        qputenv("KILO_KIOSK_MEDS_DB", db.toUtf8());
        {
            kiosk::meds::MedicationStore store(db);
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
            const auto add = [&](const char *name, const char *dosage, const char *schedule,
                                 const char *directions, int quantity) {
                kiosk::meds::Medication m;
                m.medicationName = QString::fromLatin1(name);
                m.dosage = QString::fromLatin1(dosage);
                m.schedule = QString::fromLatin1(schedule);
                m.instructions = QString::fromLatin1(directions);
                m.quantity = quantity;
                m.date = QDate::currentDate();
                QVERIFY2(store.add(m, &error), qPrintable(error));
            };
            add("Lisinopril", "10 mg", "once daily", "Take 1 tablet by mouth every morning", 30);
            add("Metformin", "500 mg", "twice daily", "Take 1 tablet twice daily with meals", 10);
            add("Atorvastatin", "20 mg", "at bedtime", "Take 1 tablet at bedtime", 90);
            add("Ibuprofen", "400 mg", "as needed",
                "Take 1 tablet every 4 to 6 hours as needed, no more than 4 in 24 hours", 40);
        }
        // Tomorrow, so every dose of the day is after the records were added.
        m_day = QDate::currentDate().addDays(1);
        m_clock = std::make_unique<ManualClock>(QDateTime(m_day, QTime(7, 55)));

        m_context = new kiosk::ui::AppContext(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("app.ini")),
                                        QSettings::IniFormat),
            this);
        m_theme = new kiosk::ui::ThemePreference(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("theme.ini")),
                                        QSettings::IniFormat),
            this);
        m_cluster = new kiosk::ui::ClusterController(this);
        // The window's one medication list, made as app/ui_main.cpp makes it.
        m_medications = new kiosk::ui::MedicationStoreController(this);
        m_medications->setDatabasePath(db);
        QVERIFY2(m_medications->open(), qPrintable(m_medications->error()));
        m_engine = new QQmlApplicationEngine(this);
        m_engine->addImportPath(QStringLiteral("qrc:/"));
        m_engine->setInitialProperties(
            {{QStringLiteral("app"), QVariant::fromValue(m_context)},
             {QStringLiteral("theme"), QVariant::fromValue(m_theme)},
             {QStringLiteral("cluster"), QVariant::fromValue(m_cluster)},
             {QStringLiteral("medications"), QVariant::fromValue(m_medications)}});
        m_engine->load(QUrl(QStringLiteral("qrc:/Kilo/Ui/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_doses = m_window->findChild<DoseController *>(QStringLiteral("doseController"));
        QVERIFY(m_doses);
        m_doses->setSettingsFile(m_dir.filePath(QStringLiteral("doses.ini")));
        m_doses->setClock(m_clock.get());
        QTRY_VERIFY(m_doses->ready());
    }

    void reminderAppearsOverAnyPage() {
        m_window->setProperty("currentPage", 0); // Scan
        QVERIFY(!m_doses->reminderVisible());
        QVERIFY(!item(QStringLiteral("doseReminderCard")));
        const int chimes = m_doses->chimeCount();
        at(QTime(8, 0));
        QTRY_VERIFY(item(QStringLiteral("doseReminderCard")));
        QCOMPARE(m_doses->dueCount(), 2); // Lisinopril and Metformin at 08:00
        QCOMPARE(title(), QStringLiteral("Lisinopril"));
        QCOMPARE(item(QStringLiteral("doseReminderTitle"))->property("text").toString(),
                 QStringLiteral("Lisinopril"));
        QCOMPARE(item(QStringLiteral("doseReminderStrength"))->property("text").toString(),
                 QStringLiteral("10 mg"));
        QCOMPARE(item(QStringLiteral("doseReminderDirections"))->property("text").toString(),
                 QStringLiteral("Take 1 tablet by mouth every morning"));
        QCOMPARE(m_doses->chimeCount(), chimes + 2); // one per dose
        // Full width, over the page.
        QCOMPARE(item(QStringLiteral("doseReminderCard"))->width(), qreal(m_window->width()));
        QVERIFY(item(QStringLiteral("caregiverRow"))); // asked once per shift
        checkTouchTargets({QStringLiteral("doseGiven"), QStringLiteral("doseSkip"),
                           QStringLiteral("doseSnooze"), QStringLiteral("caregiverField")});
        shoot(QStringLiteral("dose-reminder-scan"));
        m_window->setProperty("currentPage", 3); // Settings
        QVERIFY(item(QStringLiteral("doseReminderCard")));
        shoot(QStringLiteral("dose-reminder-settings"));
        m_window->setProperty("currentPage", 0);
    }

    void givenIsLoggedWithTheCaregiver() {
        item(QStringLiteral("caregiverField"))->setProperty("text", QStringLiteral("Ana"));
        tap(QStringLiteral("doseGiven"));
        QTRY_COMPARE(title(), QStringLiteral("Metformin"));
        QCOMPARE(m_doses->dueCount(), 1);
        const auto entries = logged();
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().given());
        QCOMPARE(entries.first().givenBy, QStringLiteral("Ana"));
        QCOMPARE(entries.first().scheduledAt,
                 QDateTime(m_day, QTime(8, 0), m_clock->timeZone()).toUTC());
        QCOMPARE(m_doses->caregiver(), QStringLiteral("Ana"));
        QTRY_VERIFY(!item(QStringLiteral("caregiverRow"))); // not asked again this shift
    }

    void snoozeTenMinutes() {
        const int chimes = m_doses->chimeCount();
        tap(QStringLiteral("doseSnooze"));
        QTRY_VERIFY(!m_doses->reminderVisible());
        QVERIFY(!item(QStringLiteral("doseReminderCard")));
        at(QTime(8, 9));
        QVERIFY(!m_doses->reminderVisible());
        at(QTime(8, 10));
        QTRY_VERIFY(item(QStringLiteral("doseReminderCard")));
        QCOMPARE(title(), QStringLiteral("Metformin"));
        QCOMPARE(m_doses->chimeCount(), chimes + 1);
        QCOMPARE(logged().size(), 1); // a snooze logs nothing
    }

    void leftAloneItIsMissed() {
        at(QTime(11, 5));
        QTRY_VERIFY(!m_doses->reminderVisible()); // missed doses do not ring
        m_window->setProperty("currentPage", 1);  // Medications
        QObject *page = m_window->findChild<QObject *>(QStringLiteral("medicationsPage"));
        QVERIFY(page);
        page->setProperty("view", QStringLiteral("today"));
        QTRY_VERIFY(item(QStringLiteral("todayStatus_0")));
        auto *model = page->property("todayModel").value<QAbstractItemModel *>();
        QVERIFY(model);
        const int statusRole = model->roleNames().key("status");
        QStringList statuses;
        for (int i = 0; i < model->rowCount(); ++i)
            statuses.append(model->index(i, 0).data(statusRole).toString());
        // 08:00 Lisinopril given, 08:00 Metformin missed, 20:00 Metformin, 21:00 Atorvastatin,
        // Ibuprofen.
        QCOMPARE(statuses, (QStringList{"given", "missed", "upcoming", "upcoming", "as needed"}));
        QTRY_VERIFY(item(QStringLiteral("todayStatus_1")));
        QCOMPARE(item(QStringLiteral("todayStatus_1"))->property("status").toString(),
                 QStringLiteral("missed"));
        QCOMPARE(item(QStringLiteral("todayDetail_0"))->property("text").toString(),
                 QStringLiteral("given 08:00 by Ana"));
        QCOMPARE(item(QStringLiteral("todayDetail_1"))->property("text").toString(),
                 QStringLiteral("missed: nothing logged by 11:00"));
        // The Today view says what `doses today` prints for the same rows.
        const QVariantList rows = m_doses->todayRows();
        QCOMPARE(rows.at(1).toMap().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("missed: nothing logged by 11:00"));
        checkTouchTargets({QStringLiteral("todayGive_1")});
        shoot(QStringLiteral("dose-today"));
    }

    void asNeededTooSoonAsksFirst() {
        tap(QStringLiteral("todayGive_4")); // Ibuprofen, give now
        QTRY_COMPARE(logged().size(), 2);
        tap(QStringLiteral("todayGive_5")); // the as-needed row moved down by the dose just given
        QTRY_VERIFY(popupOpen(QStringLiteral("doseConfirm")));
        QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("doseConfirm"));
        QVERIFY2(dialog->property("text").toString().contains(
                     QStringLiteral("the last one was given at 11:05 today by Ana")),
                 qPrintable(dialog->property("text").toString()));
        shoot(QStringLiteral("dose-too-soon"));
        tap(QStringLiteral("doseConfirmCancel"));
        QTRY_VERIFY(!popupOpen(QStringLiteral("doseConfirm")));
        QCOMPARE(logged().size(), 2);
    }

    void skipWithAReason() {
        m_window->setProperty("currentPage", 0);
        at(QTime(21, 0));
        QTRY_VERIFY(item(QStringLiteral("doseReminderCard")));
        QCOMPARE(title(), QStringLiteral("Metformin")); // 20:00, still due
        tap(QStringLiteral("doseGiven"));
        QTRY_COMPARE(title(), QStringLiteral("Atorvastatin"));
        tap(QStringLiteral("doseSkip"));
        QTRY_VERIFY(item(QStringLiteral("skipReasons")));
        checkTouchTargets({QStringLiteral("skipReason_asleep"), QStringLiteral("skipCancel")});
        shoot(QStringLiteral("dose-skip-reasons"));
        tap(QStringLiteral("skipReason_asleep"));
        QTRY_VERIFY(!m_doses->reminderVisible());
        const auto entries = logged();
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.last().status, kiosk::meds::DoseEntry::Status::Skipped);
        QCOMPARE(entries.last().reason, QStringLiteral("Asleep"));
    }

    void historyAndRefills() {
        m_window->setProperty("currentPage", 1);
        QObject *page = m_window->findChild<QObject *>(QStringLiteral("medicationsPage"));
        page->setProperty("view", QStringLiteral("history"));
        QTRY_VERIFY(item(QStringLiteral("historyRow_0")));
        QVERIFY(item(QStringLiteral("historyRow_3")));
        QVERIFY(!item(QStringLiteral("historyRow_4")));
        shoot(QStringLiteral("dose-history"));
        // One medication's history.
        page->setProperty("historyMedication", 3); // Atorvastatin
        QTRY_VERIFY(!item(QStringLiteral("historyRow_1")));
        QTRY_VERIFY(item(QStringLiteral("historyRow_0")));
        page->setProperty("view", QStringLiteral("list"));
        // Metformin: 10 tablets, two a day, filled today: about 5 days left, a refill warning.
        QTRY_VERIFY(item(QStringLiteral("refill")));
        const QVariantMap refill = m_doses->refill(2);
        QVERIFY(refill.value(QStringLiteral("warning")).toBool());
        QCOMPARE(refill.value(QStringLiteral("text")).toString(),
                 QStringLiteral("about 4 days left")); // on the clock's day, tomorrow
        QVERIFY(m_doses->refill(4).isEmpty());         // as needed: none
        shoot(QStringLiteral("dose-list-refills"));
    }

    void chimeOffAndMuted() {
        m_window->setProperty("currentPage", 3);
        QTRY_VERIFY(item(QStringLiteral("doseSection")));
        bringIntoView(item(QStringLiteral("doseSection")));
        shoot(QStringLiteral("dose-settings"));
        tap(QStringLiteral("muteSwitch"));
        QTRY_VERIFY(m_doses->muted());
        int chimes = m_doses->chimeCount();
        at(QTime(8, 0), 1);
        QTRY_VERIFY(m_doses->reminderVisible());
        QCOMPARE(m_doses->chimeCount(), chimes); // silent, but shown
        // The reminder now covers Settings: the rest is set directly.
        m_doses->setMuted(false);
        m_doses->setChimeEnabled(false);
        chimes = m_doses->chimeCount();
        at(QTime(20, 0), 1);
        QTRY_VERIFY(m_doses->reminderVisible());
        QCOMPARE(m_doses->chimeCount(), chimes);
        m_doses->setChimeEnabled(true);
        at(QTime(21, 0), 1);
        QTRY_VERIFY(m_doses->chimeCount() > chimes);
    }
};

QTEST_MAIN(TestDoseReminder)
#include "tst_dose_reminder.moc"
