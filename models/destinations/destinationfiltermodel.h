#pragma once

#include <QSortFilterProxyModel>

// Filters the destination catalogue by free text (name, description, category) and by category.
class DestinationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit DestinationFilterModel(QObject *parent = nullptr);

    QString filterText() const { return m_text; }
    QString category() const { return m_category; }

public slots:
    void setFilterText(const QString &text);
    // An empty category shows every category.
    void setCategory(const QString &category);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_category;
};
