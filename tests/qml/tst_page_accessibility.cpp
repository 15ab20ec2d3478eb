// Issue 14's accessibility and larger-text checks over the whole window (Main.qml) as the app
// shows it: larger text on (x1.3), 1280x800, English and Spanish, the demo's cluster (the
// in-process simulator) and a filled medication list. For every page and the Scan and
// Medications pages' states:
// - no text is cut off or overflows (textFits);
// - every interactive control in the accessibility tree has a name (accessibleTree), and the
//   health, dose and review states are said in words, not by colour alone (stateInWords);
// - Tab reaches every focusable control (tabReachesEveryControl).
// Screenshots of each state go to $KIOSK_SCREENSHOT_DIR when set.
#include "meds/manual_clock.h"
#include "meds/medication_store.h"
#include "sim/api_server.h"
#include "ui/app_context.h"
#include "ui/scan_controller.h"
#include "ui/cluster_controller.h"
#include "ui/dose_controller.h"
#include "ui/language_preference.h"
#include "ui/medication_list_model.h"
#include "ui/medication_store_controller.h"
#include "ui/prescription_review.h"
#include "ui/text_size_preference.h"
#include "ui/theme_preference.h"
#include "window_screenshot.h"

#include <QAccessible>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <utility>
#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(Kilo_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Kilo_UiPlugin)

namespace {

// Roles a person acts on: each needs a name a screen reader can say.
bool interactive(QAccessible::Role role) {
    switch (role) {
    case QAccessible::Button:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::EditableText:
    case QAccessible::ComboBox:
    case QAccessible::Slider:
    case QAccessible::SpinBox:
    case QAccessible::Dial:
    case QAccessible::PageTab:
    case QAccessible::Link:
    case QAccessible::MenuItem:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::ListItem:
        return true;
    default:
        return false;
    }
}

// Where an item is, for a failure message: its object names and types up to the page.
QString describe(const QQuickItem *item) {
    QStringList path;
    for (const QQuickItem *i = item; i && path.size() < 6; i = i->parentItem()) {
        QString name = QString::fromLatin1(i->metaObject()->className()).section(u'_', 0, 0);
        if (!i->objectName().isEmpty())
            name += u'#' + i->objectName();
        path.prepend(name);
    }
    return path.join(u'/');
}

qreal effectiveOpacity(const QQuickItem *item) {
    qreal opacity = 1.0;
    for (const QQuickItem *i = item; i; i = i->parentItem())
        opacity *= i->opacity();
    return opacity;
}

// Every item shown (visible and not transparent), in the visual tree's order.
void shownItems(QQuickItem *root, QList<QQuickItem *> &out) {
    if (!root->isVisible() || root->opacity() <= 0.0)
        return;
    out.append(root);
    for (QQuickItem *child : root->childItems())
        shownItems(child, out);
}

} // namespace

class TestPageAccessibility : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    kiosk::sim::ApiServer m_server;
    std::unique_ptr<kiosk::ui::LanguagePreference> m_language;
    kiosk::ui::TextSizePreference *m_textSize = nullptr;
    kiosk::ui::MedicationStoreController *m_medications = nullptr;
    kiosk::ui::ClusterController *m_cluster = nullptr;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    QQuickItem *m_scanPage = nullptr;
    kiosk::ui::DoseController *m_doses = nullptr;
    std::unique_ptr<kiosk::meds::ManualClock> m_clock;
    QDate m_day; // tomorrow: every dose of the day comes after the records were added
    QQuickItem *m_medicationsPage = nullptr;

    std::unique_ptr<QSettings> settings(const char *name) const {
        return std::make_unique<QSettings>(m_dir.filePath(QLatin1String(name)),
                                           QSettings::IniFormat);
    }
    QQuickItem *page(const char *name) const {
        return m_window->findChild<QQuickItem *>(QLatin1String(name));
    }
    void showPage(int index) {
        m_window->setProperty("currentPage", index);
        QTRY_COMPARE(m_window->property("currentPage").toInt(), index);
    }
    // Frames drawn after the last change, so layouts and text have settled: a label that wraps
    // in its new width grows taller, which its layout takes in at the next polish, a frame later.
    void settle() {
        for (int frame = 0; frame < 3; ++frame) {
            QSignalSpy drawn(m_window, &QQuickWindow::frameSwapped);
            m_window->update();
            QVERIFY(drawn.wait());
        }
    }

    // The window, or what covers it: the dose reminder over every page, a popup open on top
    // (what a person sees and reaches).
    QQuickItem *topScope() const {
        QQuickItem *scope = m_window->contentItem();
        auto *reminder = m_window->findChild<QQuickItem *>(QStringLiteral("doseReminder"));
        if (reminder && m_doses && m_doses->reminderVisible())
            scope = reminder;
        const auto overlayed = m_window->contentItem()->childItems();
        for (QQuickItem *child : overlayed) {
            if (!child->inherits("QQuickOverlay"))
                continue;
            for (QQuickItem *popup : child->childItems()) {
                if (popup->inherits("QQuickPopupItem") && popup->isVisible())
                    scope = popup;
            }
        }
        return scope;
    }
    // Where a text's glyphs are, in the window, cut to what the items around it show.
    static QRectF inkBox(QQuickItem *text) {
        const qreal w = std::min(text->property("contentWidth").toReal(),
                                 text->width() - text->property("leftPadding").toReal() -
                                     text->property("rightPadding").toReal());
        const qreal h = std::min(text->property("contentHeight").toReal(),
                                 text->height() - text->property("topPadding").toReal() -
                                     text->property("bottomPadding").toReal());
        const qreal roomW = text->width() - text->property("leftPadding").toReal() -
                            text->property("rightPadding").toReal();
        const qreal roomH = text->height() - text->property("topPadding").toReal() -
                            text->property("bottomPadding").toReal();
        const int hAlign = text->property("effectiveHorizontalAlignment").toInt();
        const int vAlign = text->property("verticalAlignment").toInt();
        qreal x = text->property("leftPadding").toReal();
        if (hAlign & Qt::AlignRight)
            x += roomW - w;
        else if (hAlign & Qt::AlignHCenter)
            x += (roomW - w) / 2;
        qreal y = text->property("topPadding").toReal();
        if (vAlign & Qt::AlignBottom)
            y += roomH - h;
        else if (vAlign & Qt::AlignVCenter)
            y += (roomH - h) / 2;
        QRectF box = text->mapRectToScene(QRectF(x, y, w, h));
        for (QQuickItem *up = text->parentItem(); up; up = up->parentItem()) {
            if (up->clip())
                box &= up->mapRectToScene(QRectF(0, 0, up->width(), up->height()));
        }
        return box;
    }

    QObject *object(const char *name) const {
        return m_window->findChild<QObject *>(QLatin1String(name));
    }
    // Closes what an earlier state opened over the page.
    void closeOverlays() {
        for (const char *popup : {"podDetail", "cleanupPanel", "photoPicker"}) {
            QObject *panel = object(popup);
            QVERIFY(panel);
            QMetaObject::invokeMethod(panel, "close");
            QTRY_VERIFY(!panel->property("visible").toBool());
        }
        // Before the first dose of the day: no reminder over the page.
        m_clock->set(QDateTime(m_day, QTime(7, 0), m_clock->timeZone()));
        QTRY_VERIFY(!m_doses->reminderVisible());
        QObject *session = object("adminSession");
        QVERIFY(session);
        QMetaObject::invokeMethod(session, "cancelPrompt");
        QTRY_VERIFY(!object("pinDialog")->property("opened").toBool());
    }

    // Puts the window in one of the states the rows name.
    void show(const QString &view) {
        closeOverlays();
        QObject *scan = m_scanPage->property("controller").value<QObject *>();
        if (view.startsWith(u"scan")) {
            showPage(0);
            const int review = int(kiosk::ui::ScanController::State::Review);
            if (view == u"scan-review") {
                if (scan->property("state").toInt() != review) {
                    QVERIFY(QMetaObject::invokeMethod(
                        scan, "openPhoto",
                        Q_ARG(QVariant, QVariant(QStringLiteral(KIOSK_SOURCE_DIR
                                                                "/tests/fixtures/ocr/0035.jpg")))));
                }
                QTRY_VERIFY_WITH_TIMEOUT(scan->property("state").toInt() == review, 90000);
                // The first doubtful field in view, so its warning is among the items checked.
                auto *fields = scan->property("review").value<QAbstractItemModel *>();
                QVERIFY(fields);
                int doubtful = -1;
                for (int row = 0; row < fields->rowCount() && doubtful < 0; ++row) {
                    if (fields->index(row, 0)
                            .data(kiosk::ui::PrescriptionReview::NeedsReviewRole)
                            .toBool())
                        doubtful = row;
                }
                QVERIFY(doubtful >= 0);
                auto *list = m_window->findChild<QQuickItem *>(QStringLiteral("reviewFields"));
                QVERIFY(list);
                QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, doubtful),
                                          Q_ARG(int, 1 /* ListView.Beginning */));
            } else {
                QMetaObject::invokeMethod(scan, "startOver");
                QTRY_COMPARE(scan->property("state").toInt(), 0);
                if (view == u"scan-picker") {
                    // The photo picker on the test's label photos: folder and photo tiles.
                    QObject *picker = object("photoPicker");
                    picker->setProperty("folder", QUrl::fromLocalFile(QStringLiteral(
                                                      KIOSK_SOURCE_DIR "/tests/fixtures")));
                    QMetaObject::invokeMethod(picker, "open");
                    QTRY_VERIFY(picker->property("opened").toBool());
                }
            }
        } else if (view.startsWith(u"medications")) {
            showPage(1);
            const QString state = view.section(u'-', 1);
            m_medicationsPage->setProperty("view", QStringLiteral("list"));
            if (state == u"detail" || state == u"edit") {
                const QVariant id = m_medicationsPage->property("listModel")
                                        .value<QAbstractItemModel *>()
                                        ->index(0, 0)
                                        .data(kiosk::ui::MedicationListModel::IdRole);
                QMetaObject::invokeMethod(m_medicationsPage, "openMedication", Q_ARG(QVariant, id));
                QTRY_COMPARE(m_medicationsPage->property("view").toString(),
                             QStringLiteral("detail"));
            }
            if (state == u"reminder") {
                // Dose time: the reminder over the list, with Given, Skip and Snooze.
                m_clock->set(QDateTime(m_day, QTime(8, 0), m_clock->timeZone()));
                QTRY_VERIFY(m_doses->reminderVisible());
            } else if (!state.isEmpty()) {
                m_medicationsPage->setProperty("view", state);
            }
        } else if (view.startsWith(u"cluster")) {
            showPage(2);
            QTRY_VERIFY(m_cluster->property("state").toInt() ==
                        int(kiosk::ui::ClusterController::State::Live));
            if (view == u"cluster-pod") {
                // The crash-looping deployment's drawer: its pod, events, log and rollback.
                QMetaObject::invokeMethod(page("clusterPage"), "openDeployment",
                                          Q_ARG(QVariant, QStringLiteral("kilo-meds")));
                QTRY_VERIFY(object("podDetail")->property("opened").toBool());
            } else if (view == u"cluster-cleanup") {
                QMetaObject::invokeMethod(object("cleanupPanel"), "open");
                QTRY_VERIFY(object("cleanupPanel")->property("opened").toBool());
            }
        } else if (view.startsWith(u"settings")) {
            showPage(3);
            if (view == u"settings-pin") {
                // The admin PIN dialog over the page, its pad keys included.
                QMetaObject::invokeMethod(object("adminSession"), "requestUnlock",
                                          Q_ARG(QString, QStringLiteral("Test")));
                QTRY_VERIFY(object("pinDialog")->property("opened").toBool());
            }
        }
        settle();
    }

    // Larger text in English and Spanish, and the normal size in Spanish (the longer words) so
    // a layout made for 1.3x still holds at 1x.
    void rows() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("view");
        QTest::addColumn<bool>("large");
        for (const auto &[language, large] :
             {std::pair{"en", true}, std::pair{"es", true}, std::pair{"es", false}}) {
            for (const char *view :
                 {"scan", "scan-picker", "scan-review", "medications", "medications-today",
                  "medications-detail", "medications-edit", "medications-history",
                  "medications-reminder", "cluster", "cluster-pod", "cluster-cleanup", "settings",
                  "settings-pin"}) {
                QTest::addRow("%s%s %s", language, large ? "" : " normal", view)
                    << QString::fromLatin1(language) << QString::fromLatin1(view) << large;
            }
        }
    }
    void prepare() {
        QFETCH(QString, language);
        QFETCH(QString, view);
        QFETCH(bool, large);
        QVERIFY(m_language->overrideForThisRun(language));
        m_textSize->overrideForThisRun(large);
        show(view);
        // Qt Quick gives a control its accessible role and implicit name (a button's text) when
        // accessibility turns active, which a screen reader's bridge does. The offscreen platform
        // has none and Qt 6.4 offers no public way to make QAccessible::isActive() true:
        // QAccessible::setActive() only tells the activation observers (every control), so it is
        // called again once the state's items exist (delegates made later missed the first call).
        QAccessible::setActive(true);
        settle();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Material"));
        m_language = std::make_unique<kiosk::ui::LanguagePreference>(settings("language.ini"));
        m_language->overrideForThisRun(QStringLiteral("en"));

        const QString db = m_dir.filePath(QStringLiteral("meds.sqlite"));
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
                m.prescriber = QStringLiteral("Dr. María Fernández-Castellanos");
                m.quantity = quantity;
                m.date = QDate::currentDate();
                QVERIFY2(store.add(m, &error), qPrintable(error));
            };
            add("Lisinopril", "10 mg", "once daily", "Take 1 tablet by mouth every morning", 30);
            add("Metformin", "500 mg", "twice daily", "Take 1 tablet twice daily with meals", 5);
            add("Hydrochlorothiazide", "12.5 mg", "at bedtime", "Take 1 tablet at bedtime", 90);
            add("Ibuprofen", "400 mg", "as needed",
                "Take 1 tablet every 4 to 6 hours as needed, no more than 4 in 24 hours", 40);
        }
        auto *context = new kiosk::ui::AppContext(settings("app.ini"), this);
        // The demo banner too, as `--demo` shows it (the PIN state goes to the test-mode folder).
        context->setDemo(true);
        auto *theme = new kiosk::ui::ThemePreference(settings("theme.ini"), this);
        m_textSize = new kiosk::ui::TextSizePreference(settings("text.ini"), this);
        m_textSize->overrideForThisRun(true);
        // The demo's cluster: the simulator's kilo-guardian scenario, over real HTTP.
        QVERIFY(m_server.listen());
        m_cluster = new kiosk::ui::ClusterController(this);
        kiosk::k8s::ClusterConnection connection;
        connection.server = m_server.url();
        m_cluster->connectTo(connection, true);
        m_medications = new kiosk::ui::MedicationStoreController(this);
        m_medications->setDatabasePath(db);
        QVERIFY2(m_medications->open(), qPrintable(m_medications->error()));

        m_engine = new QQmlApplicationEngine(this);
        m_language->setEngine(m_engine);
        m_engine->addImportPath(QStringLiteral("qrc:/"));
        m_engine->setInitialProperties(
            {{QStringLiteral("app"), QVariant::fromValue(context)},
             {QStringLiteral("theme"), QVariant::fromValue(theme)},
             {QStringLiteral("language"), QVariant::fromValue(m_language.get())},
             {QStringLiteral("textSize"), QVariant::fromValue(m_textSize)},
             {QStringLiteral("cluster"), QVariant::fromValue(m_cluster)},
             {QStringLiteral("medications"), QVariant::fromValue(m_medications)}});
        m_engine->load(QUrl(QStringLiteral("qrc:/Kilo/Ui/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QCOMPARE(m_window->size(), QSize(1280, 800));
        m_scanPage = page("scanPage");
        m_medicationsPage = page("medicationsPage");
        QVERIFY(m_scanPage && m_medicationsPage);
        m_scanPage->setProperty("engine", QStringLiteral("local"));
        QTRY_VERIFY(m_medications->property("count").toInt() == 4);
        // Dose time on a clock of the test's own (as tst_dose_reminder does).
        m_day = QDate::currentDate().addDays(1);
        m_clock = std::make_unique<kiosk::meds::ManualClock>(QDateTime(m_day, QTime(7, 0)));
        m_doses =
            m_window->findChild<kiosk::ui::DoseController *>(QStringLiteral("doseController"));
        QVERIFY(m_doses);
        m_doses->setSettingsFile(m_dir.filePath(QStringLiteral("doses.ini")));
        m_doses->setClock(m_clock.get());
        QTRY_VERIFY(m_doses->ready());
    }

    // No text is cut off at 1.3x: every shown text item
    // - fits its own box: it needs no more width than it has unless it wraps, it is not
    //   elided or truncated, wrapped text has no word wider than its lines and needs no more
    //   height than it has;
    // - stays inside every control around it (a button, a card, a field) and inside every item
    //   that clips, left to right, and top to bottom up to the nearest scrolling area;
    // - stays inside the window, left to right;
    // - is not drawn over another text (where its glyphs are, cut by the items that clip it).
    void textFits_data() { rows(); }
    void textFits() {
        prepare();
        kiosk::test::saveWindowScreenshot(
            m_window, QStringLiteral("a11y-") +
                          QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QList<QQuickItem *> items;
        shownItems(m_window->contentItem(), items);
        QStringList failures;
        const QRectF window(QPointF(0, 0), m_window->size());
        for (QQuickItem *item : std::as_const(items)) {
            if (!item->inherits("QQuickText"))
                continue;
            const QString text = item->property("text").toString();
            if (text.trimmed().isEmpty() || effectiveOpacity(item) <= 0.0)
                continue;
            const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            // Below the window (the hidden virtual keyboard): not shown.
            if (!box.intersects(window))
                continue;
            const QString what = QStringLiteral("\"%1\" (%2)").arg(text.left(60), describe(item));
            const bool wraps = item->property("wrapMode").toInt() != 0;
            if (!wraps && item->implicitWidth() > item->width() + 1.0) {
                failures << QStringLiteral("%1 needs %2 px, has %3")
                                .arg(what)
                                .arg(item->implicitWidth())
                                .arg(item->width());
            }
            if (item->property("truncated").toBool())
                failures << QStringLiteral("%1 is elided or truncated").arg(what);
            // A word longer than the line does not wrap: it runs past the edge.
            const qreal room = item->width() - item->property("leftPadding").toReal() -
                               item->property("rightPadding").toReal();
            if (wraps && item->property("contentWidth").toReal() > room + 1.0) {
                failures << QStringLiteral("%1 runs %2 px wide in %3")
                                .arg(what)
                                .arg(item->property("contentWidth").toReal())
                                .arg(room);
            }
            if (wraps && item->implicitHeight() > item->height() + 1.0) {
                failures << QStringLiteral("%1 needs %2 px of height, has %3")
                                .arg(what)
                                .arg(item->implicitHeight())
                                .arg(item->height());
            }
            if (box.left() < window.left() - 1.0 || box.right() > window.right() + 1.0)
                failures << QStringLiteral("%1 leaves the window").arg(what);
            bool belowScrolling = false;
            for (QQuickItem *up = item->parentItem(); up; up = up->parentItem()) {
                if (up->inherits("QQuickFlickable"))
                    belowScrolling = true;
                const bool container = up->inherits("QQuickControl") || up->clip();
                if (!container || up->width() <= 0 || up->height() <= 0)
                    continue;
                const QRectF room = up->mapRectToScene(QRectF(0, 0, up->width(), up->height()));
                const bool across =
                    box.left() < room.left() - 1.0 || box.right() > room.right() + 1.0;
                const bool down = !belowScrolling && (box.top() < room.top() - 1.0 ||
                                                      box.bottom() > room.bottom() + 1.0);
                if (across || down) {
                    failures << QStringLiteral("%1 overflows %2 (%3 in %4)")
                                    .arg(what, describe(up))
                                    .arg(QStringLiteral("%1,%2 %3x%4")
                                             .arg(box.x())
                                             .arg(box.y())
                                             .arg(box.width())
                                             .arg(box.height()),
                                         QStringLiteral("%1,%2 %3x%4")
                                             .arg(room.x())
                                             .arg(room.y())
                                             .arg(room.width())
                                             .arg(room.height()));
                    break;
                }
            }
        }
        // No two texts drawn over each other (in the popup on top, when one is open).
        QList<QQuickItem *> top;
        shownItems(topScope(), top);
        QList<QPair<QQuickItem *, QRectF>> inks;
        for (QQuickItem *item : std::as_const(top)) {
            if (!item->inherits("QQuickText") ||
                item->property("text").toString().trimmed().isEmpty() ||
                effectiveOpacity(item) <= 0.0)
                continue;
            const QRectF ink = inkBox(item);
            if (ink.isEmpty() || !ink.intersects(window))
                continue;
            for (const auto &[other, otherInk] : std::as_const(inks)) {
                // A pixel's touch is antialiasing, not overlap.
                if (ink.intersected(otherInk).width() > 2 &&
                    ink.intersected(otherInk).height() > 2) {
                    failures << QStringLiteral("\"%1\" (%2) overlaps \"%3\" (%4)")
                                    .arg(item->property("text").toString().left(40), describe(item),
                                         other->property("text").toString().left(40),
                                         describe(other));
                }
            }
            inks.append({item, ink});
        }
        QVERIFY2(failures.isEmpty(), qPrintable(u'\n' + failures.join(u'\n')));
    }

    // Every interactive control the accessibility tree shows has a name.
    void accessibleTree_data() { rows(); }
    void accessibleTree() {
        prepare();
        QAccessibleInterface *root = QAccessible::queryAccessibleInterface(m_window);
        QVERIFY(root);
        QStringList failures;
        int controls = 0;
        std::function<void(QAccessibleInterface *, int)> walk = [&](QAccessibleInterface *node,
                                                                    int depth) {
            QVERIFY(depth < 100);
            const QAccessible::State state = node->state();
            // Scrolled out of view (offscreen) still counts: a screen reader reads the whole page.
            if (state.invisible)
                return;
            // The text field inside a named combo box is part of it (Material's ComboBox shows
            // its text in one).
            QAccessibleInterface *parent = node->parent();
            const bool partOfNamed = parent && parent->role() == QAccessible::ComboBox &&
                                     !parent->text(QAccessible::Name).trimmed().isEmpty();
            if (interactive(node->role()) && !partOfNamed) {
                ++controls;
                auto *item = qobject_cast<QQuickItem *>(node->object());
                // Qt Quick hides a password field's name (it could be bound to the text): a
                // screen reader says its description, the placeholder, instead.
                const QAccessible::Text said =
                    state.passwordEdit ? QAccessible::Description : QAccessible::Name;
                if (node->text(said).trimmed().isEmpty()) {
                    failures << QStringLiteral("a %1 with no name (%2)")
                                    .arg(QString::fromLatin1(
                                             QMetaEnum::fromType<QAccessible::Role>().valueToKey(
                                                 node->role())),
                                         item ? describe(item) : QStringLiteral("?"));
                }
            }
            for (int i = 0; i < node->childCount(); ++i) {
                if (QAccessibleInterface *child = node->child(i))
                    walk(child, depth + 1);
            }
        };
        walk(root, 0);
        QVERIFY2(failures.isEmpty(), qPrintable(u'\n' + failures.join(u'\n')));
        // The rail's four buttons at least: the walk did reach the controls.
        QVERIFY2(controls > 4, qPrintable(QString::number(controls)));
    }

    // Health, dose and review states are never shown by colour alone. Every component that
    // colours a state says it: `stateText` (the words, e.g. "Not healthy") is in its accessible
    // name or description, and `stateMark` (a word or a symbol such as a tick) is drawn in one of
    // its texts beside the colour.
    void stateInWords_data() { rows(); }
    void stateInWords() {
        prepare();
        QFETCH(QString, view);
        QList<QQuickItem *> items;
        shownItems(m_window->contentItem(), items);
        QStringList failures;
        int states = 0;
        for (QQuickItem *item : std::as_const(items)) {
            const QMetaObject *meta = item->metaObject();
            if (meta->indexOfProperty("stateText") < 0 || meta->indexOfProperty("stateMark") < 0)
                continue;
            const QString words = item->property("stateText").toString();
            const QString mark = item->property("stateMark").toString();
            if (words.isEmpty() && mark.isEmpty())
                continue; // no state to show (a review field that was read with confidence)
            ++states;
            if (words.isEmpty() || mark.isEmpty()) {
                failures << QStringLiteral("%1: no words or no mark").arg(describe(item));
                continue;
            }
            QList<QQuickItem *> inside;
            shownItems(item, inside);
            const bool drawn = std::any_of(inside.cbegin(), inside.cend(), [&](QQuickItem *i) {
                return i->inherits("QQuickText") && i->property("text").toString().contains(mark);
            });
            if (!drawn)
                failures << QStringLiteral("%1: \"%2\" is not shown").arg(describe(item), mark);
            QAccessibleInterface *node = QAccessible::queryAccessibleInterface(item);
            const QString said =
                node ? node->text(QAccessible::Name) + u' ' + node->text(QAccessible::Description)
                     : QString();
            if (!said.contains(words)) {
                failures << QStringLiteral("%1: a screen reader does not say \"%2\" (\"%3\")")
                                .arg(describe(item), words, said);
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(u'\n' + failures.join(u'\n')));
        // The cluster's four tiles, its badge, and the checks and deployments in view.
        if (view == u"cluster")
            QVERIFY2(states >= 4 + 1 + 2, qPrintable(QString::number(states)));
        if (view == u"scan-review")
            QVERIFY2(states > 0, "no doubtful field on the review");
    }

    // Tab, pressed again and again from the first control, gives the keyboard focus to every
    // shown control that takes it, and comes back round.
    void tabReachesEveryControl_data() { rows(); }
    void tabReachesEveryControl() {
        prepare();
        // Over a modal popup (a drawer, the PIN dialog) the keyboard stays in the popup: its
        // controls are the ones Tab must reach.
        QQuickItem *scope = topScope();
        QList<QQuickItem *> items;
        shownItems(scope, items);
        QList<QQuickItem *> focusable;
        const QRectF window(QPointF(0, 0), m_window->size());
        for (QQuickItem *item : std::as_const(items)) {
            if (item->activeFocusOnTab() && item->isEnabled() &&
                item->mapRectToScene(QRectF(0, 0, item->width(), item->height()))
                    .intersects(window))
                focusable.append(item);
        }
        // The rail's buttons and the page's controls; a popup's own (the PIN dialog's Cancel).
        QVERIFY2(focusable.size() > (scope == m_window->contentItem() ? 4 : 0),
                 qPrintable(describe(scope)));
        focusable.first()->forceActiveFocus(Qt::TabFocusReason);
        QTRY_VERIFY(focusable.first()->hasActiveFocus());
        QSet<QQuickItem *> reached;
        for (int i = 0; i < focusable.size() * 2 + 10; ++i) {
            QQuickItem *focused = m_window->activeFocusItem();
            for (QQuickItem *up = focused; up; up = up->parentItem())
                reached.insert(up);
            QTest::keyClick(m_window, Qt::Key_Tab);
        }
        QStringList missed;
        for (QQuickItem *item : std::as_const(focusable)) {
            if (!reached.contains(item))
                missed << describe(item);
        }
        QVERIFY2(missed.isEmpty(), qPrintable(u'\n' + missed.join(u'\n')));
    }
};

QTEST_MAIN(TestPageAccessibility)
#include "tst_page_accessibility.moc"
