#include "mydestinationsmodel.h"

#include <QLocale>

MyDestinationsModel::MyDestinationsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MyDestinationsModel::setDestinations(const QList<Destination> &destinations)
{
    beginResetModel();
    m_destinations = destinations;
    endResetModel();
}

QString MyDestinationsModel::statusText(Status status)
{
    switch (status) {
    case Status::Ready:
        return tr("Ready");
    case Status::NeedsSignIn:
        return tr("Sign-in needed");
    case Status::Error:
        return tr("Error");
    }
    return {};
}

int MyDestinationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_destinations.size());
}

int MyDestinationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MyDestinationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Destination &d = m_destinations.at(index.row());
    if (role == StatusRole)
        return QVariant::fromValue(d.status);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case NameColumn:
        return d.name;
    case TypeColumn:
        return d.typeName;
    case StatusColumn:
        return statusText(d.status);
    case CreatedColumn:
        return role == Qt::ToolTipRole ? QLocale().toString(d.created, QLocale::LongFormat)
                                       : QLocale().toString(d.created, QLocale::ShortFormat);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MyDestinationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}
