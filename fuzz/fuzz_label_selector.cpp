// libFuzzer target: a label selector in kubectl's query-string form (`?labelSelector=`, untrusted)
// through the simulator's parser, then the same selector as a metav1.LabelSelector through the
// kiosk's matcher (k8s/label_selector), which reads it from Deployments the cluster sends.
// Input: `SELECTOR` or `SELECTOR\nLABELS` with LABELS as `k=v` pairs split by ',' or newlines.
// Invariants: the canonical form parses again to the same canonical form and the same matches;
// the simulator and the kiosk agree on which labels a (non-empty) selector matches, so the kiosk
// sees the same pods of a Deployment as the API server; LabelIndex selects exactly what
// selectedBy does, in the same order.
#include "k8s/label_selector.h"
#include "sim/label_selector.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

namespace {

using kiosk::sim::LabelSelector;

QJsonObject labelsFrom(const QByteArray &text) {
    QJsonObject labels;
    for (QByteArray pair : text.split('\n').join(',').split(',')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        labels.insert(QString::fromUtf8(eq < 0 ? pair : pair.left(eq)),
                      eq < 0 ? QString() : QString::fromUtf8(pair.mid(eq + 1)));
    }
    return labels;
}

// The metav1.LabelSelector a Deployment would carry for the same requirements.
QJsonObject toMetav1(const LabelSelector &selector) {
    QJsonObject matchLabels;
    QJsonArray expressions;
    for (const auto &r : selector.requirements()) {
        QString op;
        QStringList values = r.values;
        switch (r.op) {
        case LabelSelector::Op::Equals:
            if (!matchLabels.contains(r.key)) {
                matchLabels.insert(r.key, r.values.value(0));
                continue;
            }
            op = QStringLiteral("In");
            break;
        case LabelSelector::Op::NotEquals:
            op = QStringLiteral("NotIn");
            break;
        case LabelSelector::Op::In:
            op = QStringLiteral("In");
            break;
        case LabelSelector::Op::NotIn:
            op = QStringLiteral("NotIn");
            break;
        case LabelSelector::Op::Exists:
            op = QStringLiteral("Exists");
            values.clear();
            break;
        case LabelSelector::Op::DoesNotExist:
            op = QStringLiteral("DoesNotExist");
            values.clear();
            break;
        }
        expressions.append(
            QJsonObject{{QStringLiteral("key"), r.key},
                        {QStringLiteral("operator"), op},
                        {QStringLiteral("values"), QJsonArray::fromStringList(values)}});
    }
    QJsonObject json;
    if (!matchLabels.isEmpty())
        json.insert(QStringLiteral("matchLabels"), matchLabels);
    if (!expressions.isEmpty())
        json.insert(QStringLiteral("matchExpressions"), expressions);
    return json;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 4096)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QString text = QString::fromUtf8(newline < 0 ? input : input.left(newline));

    QString error;
    const auto selector = LabelSelector::parse(text, &error);
    if (!selector) {
        if (error.isEmpty())
            __builtin_trap(); // a refusal says why
        return 0;
    }
    const QString canonical = selector->toString();
    const auto again = LabelSelector::parse(canonical, &error);
    if (!again || again->toString() != canonical)
        __builtin_trap(); // the canonical form does not parse back to itself

    // Label sets: the input's own, none, and ones built to meet (or just miss) each requirement.
    QList<QJsonObject> labelSets{newline < 0 ? QJsonObject() : labelsFrom(input.mid(newline + 1)),
                                 QJsonObject()};
    QJsonObject first, other;
    for (const auto &r : selector->requirements()) {
        first.insert(r.key, r.values.value(0));
        other.insert(r.key, r.values.value(1, QStringLiteral("other")));
        QJsonObject one = labelSets.constFirst();
        one.insert(r.key, r.values.value(0));
        labelSets << one;
    }
    labelSets << first << other;

    const QJsonObject metav1 = toMetav1(*selector);
    const QJsonObject workload{
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("selector"), metav1}}}};
    QList<QJsonObject> objects;
    for (const QJsonObject &labels : std::as_const(labelSets)) {
        const bool matches = selector->matches(labels);
        if (again->matches(labels) != matches)
            __builtin_trap(); // the canonical form selects something else
        // An empty selector selects everything in a list call but nothing for a Deployment.
        if (!selector->isEmpty() && kiosk::k8s::selectorMatches(metav1, labels) != matches)
            __builtin_trap(); // the kiosk and the simulator disagree on a match
        objects << QJsonObject{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}}};
    }
    if (kiosk::k8s::LabelIndex(objects).selectedBy(workload) !=
        kiosk::k8s::selectedBy(workload, objects))
        __builtin_trap(); // the index selects other objects than a plain scan
    return 0;
}
