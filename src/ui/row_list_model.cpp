#include "ui/row_list_model.h"

#include <QHash>

namespace kiosk::ui {

RowListModel::RowListModel(QStringList roleNames, QString keyRole, QObject *parent)
    : QAbstractListModel(parent)
    , m_roles(std::move(roleNames))
    , m_keyRole(std::move(keyRole)) {
    Q_ASSERT(m_roles.contains(m_keyRole));
}

int RowListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RowListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int field = role - Qt::UserRole;
    if (field < 0 || field >= m_roles.size())
        return role == Qt::DisplayRole ? m_rows.at(index.row()).value(m_keyRole) : QVariant();
    return m_rows.at(index.row()).value(m_roles.at(field));
}

QHash<int, QByteArray> RowListModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + i, m_roles.at(i).toUtf8());
    return names;
}

QVariantMap RowListModel::get(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QVariantMap();
}

int RowListModel::indexOf(const QString &key) const {
    if (!m_rowOfKeyValid) {
        m_rowOfKey.clear();
        m_rowOfKey.reserve(m_rows.size());
        for (int i = int(m_rows.size()) - 1; i >= 0; --i)
            m_rowOfKey.insert(keyAt(i), i); // from the back: the first of equal keys wins
        m_rowOfKeyValid = true;
    }
    return m_rowOfKey.value(key, -1);
}

void RowListModel::setRow(int index, const QVariantMap &row) {
    if (index < 0 || index >= m_rows.size() ||
        row.value(m_keyRole) != m_rows.at(index).value(m_keyRole))
        return;
    QList<int> changed;
    for (qsizetype role = 0; role < m_roles.size(); ++role) {
        if (row.value(m_roles.at(role)) != m_rows.at(index).value(m_roles.at(role)))
            changed << Qt::UserRole + int(role);
    }
    if (changed.isEmpty())
        return;
    m_rows[index] = row;
    const QModelIndex at = this->index(index);
    emit dataChanged(at, at, changed);
}

void RowListModel::setRows(const QList<QVariantMap> &rows) {
    const qsizetype before = m_rows.size();
    QHash<QString, qsizetype> wanted;
    for (qsizetype i = 0; i < rows.size(); ++i)
        wanted.insert(rows.at(i).value(m_keyRole).toString(), i);

    // 1. Remove rows that are gone (from the back, in runs).
    for (qsizetype i = m_rows.size() - 1; i >= 0;) {
        if (wanted.contains(keyAt(i))) {
            --i;
            continue;
        }
        qsizetype first = i;
        while (first > 0 && !wanted.contains(keyAt(first - 1)))
            --first;
        beginRemoveRows({}, int(first), int(i));
        m_rows.remove(first, i - first + 1);
        m_rowOfKeyValid = false;
        endRemoveRows();
        i = first - 1;
    }
    // 2. Walk the wanted order: update in place, move or insert.
    for (qsizetype target = 0; target < rows.size(); ++target) {
        const QVariantMap &row = rows.at(target);
        const QString key = row.value(m_keyRole).toString();
        qsizetype current = -1;
        for (qsizetype j = target; j < m_rows.size(); ++j) {
            if (keyAt(j) == key) {
                current = j;
                break;
            }
        }
        if (current < 0) {
            beginInsertRows({}, int(target), int(target));
            m_rows.insert(target, row);
            m_rowOfKeyValid = false;
            endInsertRows();
            continue;
        }
        if (current != target) {
            beginMoveRows({}, int(current), int(current), {}, int(target));
            m_rows.move(current, target);
            m_rowOfKeyValid = false;
            endMoveRows();
        }
        if (m_rows.at(target) != row) {
            m_rows[target] = row;
            const QModelIndex index = this->index(int(target));
            emit dataChanged(index, index);
        }
    }
    if (before != m_rows.size())
        emit countChanged();
}

} // namespace kiosk::ui
