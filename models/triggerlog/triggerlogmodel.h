#pragma once

#include "triggerlogrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <deque>

class FiringLog;

// The trigger log, newest first (detectedAt, then id, descending), over the firing log of the store.
//
//   store ──fetchMore (keyset pages of pageSize)──> rows [0 .. rowCount)  <── insertFirings (live, at the
//   top)
//                                                        │
//                                 bounded: at most maxRows rows; live rows push the oldest out at the bottom
//
// Paging: the first page loads at once; canFetchMore()/fetchMore() read the next page just older than the
// last row (FiringLog::olderThan), so scrolling stays fast however deep the log is. Memory stays bounded:
// the model keeps at most maxRows() rows (default 100,000, about 50 MB); past it canFetchMore() is false
// and isCapped() says older firings exist that are not loaded (choose a time range with setDetectedRange()
// to reach them). Live firings (insertFirings) are coalesced for a short moment and inserted at the top
// with one beginInsertRows; when that exceeds maxRows the oldest rows leave at the bottom
// (beginRemoveRows). A step run update (updateStepRun) emits dataChanged for the row's steps and status
// cells only.
class TriggerLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        FlowColumn,
        TriggerColumn,
        SubjectColumn,
        ValueColumn,
        StepsColumn,
        StatusColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        FiringIdRole = Qt::UserRole,
        FlowIdRole,
        FlowNameRole,
        TriggerKindRole, // int(TriggerKind)
        TriggerIdRole,   // "segmentThresholdCrossed", ...
        TriggerNameRole, // translated
        SubjectRole,
        ValueRole, // double, or invalid
        PreviousValueRole,
        ThresholdRole,
        JobIdRole,
        StatusRole,       // int(TriggerLogRecord::Status)
        StatusTextRole,   // translated
        StepsSummaryRole, // "2/2 ✓"
        StepsTotalRole,
        StepsSucceededRole,
        OccurredAtRole, // QDateTime (UTC), invalid when unknown
        DetectedAtRole,
        CaughtUpRole,
        TestRole,
        PayloadRole,     // QJsonObject
        PayloadTextRole, // compact JSON
        ErrorTextRole,   // failed attempts' details
    };
    Q_ENUM(Role)

    static constexpr int kDefaultPageSize = 200;
    static constexpr int kDefaultMaxRows = 100'000;

    // `log` must outlive the model. The first page loads at once.
    explicit TriggerLogModel(FiringLog &log, QObject *parent = nullptr);
    ~TriggerLogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows);
    int maxRows() const { return m_maxRows; }
    void setMaxRows(int rows); // drops rows at the bottom when there are more
    // True when older firings exist in the store that the model does not hold because of maxRows().
    bool isCapped() const { return m_capped; }

    // Only firings detected in [from, to] (an invalid bound is open). Reloads from the store.
    void setDetectedRange(const QDateTime &from, const QDateTime &to);
    QDateTime detectedFrom() const { return m_from; }
    QDateTime detectedTo() const { return m_to; }

    // The number of steps of each flow (FlowStore), for "1/2" and the Pending/Running/Succeeded status;
    // a flow not listed (deleted) counts the steps that ran.
    void setStepCounts(const QHash<qint64, int> &stepCounts);
    int stepCount(qint64 flowId) const { return m_stepCounts.value(flowId, -1); }

    const TriggerLogRecord &record(int row) const;
    TriggerLogRecord::Status status(int row) const;
    int rowOf(const QString &firingId) const; // -1 when not loaded
    QList<StepRun> stepRuns(int row) const;   // every attempt, read from the store

    // The coalescing delay of live inserts (default 100 ms).
    void setCoalescingInterval(int ms) { m_flushTimer.setInterval(ms); }
    bool hasPendingInserts() const { return !m_pending.isEmpty(); }

    static QString timeText(const QDateTime &time); // local time, "yyyy-MM-dd HH:mm:ss"
    static QString valueText(const TriggerLogRecord &record);
    static QString stepsText(const TriggerLogRecord &record, int stepCount);
    static QString triggerText(const TriggerLogRecord &record); // the trigger's name, "caught up", "test"

public slots:
    // Firings the worker just committed (Connector::firingsRecorded, connected here directly). They appear at
    // the top after the coalescing interval; ids already shown are skipped.
    void insertFirings(const QList<Firing> &firings);
    // Inserts the coalesced live firings now.
    void flushPendingInserts();
    // A step run the runner just recorded (StepRunner::stepRunUpdated).
    void updateStepRun(const StepRun &run);
    // Reads the log again from the top (after a clear, or a prune of many rows).
    void reload();
    // Removes the loaded rows detected before `cutoff` (after FiringLog::prune()).
    void removeOlderThan(const QDateTime &cutoff);

signals:
    // Live rows were inserted at the top (rows 0 .. count - 1).
    void liveRowsInserted(int count);
    // An attempt of a step failed (for notifications). `flowName` is empty when the firing is unknown.
    void stepFailed(const QString &firingId, const QString &flowName, int stepIndex, const QString &detail);
    void cappedChanged(bool capped);

private:
    struct Row
    {
        TriggerLogRecord record;
        qint64 seq; // row = seq - m_rows.front().seq
    };

    QList<Firing> readPage() const;
    TriggerLogRecord makeRecord(const Firing &firing);
    void appendRows(const QList<Firing> &page, bool notify);
    void trimBottom(int rows);
    void setCapped(bool capped);
    QString intern(const QString &text);

    FiringLog &m_log;
    std::deque<Row> m_rows;
    QHash<QString, Row *> m_byId;    // deque keeps references stable when growing or shrinking at its ends
    QHash<QString, QString> m_names; // interned flow names and subjects: one copy per distinct text
    QHash<qint64, int> m_stepCounts;
    QList<Firing> m_pending;
    QTimer m_flushTimer;
    QDateTime m_from, m_to;
    int m_pageSize = kDefaultPageSize;
    int m_maxRows = kDefaultMaxRows;
    bool m_atEnd = false;
    bool m_capped = false;
    bool m_changing = false; // between begin...() and the end of end...()
};
