#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace kiosk::ui {

// A list model of rows keyed by one field (a name), whose fields are the roles QML reads.
// setRows() applies the difference: changed rows get dataChanged, new ones are inserted and
// gone ones removed, so a view keeps its scroll position and delegates while data streams in.
class RowListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Rows come from a controller")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    RowListModel(QStringList roleNames, QString keyRole, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    void setRows(const QList<QVariantMap> &rows);
    // Replaces one row in place (same key), telling views only the roles that changed.
    void setRow(int index, const QVariantMap &row);
    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE int indexOf(const QString &key) const;

signals:
    void countChanged();

private:
    QString keyAt(qsizetype row) const { return m_rows.at(row).value(m_keyRole).toString(); }

    QStringList m_roles;
    QString m_keyRole;
    QList<QVariantMap> m_rows;
    // Row by key for indexOf(), made again on the first look after rows moved, came or went:
    // a watch event finds its row among thousands without walking them.
    mutable QHash<QString, int> m_rowOfKey;
    mutable bool m_rowOfKeyValid = false;
};

} // namespace kiosk::ui
