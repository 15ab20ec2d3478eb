// libFuzzer target: a PATCH body (untrusted, from any client of the simulator) through the three
// patch formats, parsed as RestHandler parses it. The input is the patch, applied to a built-in
// Deployment, or `DOCUMENT\0PATCH` to patch a document of its own.
// Invariants: merge patch (RFC 7386) and strategic merge patch are idempotent (applying the same
// patch to its own result changes nothing: kubectl apply relies on it), and after a successful
// JSON patch (RFC 6902) whose last operation is add or replace, that value is at that path.
#include "sim/json_patch.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

namespace {

using kiosk::sim::JsonPatch;

const QByteArray kDeployment = R"({"apiVersion":"apps/v1","kind":"Deployment",
"metadata":{"name":"kilo-meds","namespace":"kilo-guardian","labels":{"app":"kilo-meds"},
"annotations":{"deployment.kubernetes.io/revision":"3"},"finalizers":["kiosk/keep"]},
"spec":{"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"kilo-meds"}},
"template":{"metadata":{"labels":{"app":"kilo-meds"}},"spec":{"containers":[{"name":"meds",
"image":"ghcr.io/kilo/meds:1.4","ports":[{"containerPort":8080,"protocol":"TCP"}],
"env":[{"name":"LOG","value":"info"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]}],
"volumes":[{"name":"data","emptyDir":{}}]}}},
"status":{"replicas":2,"conditions":[{"type":"Available","status":"True"}]}})";

std::optional<QJsonDocument> parse(const QByteArray &text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return doc;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const QJsonObject deployment = QJsonDocument::fromJson(kDeployment).object();
    if (size > 16384)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonObject document = deployment;
    QByteArray patchText = input;
    if (const qsizetype nul = input.indexOf('\0'); nul >= 0) {
        const auto doc = parse(input.left(nul));
        if (!doc || !doc->isObject())
            return 0;
        document = doc->object();
        patchText = input.mid(nul + 1);
    }
    const auto patch = parse(patchText);
    if (!patch)
        return 0;

    if (patch->isArray()) {
        const QJsonArray operations = patch->array();
        QString error;
        const auto patched = JsonPatch::applyJsonPatch(document, operations, &error);
        if (!patched) {
            if (error.isEmpty())
                __builtin_trap(); // a refusal says why
            return 0;
        }
        const QJsonObject last =
            operations.isEmpty() ? QJsonObject() : operations.last().toObject();
        const QString op = last.value(QStringLiteral("op")).toString();
        const QString path = last.value(QStringLiteral("path")).toString();
        if ((op == QLatin1String("add") || op == QLatin1String("replace")) &&
            !path.endsWith(QLatin1String("/-"))) {
            const QJsonObject test{{QStringLiteral("op"), QStringLiteral("test")},
                                   {QStringLiteral("path"), path},
                                   {QStringLiteral("value"), last.value(QStringLiteral("value"))}};
            if (!JsonPatch::applyJsonPatch(*patched, QJsonArray{test}, &error))
                __builtin_trap(); // the value just added or replaced is not where it was put
        }
        return 0;
    }

    const QJsonObject patchObject = patch->object();
    const QJsonObject merged = JsonPatch::applyMergePatch(document, patchObject);
    if (JsonPatch::applyMergePatch(merged, patchObject) != merged)
        __builtin_trap(); // merge patch is not idempotent

    QString error;
    const auto strategic = JsonPatch::applyStrategicMergePatch(document, patchObject, &error);
    if (!strategic) {
        if (error.isEmpty())
            __builtin_trap();
        return 0;
    }
    const auto again = JsonPatch::applyStrategicMergePatch(*strategic, patchObject, &error);
    if (!again || *again != *strategic)
        __builtin_trap(); // strategic merge patch is not idempotent
    return 0;
}
