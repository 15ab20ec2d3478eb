#include "ui_main.h"

#include "aibrain/engine_config.h"
#include "k8s/connection_resolver.h"
#include "security/credential_store.h"
#include "ops/service_checks.h"
#include "sim/ai_brain_simulator.h"
#include "sim/api_server.h"
#include "sim/meds_service_simulator.h"
#include "sync/service_config.h"
#include "ui/cluster_controller.h"
#include "ui/language_preference.h"
#include "ui/app_context.h"
#include "ui/medication_store_controller.h"
#include "ui/medication_sync_controller.h"
#include "ui/page_screenshotter.h"
#include "ui/text_size_preference.h"
#include "ui/theme_preference.h"

#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Kilo_BackendPlugin)
Q_IMPORT_QML_PLUGIN(Kilo_UiPlugin)

namespace {
// The demo talks to the built-in simulator over real HTTP, through the same client code as a
// real cluster; otherwise the connection is found as kubectl would find it.
void connectCluster(kiosk::ui::ClusterController &cluster, kiosk::sim::ApiServer *simulator,
                    const kiosk::cli::LaunchOptions &options) {
    if (simulator) {
        if (!simulator->listen()) {
            cluster.setConfigError(
                QObject::tr("The demo cluster could not start: %1").arg(simulator->errorString()));
            return;
        }
        kiosk::k8s::ClusterConnection connection;
        connection.server = simulator->url();
        connection.description = QObject::tr("Demo cluster");
        cluster.connectTo(connection, true);
        return;
    }
    QSettings settings;
    kiosk::security::CredentialStore credentials;
    const auto outcome = kiosk::k8s::ConnectionResolver::resolve(
        {options.server, options.kubeconfig, options.context, options.nameSpace}, settings,
        credentials, QProcessEnvironment::systemEnvironment(), QDir::homePath());
    if (!outcome.configured)
        cluster.setNotConfigured();
    else if (!outcome.result.connection)
        cluster.setConfigError(outcome.result.error);
    else
        cluster.connectTo(*outcome.result.connection, false, outcome.result.warning);
}
} // namespace

int runUi(int &argc, char **argv, const kiosk::cli::LaunchOptions &options) {
    const bool screenshots = !options.screenshotDir.isEmpty();
    if (screenshots) {
        // Screenshots never need a display.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }
    if (!qEnvironmentVariableIsSet("QT_IM_MODULE"))
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");

    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Material"));

    // The UI language first: the text made below (the demo cluster's name) is translated too.
    // `--lang` applies for this run only; the Settings choice stays as saved.
    kiosk::ui::LanguagePreference language;
    if (!options.language.isEmpty())
        language.overrideForThisRun(options.language);

    kiosk::ui::AppContext context;
    context.setDemo(options.demo);
    context.setKiosk(options.kiosk);
    kiosk::ui::ThemePreference theme;
    // `--large-text`, like `--lang`, applies for this run only.
    kiosk::ui::TextSizePreference textSize;
    if (options.largeText)
        textSize.overrideForThisRun(true);
    std::unique_ptr<kiosk::sim::ApiServer> simulator;
    if (options.demo)
        simulator = std::make_unique<kiosk::sim::ApiServer>();
    kiosk::ui::ClusterController cluster;
    connectCluster(cluster, simulator.get(), options);

    // The medication list syncs with the saved service; the demo's with a built-in one that
    // starts with a few sample medications, so a newcomer sees a filled list.
    kiosk::ui::MedicationSyncController medsSync;
    std::unique_ptr<kiosk::sim::MedsServiceSimulator> medsService;
    if (options.demo) {
        medsSync.setDatabasePath(kiosk::ui::MedicationStoreController::demoDatabasePath());
        medsService = std::make_unique<kiosk::sim::MedsServiceSimulator>();
        for (const QJsonObject &record : kiosk::sim::MedsServiceSimulator::sampleRecords())
            medsService->addRecord(record);
        if (medsService->listen())
            medsSync.useDemoService(medsService->url());
    }
    medsSync.start();
    if (medsService)
        medsSync.syncOnce(); // the built-in service answers from this loop, in milliseconds

    // The checklist's service checks: the saved addresses, or the demo's built-in services.
    std::unique_ptr<kiosk::sim::AiBrainSimulator> aiBrainService;
    if (options.demo) {
        aiBrainService = std::make_unique<kiosk::sim::AiBrainSimulator>();
        kiosk::ops::ServiceChecks::Endpoints demoEndpoints;
        if (aiBrainService->listen())
            demoEndpoints.aiBrain.url = aiBrainService->url();
        if (medsService && medsService->isListening())
            demoEndpoints.medsService.url = medsService->url();
        cluster.watchServices([demoEndpoints] { return demoEndpoints; });
    } else {
        // The keychain is asked again only when an address changed or a check failed (a new token
        // may mend it), not every half minute on the UI thread.
        struct Cache {
            bool valid = false;
            QString aiBrainSetting;
            QString medsSetting;
            kiosk::ops::ServiceChecks::Endpoints endpoints;
        };
        auto cache = std::make_shared<Cache>();
        kiosk::ops::ServiceChecks *checks = cluster.serviceChecks();
        cluster.watchServices([cache, checks] {
            const QSettings settings(QStringLiteral("Kilo Guardian"), QStringLiteral("kilo-kiosk"));
            const QString aiBrain =
                settings.value(kiosk::aibrain::EngineConfig::UrlSetting).toString();
            const QString meds = settings.value(kiosk::sync::ServiceConfig::UrlSetting).toString();
            const auto rows = checks->checks();
            const bool failing = std::any_of(
                rows.cbegin(), rows.cend(), [](const kiosk::k8s::HealthCheck &c) { return !c.ok; });
            if (!cache->valid || failing || aiBrain != cache->aiBrainSetting ||
                meds != cache->medsSetting) {
                cache->endpoints = kiosk::ops::ServiceChecks::endpointsFromSettings();
                cache->aiBrainSetting = aiBrain;
                cache->medsSetting = meds;
                cache->valid = true;
            }
            return cache->endpoints;
        });
    }

    // One medication list for the whole window: every page and the dose reminders share it.
    kiosk::ui::MedicationStoreController medications;
    if (options.demo)
        medications.setDatabasePath(kiosk::ui::MedicationStoreController::demoDatabasePath());
    medications.open();

    QQmlApplicationEngine engine;
    language.setEngine(&engine);
    // Statically linked QML modules live in the resources, not on disk.
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties(
        {{QStringLiteral("app"), QVariant::fromValue(&context)},
         {QStringLiteral("theme"), QVariant::fromValue(&theme)},
         {QStringLiteral("language"), QVariant::fromValue(&language)},
         {QStringLiteral("textSize"), QVariant::fromValue(&textSize)},
         {QStringLiteral("cluster"), QVariant::fromValue(&cluster)},
         {QStringLiteral("medsSync"), QVariant::fromValue(&medsSync)},
         {QStringLiteral("medications"), QVariant::fromValue(&medications)}});
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    // Qt 6.4 has no loadFromModule: the module's files live under qrc:/<URI as path>/.
    engine.load(QUrl(QStringLiteral("qrc:/Kilo/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        QTextStream(stderr) << "kilo-kiosk: error: the user interface failed to load\n";
        return 1;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());

    if (screenshots) {
        const QStringList pages = {QStringLiteral("scan"), QStringLiteral("medications"),
                                   QStringLiteral("cluster"), QStringLiteral("settings")};
        kiosk::ui::PageScreenshotter shooter(window, &theme, options.screenshotDir, pages);
        int status = 0;
        QObject::connect(&shooter, &kiosk::ui::PageScreenshotter::finished, &app,
                         [&](bool ok, const QString &error) {
                             if (ok) {
                                 for (const QString &file : shooter.writtenFiles())
                                     QTextStream(stdout) << file << '\n';
                             } else {
                                 QTextStream(stderr) << "kilo-kiosk: error: " << error << '\n';
                                 status = 1;
                             }
                             QCoreApplication::exit(status);
                         });
        // Started from the event loop so an early failure's exit() is not lost before exec().
        QTimer::singleShot(0, &shooter, &kiosk::ui::PageScreenshotter::start);
        app.exec();
        return status;
    }
    return app.exec();
}
