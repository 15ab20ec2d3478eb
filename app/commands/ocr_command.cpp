#include "commands/ocr_command.h"

#include "aibrain/engine_config.h"
#include "aibrain/reading_engine.h"
#include "cli/cli_output.h"
#include "cli/subcommand_parser.h"
#include "ocr/ocr_pipeline.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

#include <cstdlib>
#include <functional>

using kiosk::cli::CliOutput;
using kiosk::cli::SubcommandParser;

namespace {

void printTable(QTextStream &out, const QString &file, const kiosk::ocr::OcrPipeline::Result &r) {
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
                            ? QStringLiteral("%1%2")
                                  .arg(conf, 0, 'f', 2)
                                  .arg(review ? QStringLiteral("  CHECK") : QString())
                            : QString());
    }
    if (!r.quality.labelFound)
        out << "  no label found\n";
    for (const QString &hint : r.quality.hints())
        out << "  hint: " << hint << '\n';
    out << '\n';
}

// The same table for a result from the engine chooser (ai-brain or auto).
void printReading(QTextStream &out, const QString &file, const kiosk::aibrain::ReadingResult &r) {
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
                            ? QStringLiteral("%1%2")
                                  .arg(conf, 0, 'f', 2)
                                  .arg(review ? QStringLiteral("  CHECK") : QString())
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

kiosk::cli::Subcommand ocrCommand() {
    return {
        QStringLiteral("ocr"),
        QStringLiteral("read prescription photos: ocr [--engine local|ai-brain|auto] [--ai-brain "
                       "URL] [--json] IMAGE..."),
        [](const QStringList &arguments) {
            SubcommandParser parser(QStringLiteral("ocr"));
            parser.setDescription(QStringLiteral("Reads prescription photos: a table per photo, or "
                                                 "one JSON line each with --json."));
            parser.addOption(
                {QStringLiteral("engine"),
                 QStringLiteral(
                     "local: OpenCV + Tesseract here; ai-brain: the cluster's AI Brain; auto: AI "
                     "Brain when "
                     "configured and healthy, else (and on any AI Brain failure) local. Default: "
                     "the setting "
                     "aibrain/engine, else auto when an AI Brain URL is known, else local."),
                 QStringLiteral("local|ai-brain|auto")});
            parser.addOption({QStringLiteral("ai-brain"),
                              QStringLiteral("AI Brain base URL (default: the setting "
                                             "aibrain/url); its token comes from the keychain"),
                              QStringLiteral("URL")});
            parser.addOption({QStringLiteral("ai-brain-timeout"),
                              QStringLiteral("how long to wait for the AI Brain"),
                              QStringLiteral("MS")});
            parser.addOption({QStringLiteral("json"),
                              QStringLiteral("one JSON line per photo (rx-eval/CONTRACT.md)")});
            parser.addPositional(QStringLiteral("IMAGE"),
                                 QStringLiteral("a photo of a prescription or pharmacy label"),
                                 SubcommandParser::Count::OneOrMore,
                                 QStringLiteral("no image given (see kilo-kiosk ocr --help)"));
            if (const auto status = parser.parseOrExit(arguments))
                return *status;
            const bool json = parser.isSet(QStringLiteral("json"));
            const QString engine = parser.value(QStringLiteral("engine"));
            const QString aiBrainUrl = parser.value(QStringLiteral("ai-brain"));
            if (parser.isSet(QStringLiteral("ai-brain")) && aiBrainUrl.isEmpty())
                return CliOutput::fail(QStringLiteral("--ai-brain needs a URL (http://host:port)"),
                                       SubcommandParser::kUsageError);
            int aiBrainTimeoutMs = 0;
            if (parser.isSet(QStringLiteral("ai-brain-timeout"))) {
                bool ok = false;
                aiBrainTimeoutMs = parser.value(QStringLiteral("ai-brain-timeout")).toInt(&ok);
                if (!ok || aiBrainTimeoutMs <= 0)
                    return CliOutput::fail(
                        QStringLiteral("--ai-brain-timeout needs a number of milliseconds above 0"),
                        SubcommandParser::kUsageError);
            }
            if (!engine.isEmpty() && !kiosk::aibrain::ReadingEngine::parseMode(engine))
                return CliOutput::fail(
                    QStringLiteral("unknown engine '%1' (use local, ai-brain or auto)").arg(engine),
                    SubcommandParser::kUsageError);
            const QStringList files = parser.positionalArguments();
            QTextStream out(stdout);
            QTextStream err(stderr);
            const auto config =
                kiosk::aibrain::EngineConfig::resolve(engine, aiBrainUrl, aiBrainTimeoutMs);
            if (!config.ok())
                return CliOutput::fail(config.error, SubcommandParser::kUsageError);
            for (const QString &note : config.notes)
                CliOutput::warn(note);
            err.flush();
            int failures = 0;
            // One photo's outcome, written alike whichever engine read it: a JSON line or the
            // table on stdout, and errors on stderr.
            const auto report = [&](const QString &file, bool ok, const QString &error,
                                    const QJsonObject &line,
                                    const std::function<void()> &printTable) {
                if (!ok)
                    ++failures;
                if (json)
                    CliOutput::printJson(line, false);
                else if (ok)
                    printTable();
                if (!ok)
                    CliOutput::fail(file + QStringLiteral(": ") + error);
                err.flush();
                out.flush();
            };
            if (config.mode != kiosk::aibrain::EngineMode::Local) {
                // ai-brain or auto: the engine chooser; same output, plus fallback_reason when auto
                // fell back.
                kiosk::aibrain::ReadingEngine reader;
                config.apply(reader);
                for (const QString &file : files) {
                    const auto result = reader.readFileBlocking(file);
                    if (result.ok() && !result.fallbackReason.isEmpty())
                        err << "kilo-kiosk: note: " << file << ": " << result.fallbackReason
                            << '\n';
                    report(file, result.ok(), result.error,
                           json ? result.toJson(file) : QJsonObject(),
                           [&] { printReading(out, file, result); });
                }
                return failures ? 1 : 0;
            }
            kiosk::ocr::OcrPipeline pipeline;
            if (const QString e = pipeline.initError(); !e.isEmpty())
                return CliOutput::fail(e);
            for (const QString &file : files) {
                const auto result = pipeline.readFile(file);
                report(file, result.ok(), result.error, json ? result.toJson(file) : QJsonObject(),
                       [&] { printTable(out, file, result); });
            }
            return failures ? 1 : 0;
        }};
}
