#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The rows of the Customer entity: generated from a fixed seed, so every run and every seed serves the
// same customers, keyed by CustomerId in ascending order. Segment membership is the first `count` rows of
// an order defined per segment (for example by TotalSpend, descending), so IsMemberOfSegment('X') always
// selects exactly the segment's current entityCount rows.
class CustomerTable
{
public:
    struct Column
    {
        QString name;
        QString type; // string, number, integer, boolean, date-time
    };

    CustomerTable(int count, const QStringList &stores, const QStringList &cities);

    int size() const { return int(m_rows.size()); }
    const QJsonObject &row(int index) const { return m_rows.at(index); }
    const QList<Column> &columns() const { return m_columns; }
    bool hasColumn(const QString &name) const;

    void defineSegment(const QString &segment, const QString &attribute, bool descending);
    bool hasSegment(const QString &segment) const { return m_ranks.contains(segment); }
    bool isMember(const QString &segment, int row, qint64 count) const;

private:
    QList<Column> m_columns;
    QList<QJsonObject> m_rows;
    QHash<QString, QList<int>> m_ranks; // segment -> rank of each row
};
