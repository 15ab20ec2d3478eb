#include "ui/health_check_text.h"
#include "ui/language_preference.h"

#include <QGuiApplication>
#include <QPointer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kiosk::ui::LanguagePreference;

namespace {

// A small component whose file is called Main.qml, so that its qsTr texts are looked up in the
// context "Main" of the .ts files, as the real Main.qml's are.
const char *const kLabelQml = R"qml(
import QtQuick
Item {
    property int stale: 3
    property string title: qsTr("Scan")
    property string staleText: qsTranslate("DeploymentCard", "%n stale ReplicaSet(s)", "", stale)
    property string day: new Date(2026, 11, 7).toLocaleDateString(
        Qt.uiLanguage ? Qt.locale(Qt.uiLanguage) : Qt.locale(), "dddd d MMMM")
}
)qml";

} // namespace

// The language choice switches the translator live: a QML binding that calls qsTr shows the new
// language without its object being made again, and dates and numbers follow the language.
class TestLanguagePreference : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString settingsPath() const { return m_dir.filePath(QStringLiteral("kiosk.ini")); }
    std::unique_ptr<QSettings> settings() const {
        return std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    }
    QString savedChoice() const {
        return QSettings(settingsPath(), QSettings::IniFormat)
            .value(QStringLiteral("appearance/language"))
            .toString();
    }

    static QObject *makeLabel(QQmlEngine &engine, QObject *parent) {
        QQmlComponent component(&engine);
        component.setData(kLabelQml, QUrl(QStringLiteral("qrc:/tst_language_preference/Main.qml")));
        QObject *object = component.create();
        if (!object)
            qWarning() << component.errors();
        else
            object->setParent(parent);
        return object;
    }

private slots:
    void init() { QFile::remove(settingsPath()); }

    void switchesLiveAndBack() {
        QQmlEngine engine;
        LanguagePreference language(settings());
        language.setEngine(&engine);
        language.setLanguage(LanguagePreference::Language::English);
        QCOMPARE(language.effectiveLanguage(), QStringLiteral("en"));

        QPointer<QObject> label = makeLabel(engine, this);
        QVERIFY(label);
        QCOMPARE(label->property("title").toString(), QStringLiteral("Scan"));
        // The English plural forms come from kilo-kiosk_en.qm: without it "(s)" would show.
        QCOMPARE(label->property("staleText").toString(), QStringLiteral("3 stale ReplicaSets"));
        label->setProperty("stale", 1);
        QCOMPARE(label->property("staleText").toString(), QStringLiteral("1 stale ReplicaSet"));
        QCOMPARE(label->property("day").toString(), QStringLiteral("Monday 7 December"));

        QSignalSpy changed(&language, &LanguagePreference::languageChanged);
        QSignalSpy effective(&language, &LanguagePreference::effectiveLanguageChanged);
        QObject *const before = label.data();
        language.setLanguage(LanguagePreference::Language::Spanish);
        QTRY_COMPARE(label->property("title").toString(), QStringLiteral("Escanear"));
        QCOMPARE(label.data(), before); // the same object, retranslated in place
        QCOMPARE(label->property("staleText").toString(), QStringLiteral("1 ReplicaSet obsoleto"));
        QCOMPARE(label->property("day").toString(), QStringLiteral("lunes 7 diciembre"));
        label->setProperty("stale", 4);
        QCOMPARE(label->property("staleText").toString(),
                 QStringLiteral("4 ReplicaSets obsoletos"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(effective.count(), 1);
        QCOMPARE(language.effectiveLanguage(), QStringLiteral("es"));
        QCOMPARE(savedChoice(), QStringLiteral("es"));
        // Dates and numbers follow the language.
        QCOMPARE(QLocale().language(), QLocale::Spanish);
        QCOMPARE(QLocale().dayName(1), QStringLiteral("lunes"));
        QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1234,5"));

        language.setLanguage(LanguagePreference::Language::English);
        QTRY_COMPARE(label->property("title").toString(), QStringLiteral("Scan"));
        QCOMPARE(label.data(), before);
        QCOMPARE(label->property("staleText").toString(), QStringLiteral("4 stale ReplicaSets"));
        QCOMPARE(label->property("day").toString(), QStringLiteral("Monday 7 December"));
        QCOMPARE(QLocale().language(), QLocale::English);
        QCOMPARE(savedChoice(), QStringLiteral("en"));
        delete label.data();
    }

    void savedChoiceIsAppliedAtStart() {
        settings()->setValue(QStringLiteral("appearance/language"), QStringLiteral("es"));
        LanguagePreference language(settings());
        QCOMPARE(language.language(), LanguagePreference::Language::Spanish);
        QCOMPARE(language.effectiveLanguage(), QStringLiteral("es"));
        // C++ texts are translated too (tr() in the UI layer).
        QCOMPARE(QCoreApplication::translate("Main", "Settings"), QStringLiteral("Ajustes"));
    }

    void overrideForThisRunIsNotSaved() {
        settings()->setValue(QStringLiteral("appearance/language"), QStringLiteral("en"));
        LanguagePreference language(settings());
        QVERIFY(language.overrideForThisRun(QStringLiteral("es")));
        QCOMPARE(language.language(), LanguagePreference::Language::Spanish);
        QCOMPARE(QCoreApplication::translate("Main", "Medications"),
                 QStringLiteral("Medicamentos"));
        QCOMPARE(savedChoice(), QStringLiteral("en"));
        QVERIFY(!language.overrideForThisRun(QStringLiteral("fr")));
        QCOMPARE(language.effectiveLanguage(), QStringLiteral("es"));
    }

    void systemFollowsTheSystemLanguage() {
        LanguagePreference language(settings());
        QCOMPARE(language.language(), LanguagePreference::Language::System);
        QCOMPARE(language.effectiveLanguage(), LanguagePreference::systemLanguageCode());
        QVERIFY(LanguagePreference::supportedCodes().contains(language.effectiveLanguage()));
    }

    // The checklist's words come from the UI layer, by check id; the library's English stays
    // the CLI's.
    void checklistIsWordedInTheLanguage() {
        LanguagePreference language(settings());
        language.setLanguage(LanguagePreference::Language::Spanish);
        kiosk::k8s::HealthCheck check{QStringLiteral("no-crashloop"),
                                      QStringLiteral("No CrashLoopBackOff pods"), false,
                                      QStringLiteral("1 in CrashLoopBackOff: kilo-meds-1")};
        check.count = 1;
        check.total = 14;
        check.offenders = {QStringLiteral("kilo-meds-1 (CrashLoopBackOff)")};
        using kiosk::ui::HealthCheckText;
        QCOMPARE(HealthCheckText::name(check), QStringLiteral("Ningún pod en CrashLoopBackOff"));
        QCOMPARE(HealthCheckText::detail(check, 78, 64),
                 QStringLiteral("1 pod en CrashLoopBackOff: kilo-meds-1 (CrashLoopBackOff)"));
        const QStringList five = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                  QStringLiteral("d"), QStringLiteral("e")};
        QCOMPARE(HealthCheckText::nameList(five), QStringLiteral("a, b, c y 2 más"));
        language.setLanguage(LanguagePreference::Language::English);
        QCOMPARE(HealthCheckText::name(check), QStringLiteral("No CrashLoopBackOff pods"));
        QCOMPARE(HealthCheckText::nameList(five), QStringLiteral("a, b, c +2 more"));
    }

    void removesItsTranslatorWhenGone() {
        {
            LanguagePreference language(settings());
            language.setLanguage(LanguagePreference::Language::Spanish);
            QCOMPARE(QCoreApplication::translate("Main", "Scan"), QStringLiteral("Escanear"));
        }
        QCOMPARE(QCoreApplication::translate("Main", "Scan"), QStringLiteral("Scan"));
    }
};

QTEST_MAIN(TestLanguagePreference)
#include "tst_language_preference.moc"
