#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

// The export destinations this app has configured (the "My export destinations" tab).
class MyDestinationsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        StatusColumn,
        CreatedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum class Status
    {
        Ready,
        NeedsSignIn,
        Error
    };
    Q_ENUM(Status)

    enum Role
    {
        StatusRole = Qt::UserRole + 1
    };
    Q_ENUM(Role)

    struct Destination
    {
        QString name;
        QString typeName; // the catalogue's name of the destination ("Power Automate")
        Status status = Status::Ready;
        QDateTime created;
    };

    explicit MyDestinationsModel(QObject *parent = nullptr);

    void setDestinations(const QList<Destination> &destinations);
    static QString statusText(Status status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Destination> m_destinations;
};
