#include "commands/ocr_command.h"

#include "aibrain/engine_config.h"
#include "aibrain/reading_engine.h"
#include "ocr/ocr_pipeline.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>


#include <cstdlib>
#include <functional>

namespace {

constexpr auto kUsage = "usage: kilo-kiosk ocr [--engine local|ai-brain|auto] [--ai-brain URL] [--ai-brain-timeout MS] [--json] IMAGE...\n"
                        "  --engine     local: OpenCV + Tesseract here; ai-brain: the cluster's AI Brain; auto: AI Brain when\n"
                        "               configured and healthy, else (and on any AI Brain failure) local. Default: the setting\n"
                        "               aibrain/engine, else auto when an AI Brain URL is known, else local.\n"
                        "  --ai-brain   AI Brain base URL (default: the setting aibrain/url); its token comes from the keychain";

void printTable(QTextStream &out, const QString &file, const kiosk::ocr::OcrPipeline::Result &r)
{
    using kiosk::ocr::Prescription;
    out << file << "  (" << r.ms << " ms, engine local)\n";
    for (const QString &field : Prescription::allFields()) {
        const QString value = r.prescription.valueText(field);
        const bool review = r.prescription.needsReview.contains(field);
        const double conf = r.prescription.confidence.value(field, 0.0);
        out << QStringLiteral("  %1 %2 %3\n")
                   .arg(field, -15)
                   .arg(value.isEmpty() ? QStringLiteral("-") : value, -60)
                   .arg(r.prescription.confidence.contains(field)
                            ? QStringLiteral("%1%2").arg(conf, 0, 'f', 2).arg(review ? QStringLiteral("  CHECK") : QString())
                            : QString());
    }
    if (!r.quality.labelFound)
        out << "  no label found\n";
    for (const QString &hint : r.quality.hints())
        out << "  hint: " << hint << '\n';
    out << '\n';
}

// The same table for a result from the engine chooser (ai-brain or auto).
void printReading(QTextStream &out, const QString &file, const kiosk::aibrain::ReadingResult &r)
{
    using kiosk::ocr::Prescription;
    out << file << "  (" << r.ms << " ms, engine " << r.engine << ")\n";
    if (!r.fallbackReason.isEmpty())
        out << "  fallback: " << r.fallbackReason << '\n';
    for (const QString &field : Prescription::allFields()) {
        const QString value = r.prescription.valueText(field);
        const bool review = r.prescription.needsReview.contains(field);
        const double conf = r.prescription.confidence.value(field, 0.0);
        out << QStringLiteral("  %1 %2 %3\n")
                   .arg(field, -15)
                   .arg(value.isEmpty() ? QStringLiteral("-") : value, -60)
                   .arg(r.prescription.confidence.contains(field) || review
                            ? QStringLiteral("%1%2").arg(conf, 0, 'f', 2).arg(review ? QStringLiteral("  CHECK") : QString())
                            : QString());
    }
    if (r.quality && !r.quality->labelFound)
        out << "  no label found\n";
    if (r.quality) {
        for (const QString &hint : r.quality->hints())
            out << "  hint: " << hint << '\n';
    }
    out << '\n';
}

} // namespace

kiosk::cli::Subcommand ocrCommand()
{
    return {QStringLiteral("ocr"), QStringLiteral("read prescription photos: ocr [--engine local|ai-brain|auto] [--ai-brain URL] [--json] IMAGE..."),
            [](const QStringList &arguments) {
                QTextStream out(stdout);
                QTextStream err(stderr);
                bool json = false;
                QString engine;
                QString aiBrainUrl;
                int aiBrainTimeoutMs = 0;
                QStringList files;
                for (int i = 0; i < arguments.size(); ++i) {
                    const QString &a = arguments[i];
                    if (a == QLatin1String("--json")) {
                        json = true;
                    } else if (a == QLatin1String("--engine") || a.startsWith(QLatin1String("--engine="))) {
                        if (a.contains(QLatin1Char('=')))
                            engine = a.section(QLatin1Char('='), 1);
                        else if (i + 1 < arguments.size())
                            engine = arguments[++i];
                        else {
                            err << "kilo-kiosk: error: --engine needs a value (local, ai-brain or auto)\n";
                            return 2;
                        }
                    } else if (a == QLatin1String("--ai-brain") || a.startsWith(QLatin1String("--ai-brain="))) {
                        if (a.contains(QLatin1Char('=')))
                            aiBrainUrl = a.section(QLatin1Char('='), 1);
                        else if (i + 1 < arguments.size())
                            aiBrainUrl = arguments[++i];
                        if (aiBrainUrl.isEmpty()) {
                            err << "kilo-kiosk: error: --ai-brain needs a URL (http://host:port)\n";
                            return 2;
                        }
                    } else if (a == QLatin1String("--ai-brain-timeout") || a.startsWith(QLatin1String("--ai-brain-timeout="))) {
                        QString value;
                        if (a.contains(QLatin1Char('=')))
                            value = a.section(QLatin1Char('='), 1);
                        else if (i + 1 < arguments.size())
                            value = arguments[++i];
                        bool ok = false;
                        aiBrainTimeoutMs = value.toInt(&ok);
                        if (!ok || aiBrainTimeoutMs <= 0) {
                            err << "kilo-kiosk: error: --ai-brain-timeout needs a number of milliseconds above 0\n";
                            return 2;
                        }
                    } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
                        out << kUsage << '\n';
                        return 0;
                    } else if (a == QLatin1String("--")) {
                        files += arguments.mid(i + 1);
                        break;
                    } else if (a.startsWith(QLatin1String("--"))) {
                        err << "kilo-kiosk: error: unknown option " << a << "\n" << kUsage << '\n';
                        return 2;
                    } else {
                        files.append(a);
                    }
                }
                if (!engine.isEmpty() && !kiosk::aibrain::ReadingEngine::parseMode(engine)) {
                    err << "kilo-kiosk: error: unknown engine '" << engine << "' (use local, ai-brain or auto)\n";
                    return 2;
                }
                if (files.isEmpty()) {
                    err << "kilo-kiosk: error: no image given\n" << kUsage << '\n';
                    return 2;
                }
                const auto config = kiosk::aibrain::EngineConfig::resolve(engine, aiBrainUrl, aiBrainTimeoutMs);
                if (!config.ok()) {
                    err << "kilo-kiosk: error: " << config.error << '\n';
                    return 2;
                }
                for (const QString &note : config.notes)
                    err << "kilo-kiosk: warning: " << note << '\n';
                err.flush();
                int failures = 0;
                // One photo's outcome, written alike whichever engine read it: a JSON line or the
                // table on stdout, and errors on stderr.
                const auto report = [&](const QString &file, bool ok, const QString &error, const QJsonObject &line,
                                        const std::function<void()> &printTable) {
                    if (!ok)
                        ++failures;
                    if (json)
                        out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
                    else if (ok)
                        printTable();
                    if (!ok)
                        err << "kilo-kiosk: error: " << file << ": " << error << '\n';
                    err.flush();
                    out.flush();
                };
                if (config.mode != kiosk::aibrain::EngineMode::Local) {
                    // ai-brain or auto: the engine chooser; same output, plus fallback_reason when auto fell back.
                    kiosk::aibrain::ReadingEngine reader;
                    config.apply(reader);
                    for (const QString &file : files) {
                        const auto result = reader.readFileBlocking(file);
                        if (result.ok() && !result.fallbackReason.isEmpty())
                            err << "kilo-kiosk: note: " << file << ": " << result.fallbackReason << '\n';
                        report(file, result.ok(), result.error, json ? result.toJson(file) : QJsonObject(), [&] { printReading(out, file, result); });
                    }
                    return failures ? 1 : 0;
                }
                kiosk::ocr::OcrPipeline pipeline;
                if (const QString e = pipeline.initError(); !e.isEmpty()) {
                    err << "kilo-kiosk: error: " << e << '\n';
                    return 1;
                }
                for (const QString &file : files) {
                    const auto result = pipeline.readFile(file);
                    report(file, result.ok(), result.error, json ? result.toJson(file) : QJsonObject(), [&] { printTable(out, file, result); });
                }
                return failures ? 1 : 0;
            }};
}
