#include "destinationfiltermodel.h"

#include "destinations/destinationcataloguemodel.h"

#include <algorithm>

DestinationFilterModel::DestinationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void DestinationFilterModel::setFilterText(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified == m_text)
        return;
    m_text = simplified;
    invalidateFilter();
}

void DestinationFilterModel::setCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    invalidateFilter();
}

bool DestinationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_category.isEmpty() && index.data(DestinationCatalogueModel::CategoryRole).toString() != m_category)
        return false;
    if (m_text.isEmpty())
        return true;
    // Every word must appear in one of the searchable texts: "azure lake" finds Data Lake Storage.
    const QString haystack = index.data(Qt::DisplayRole).toString() + u'\n' +
                             index.data(DestinationCatalogueModel::DescriptionRole).toString() + u'\n' +
                             index.data(DestinationCatalogueModel::CategoryNameRole).toString();
    const QStringList words = m_text.split(u' ', Qt::SkipEmptyParts);
    return std::all_of(words.cbegin(), words.cend(), [&haystack](const QString &word) {
        return haystack.contains(word, Qt::CaseInsensitive);
    });
}
