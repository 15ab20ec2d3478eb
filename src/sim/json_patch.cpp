#include "sim/json_patch.h"

#include <QJsonDocument>
#include <QStringList>

namespace kiosk::sim {

namespace {

// ---- JSON pointer -------------------------------------------------------------------------

std::optional<QStringList> parsePointer(const QString &pointer, QString *error) {
    if (pointer.isEmpty())
        return QStringList();
    if (!pointer.startsWith(QLatin1Char('/'))) {
        *error =
            QStringLiteral("JSON pointer must be empty or start with a \"/\": %1").arg(pointer);
        return std::nullopt;
    }
    QStringList tokens = pointer.mid(1).split(QLatin1Char('/'));
    for (QString &token : tokens)
        token = token.replace(QStringLiteral("~1"), QStringLiteral("/"))
                    .replace(QStringLiteral("~0"), QStringLiteral("~"));
    return tokens;
}

bool parseIndex(const QString &token, qsizetype size, bool allowEnd, qsizetype *index) {
    if (allowEnd && token == QLatin1String("-")) {
        *index = size;
        return true;
    }
    bool ok = false;
    const qlonglong value = token.toLongLong(&ok);
    if (!ok || value < 0 || (token.size() > 1 && token.startsWith(QLatin1Char('0'))))
        return false;
    if (value > size || (!allowEnd && value == size))
        return false;
    *index = static_cast<qsizetype>(value);
    return true;
}

std::optional<QJsonValue> getAt(const QJsonValue &root, const QStringList &tokens, QString *error) {
    QJsonValue current = root;
    for (const QString &token : tokens) {
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            if (!object.contains(token)) {
                *error = QStringLiteral("doc is missing key: %1").arg(token);
                return std::nullopt;
            }
            current = object.value(token);
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            qsizetype index = 0;
            if (!parseIndex(token, array.size(), false, &index)) {
                *error = QStringLiteral("unable to access invalid index: %1").arg(token);
                return std::nullopt;
            }
            current = array.at(index);
        } else {
            *error = QStringLiteral("doc is missing path: %1").arg(token);
            return std::nullopt;
        }
    }
    return current;
}

enum class Mode { Add, Replace, Remove };

// Applies one add/replace/remove at `tokens` inside `node`, returning the new node.
std::optional<QJsonValue> modifyAt(const QJsonValue &node, const QStringList &tokens,
                                   qsizetype depth, const QJsonValue &value, Mode mode,
                                   QString *error) {
    const QString &token = tokens.at(depth);
    const bool last = depth == tokens.size() - 1;
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (last) {
            if (mode != Mode::Add && !object.contains(token)) {
                *error = QStringLiteral("doc is missing key: %1").arg(token);
                return std::nullopt;
            }
            if (mode == Mode::Remove)
                object.remove(token);
            else
                object.insert(token, value);
            return QJsonValue(object);
        }
        if (!object.contains(token)) {
            *error = QStringLiteral("doc is missing path: %1").arg(token);
            return std::nullopt;
        }
        const auto child = modifyAt(object.value(token), tokens, depth + 1, value, mode, error);
        if (!child)
            return std::nullopt;
        object.insert(token, *child);
        return QJsonValue(object);
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        qsizetype index = 0;
        if (!parseIndex(token, array.size(), last && mode == Mode::Add, &index)) {
            *error = QStringLiteral("unable to access invalid index: %1").arg(token);
            return std::nullopt;
        }
        if (last) {
            if (mode == Mode::Add)
                array.insert(index, value);
            else if (mode == Mode::Replace)
                array.replace(index, value);
            else
                array.removeAt(index);
            return QJsonValue(array);
        }
        const auto child = modifyAt(array.at(index), tokens, depth + 1, value, mode, error);
        if (!child)
            return std::nullopt;
        array.replace(index, *child);
        return QJsonValue(array);
    }
    *error = QStringLiteral("doc is missing path: %1")
                 .arg(tokens.mid(0, depth + 1).join(QLatin1Char('/')));
    return std::nullopt;
}

std::optional<QJsonValue> apply(const QJsonValue &root, const QStringList &tokens,
                                const QJsonValue &value, Mode mode, QString *error) {
    if (tokens.isEmpty()) {
        if (mode == Mode::Remove) {
            *error = QStringLiteral("cannot remove the whole document");
            return std::nullopt;
        }
        return value;
    }
    return modifyAt(root, tokens, 0, value, mode, error);
}

// ---- strategic merge ----------------------------------------------------------------------

const QString kPatch = QStringLiteral("$patch");
const QString kRetainKeys = QStringLiteral("$retainKeys");
const QString kDeleteFromPrimitive = QStringLiteral("$deleteFromPrimitiveList/");
const QString kSetElementOrder = QStringLiteral("$setElementOrder/");

bool isPrimitiveMergeList(const QString &field) {
    return field == QLatin1String("finalizers");
}

QJsonObject stripDirectives(const QJsonObject &object) {
    QJsonObject result;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().startsWith(QLatin1Char('$')))
            continue;
        if (it.value().isObject())
            result.insert(it.key(), stripDirectives(it.value().toObject()));
        else if (it.value().isNull())
            continue;
        else
            result.insert(it.key(), it.value());
    }
    return result;
}

std::optional<QJsonValue> strategicMerge(const QJsonValue &original, const QJsonValue &patch,
                                         const QString &field, QString *error);

std::optional<QJsonArray> mergeList(const QJsonArray &original, const QJsonArray &patch,
                                    const QString &field, QString *error) {
    // A {"$patch": "replace"} element replaces the whole list with the other elements.
    for (const auto &item : patch) {
        if (item.isObject() &&
            item.toObject().value(kPatch).toString() == QLatin1String("replace")) {
            QJsonArray replaced;
            for (const auto &other : patch) {
                if (!(other.isObject() && other.toObject().contains(kPatch)))
                    replaced.append(other.isObject() ? QJsonValue(stripDirectives(other.toObject()))
                                                     : other);
            }
            return replaced;
        }
    }
    if (isPrimitiveMergeList(field)) {
        QJsonArray result = original;
        for (const auto &item : patch) {
            if (!result.contains(item))
                result.append(item);
        }
        return result;
    }
    QJsonObject sample;
    for (const auto &item : patch) {
        if (item.isObject()) {
            sample = item.toObject();
            break;
        }
    }
    const QString key = JsonPatch::mergeKeyFor(field, sample);
    if (key.isEmpty()) {
        QJsonArray replaced;
        for (const auto &item : patch)
            replaced.append(item.isObject() ? QJsonValue(stripDirectives(item.toObject())) : item);
        return replaced;
    }
    QJsonArray result = original;
    for (const auto &item : patch) {
        if (!item.isObject()) {
            *error =
                QStringLiteral("list %1 with merge key %2 holds a non-object item").arg(field, key);
            return std::nullopt;
        }
        const QJsonObject element = item.toObject();
        if (!element.contains(key)) {
            *error =
                QStringLiteral("map: %1 does not contain declared merge key: %2")
                    .arg(QString::fromUtf8(QJsonDocument(element).toJson(QJsonDocument::Compact)),
                         key);
            return std::nullopt;
        }
        const QJsonValue keyValue = element.value(key);
        // Only a scalar identifies an element: a null merge key is removed from the element
        // added and an object one has its directives applied, so the same patch applied again
        // would not find that element and would add it a second time.
        if (keyValue.isNull() || keyValue.isObject() || keyValue.isArray()) {
            *error = QStringLiteral("list %1: merge key %2 must be a string or a number")
                         .arg(field, key);
            return std::nullopt;
        }
        qsizetype found = -1;
        for (qsizetype i = 0; i < result.size(); ++i) {
            if (result.at(i).toObject().value(key) == keyValue) {
                found = i;
                break;
            }
        }
        const QString directive = element.value(kPatch).toString();
        if (directive == QLatin1String("delete")) {
            if (found >= 0)
                result.removeAt(found);
            continue;
        }
        if (found < 0) {
            // A new element is the patch applied to nothing: directives nested in its own lists
            // ($patch on an env entry, ...) apply or are refused as they would be on a match,
            // instead of being stored verbatim and refused on the next identical patch.
            const auto added = strategicMerge(QJsonObject(), element, field, error);
            if (!added)
                return std::nullopt;
            result.append(*added);
            continue;
        }
        const auto merged = strategicMerge(result.at(found), element, field, error);
        if (!merged)
            return std::nullopt;
        result.replace(found, *merged);
    }
    return result;
}

std::optional<QJsonValue> strategicMerge(const QJsonValue &original, const QJsonValue &patch,
                                         const QString &field, QString *error) {
    if (!patch.isObject())
        return patch;
    const QJsonObject patchObject = patch.toObject();
    const QString directive = patchObject.value(kPatch).toString();
    if (directive == QLatin1String("replace"))
        return QJsonValue(stripDirectives(patchObject));
    if (directive == QLatin1String("delete"))
        return QJsonValue(QJsonValue::Null);
    if (!directive.isEmpty()) {
        *error = QStringLiteral("Unknown patch type: %1 in map: %2").arg(directive, field);
        return std::nullopt;
    }
    QJsonObject result = original.isObject() ? original.toObject() : QJsonObject();
    if (patchObject.contains(kRetainKeys)) {
        QStringList keep;
        for (const auto &k : patchObject.value(kRetainKeys).toArray())
            keep.append(k.toString());
        for (const QString &k : result.keys()) {
            if (!keep.contains(k))
                result.remove(k);
        }
    }
    for (auto it = patchObject.begin(); it != patchObject.end(); ++it) {
        const QString &key = it.key();
        if (key == kRetainKeys || key.startsWith(kSetElementOrder))
            continue;
        if (key.startsWith(kDeleteFromPrimitive)) {
            const QString target = key.mid(kDeleteFromPrimitive.size());
            QJsonArray list = result.value(target).toArray();
            for (const auto &v : it.value().toArray()) {
                for (qsizetype i = list.size() - 1; i >= 0; --i) {
                    if (list.at(i) == v)
                        list.removeAt(i);
                }
            }
            result.insert(target, list);
            continue;
        }
        if (key.startsWith(QLatin1Char('$'))) {
            *error = QStringLiteral("unknown patch directive %1").arg(key);
            return std::nullopt;
        }
        const QJsonValue value = it.value();
        if (value.isNull()) {
            result.remove(key);
        } else if (value.isObject()) {
            const auto merged = strategicMerge(result.value(key), value, key, error);
            if (!merged)
                return std::nullopt;
            if (merged->isNull())
                result.remove(key);
            else
                result.insert(key, *merged);
        } else if (value.isArray()) {
            const auto merged = mergeList(result.value(key).toArray(), value.toArray(), key, error);
            if (!merged)
                return std::nullopt;
            result.insert(key, *merged);
        } else {
            result.insert(key, value);
        }
    }
    return QJsonValue(result);
}

} // namespace

QString JsonPatch::mergeKeyFor(const QString &field, const QJsonObject &sample) {
    if (field == QLatin1String("containers") || field == QLatin1String("initContainers") ||
        field == QLatin1String("ephemeralContainers") || field == QLatin1String("env") ||
        field == QLatin1String("volumes") || field == QLatin1String("imagePullSecrets") ||
        field == QLatin1String("resourceClaims"))
        return QStringLiteral("name");
    if (field == QLatin1String("volumeMounts"))
        return QStringLiteral("mountPath");
    if (field == QLatin1String("volumeDevices"))
        return QStringLiteral("devicePath");
    if (field == QLatin1String("conditions"))
        return QStringLiteral("type");
    if (field == QLatin1String("ownerReferences"))
        return QStringLiteral("uid");
    if (field == QLatin1String("hostAliases"))
        return QStringLiteral("ip");
    if (field == QLatin1String("ports"))
        return sample.contains(QStringLiteral("containerPort")) ? QStringLiteral("containerPort")
                                                                : QStringLiteral("port");
    return {};
}

std::optional<QJsonObject> JsonPatch::applyJsonPatch(const QJsonObject &document,
                                                     const QJsonArray &operations, QString *error) {
    QJsonValue root = document;
    for (const auto &entry : operations) {
        if (!entry.isObject()) {
            *error = QStringLiteral("every JSON patch operation must be an object");
            return std::nullopt;
        }
        const QJsonObject operation = entry.toObject();
        const QString op = operation.value(QStringLiteral("op")).toString();
        if (!operation.value(QStringLiteral("path")).isString()) {
            *error = QStringLiteral("operation %1 is missing path").arg(op);
            return std::nullopt;
        }
        const auto path = parsePointer(operation.value(QStringLiteral("path")).toString(), error);
        if (!path)
            return std::nullopt;
        std::optional<QJsonValue> next;
        const auto needValue = [&]() {
            if (!operation.contains(QStringLiteral("value"))) {
                *error = QStringLiteral("operation %1 is missing value").arg(op);
                return false;
            }
            return true;
        };
        if (op == QLatin1String("add")) {
            if (!needValue())
                return std::nullopt;
            next = apply(root, *path, operation.value(QStringLiteral("value")), Mode::Add, error);
        } else if (op == QLatin1String("replace")) {
            if (!needValue())
                return std::nullopt;
            next =
                apply(root, *path, operation.value(QStringLiteral("value")), Mode::Replace, error);
        } else if (op == QLatin1String("remove")) {
            next = apply(root, *path, {}, Mode::Remove, error);
        } else if (op == QLatin1String("test")) {
            if (!needValue())
                return std::nullopt;
            const auto current = getAt(root, *path, error);
            if (!current)
                return std::nullopt;
            if (*current != operation.value(QStringLiteral("value"))) {
                *error = QStringLiteral("testing value %1 failed")
                             .arg(operation.value(QStringLiteral("path")).toString());
                return std::nullopt;
            }
            next = root;
        } else if (op == QLatin1String("move") || op == QLatin1String("copy")) {
            const auto from =
                parsePointer(operation.value(QStringLiteral("from")).toString(), error);
            if (!from)
                return std::nullopt;
            const auto value = getAt(root, *from, error);
            if (!value)
                return std::nullopt;
            QJsonValue base = root;
            if (op == QLatin1String("move")) {
                const auto removed = apply(root, *from, {}, Mode::Remove, error);
                if (!removed)
                    return std::nullopt;
                base = *removed;
            }
            next = apply(base, *path, *value, Mode::Add, error);
        } else {
            *error = QStringLiteral("Unexpected kind: %1").arg(op);
            return std::nullopt;
        }
        if (!next)
            return std::nullopt;
        root = *next;
    }
    if (!root.isObject()) {
        *error = QStringLiteral("the patched document is not an object");
        return std::nullopt;
    }
    return root.toObject();
}

QJsonObject JsonPatch::applyMergePatch(const QJsonObject &document, const QJsonObject &patch) {
    QJsonObject result = document;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else if (it.value().isObject())
            result.insert(it.key(), applyMergePatch(result.value(it.key()).toObject(),
                                                    it.value().toObject()));
        else
            result.insert(it.key(), it.value());
    }
    return result;
}

std::optional<QJsonObject> JsonPatch::applyStrategicMergePatch(const QJsonObject &document,
                                                               const QJsonObject &patch,
                                                               QString *error) {
    const auto merged = strategicMerge(document, patch, QString(), error);
    if (!merged)
        return std::nullopt;
    return merged->toObject();
}

} // namespace kiosk::sim
