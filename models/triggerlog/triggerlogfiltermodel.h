#pragma once

#include "triggerlogrecord.h"

#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

class Clock;
class TriggerLogModel;

// What the trigger log shows: a flow, a trigger, a status, a time range and free text. A plain value, so the
// exporter applies exactly what the view shows.
struct TriggerLogFilter
{
    Q_GADGET

public:
    enum class Range
    {
        All,
        LastHour,
        Last24Hours,
        Last7Days,
        Last28Days,
        Custom, // customFrom .. customTo (an invalid bound is open)
    };
    Q_ENUM(Range)

    std::optional<qint64> flowId;
    std::optional<TriggerKind> trigger;
    std::optional<TriggerLogRecord::Status> status;
    Range range = Range::All;
    QDateTime customFrom, customTo;
    QString text; // every word must occur (any case) in the subject, payload, errors, flow or trigger name

    // The range's bounds at `now`; invalid = open.
    QDateTime from(const QDateTime &now) const;
    QDateTime to(const QDateTime &now) const;

    // `words` is textWords() (split once per filtering pass, not once per row).
    bool matches(const TriggerLogRecord &record, TriggerLogRecord::Status status, const QDateTime &now,
                 const QStringList &words) const;
    QStringList textWords() const;
    bool isActive() const;

    friend bool operator==(const TriggerLogFilter &, const TriggerLogFilter &) = default;
};

// Filters a TriggerLogModel (only). Relative ranges ("last hour") move with the clock: refresh() re-applies
// them (the pane calls it every minute).
class TriggerLogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TriggerLogFilterModel(QObject *parent = nullptr);
    // For tests: the clock the relative ranges are measured from (default Clock::system()); must outlive
    // the proxy.
    void setClock(const Clock &clock);
    QDateTime now() const;

    void setSourceModel(QAbstractItemModel *model) override; // a TriggerLogModel
    TriggerLogModel *logModel() const { return m_model; }

    const TriggerLogFilter &filter() const { return m_filter; }
    void setFilter(const TriggerLogFilter &filter);
    void setFlowId(std::optional<qint64> flowId);
    void setTrigger(std::optional<TriggerKind> trigger);
    void setStatus(std::optional<TriggerLogRecord::Status> status);
    void setRange(TriggerLogFilter::Range range);
    void setCustomRange(const QDateTime &from, const QDateTime &to);

public slots:
    void setSearchText(const QString &text);
    void refresh(); // re-applies the relative range to the current time
    void clearFilters();

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void apply(const TriggerLogFilter &filter);

    TriggerLogModel *m_model = nullptr;
    const Clock *m_clock;
    TriggerLogFilter m_filter;
    QStringList m_words;
    QDateTime m_now; // fixed for one filtering pass
};
