// Qt Quick Test runner for the pages and components of Kilo.Ui (tst_*.qml in this folder).
#include "ui/app_context.h"
#include "ui/theme_preference.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Kilo_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Kilo_UiPlugin)

class QmlTestSetup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Material"));
    }
    void qmlEngineAvailable(QQmlEngine *engine) {
        // Statically linked modules live in the resources, not on disk.
        engine->addImportPath(QStringLiteral("qrc:/"));
        // Where tests save screenshots of the states they reach, to be looked at (empty: none).
        engine->rootContext()->setContextProperty(QStringLiteral("screenshotDirectory"),
                                                  qEnvironmentVariable("KIOSK_SCREENSHOT_DIR"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(kiosk_qml, QmlTestSetup)

#include "tst_qml.moc"
