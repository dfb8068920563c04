#pragma once

#include "firinglog.h"
#include "flow.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

class Clock;
class FlowsService;

// The flows of this installation for the Power Automate pane: one row per flow, by id (the order they were
// created in), with when each last fired and how often in the last 24 hours.
//
//   FlowsService --reload()--> rows, updated in place: rows of flows that are gone are removed,
//                                            new flows are inserted, the others emit dataChanged (never a
//                                            reset, so the view keeps its selection and scroll position)
//   Connector::firingsRecorded --noteFirings()--> "Last fired" and "Last 24 h" of the flows that fired
//
// The Enabled column is checkable: unchecking it disables the flow through the service (setData), which
// tells the connector worker (FlowsService::flowsChanged).
class FlowListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        TriggerColumn,
        SubjectColumn,
        EnabledColumn,
        LastFiredColumn,
        FiringsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        FlowIdRole = Qt::UserRole, // qint64
        EnabledRole,               // bool
        LastFiredRole,             // QDateTime (UTC), invalid when it never fired
        FiringsLast24hRole,        // int
    };

    // `flows` and `clock` must outlive the model.
    FlowListModel(FlowsService &flows, const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Flow &flowAt(int row) const { return m_rows.at(row).flow; }
    int rowOf(qint64 flowId) const; // -1 when not listed

    // Reads the flows and their statistics again. False (and errorString()) when the store failed; the rows
    // shown stay as they were then.
    bool reload();
    QString errorString() const { return m_error; }

public slots:
    void noteFirings(const QList<Firing> &firings);

private:
    struct Row
    {
        Flow flow;
        QDateTime lastFired;
        int firings24h = 0;
    };

    bool readStatistics(Row &row);

    FlowsService &m_flows;
    const Clock &m_clock;
    QList<Row> m_rows;
    QString m_error;
};
