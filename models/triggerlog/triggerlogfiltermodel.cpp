#include "triggerlogfiltermodel.h"

#include "clock.h"
#include "triggerlogmodel.h"

QDateTime TriggerLogFilter::from(const QDateTime &now) const
{
    switch (range) {
    case Range::All:
        return {};
    case Range::LastHour:
        return now.addSecs(-3600);
    case Range::Last24Hours:
        return now.addDays(-1);
    case Range::Last7Days:
        return now.addDays(-7);
    case Range::Last28Days:
        return now.addDays(-28);
    case Range::Custom:
        return customFrom;
    }
    return {};
}

QDateTime TriggerLogFilter::to(const QDateTime &) const
{
    return range == Range::Custom ? customTo : QDateTime();
}

QStringList TriggerLogFilter::textWords() const
{
    return text.split(u' ', Qt::SkipEmptyParts);
}

bool TriggerLogFilter::isActive() const
{
    return flowId || trigger || status || range != Range::All || !textWords().isEmpty();
}

bool TriggerLogFilter::matches(const TriggerLogRecord &record, TriggerLogRecord::Status recordStatus,
                               const QDateTime &now, const QStringList &words) const
{
    if (flowId && record.flowId != *flowId)
        return false;
    if (trigger && record.trigger != *trigger)
        return false;
    if (status) {
        // "Running" covers the firings still in progress, whatever their step does right now.
        const auto inProgress = [](TriggerLogRecord::Status s) {
            return s == TriggerLogRecord::Status::Running || s == TriggerLogRecord::Status::Retrying ||
                   s == TriggerLogRecord::Status::Pending;
        };
        if (*status == TriggerLogRecord::Status::Running ? !inProgress(recordStatus)
                                                         : recordStatus != *status)
            return false;
    }
    if (const QDateTime start = from(now); start.isValid() && record.detectedAt < start)
        return false;
    if (const QDateTime end = to(now); end.isValid() && record.detectedAt > end)
        return false;
    if (words.isEmpty())
        return true;
    const QString payload = record.payloadText();
    const QString triggerName = Trigger::displayName(record.trigger);
    for (const QString &word : words) {
        if (!record.subject.contains(word, Qt::CaseInsensitive) &&
            !payload.contains(word, Qt::CaseInsensitive) &&
            !record.errors.contains(word, Qt::CaseInsensitive) &&
            !record.flowName.contains(word, Qt::CaseInsensitive) &&
            !triggerName.contains(word, Qt::CaseInsensitive) &&
            !record.jobId.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

TriggerLogFilterModel::TriggerLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_clock(&Clock::system())
{
    m_now = m_clock->now();
}

void TriggerLogFilterModel::setClock(const Clock &clock)
{
    m_clock = &clock;
    refresh();
}

QDateTime TriggerLogFilterModel::now() const
{
    return m_clock->now();
}

void TriggerLogFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<TriggerLogModel *>(model);
    Q_ASSERT(m_model || !model);
    QSortFilterProxyModel::setSourceModel(model);
}

void TriggerLogFilterModel::setFilter(const TriggerLogFilter &filter)
{
    if (filter == m_filter)
        return;
    apply(filter);
}

void TriggerLogFilterModel::apply(const TriggerLogFilter &filter)
{
    m_filter = filter;
    m_words = m_filter.textWords();
    m_now = m_clock->now();
    invalidateRowsFilter();
    emit filterChanged();
}

void TriggerLogFilterModel::setFlowId(std::optional<qint64> flowId)
{
    TriggerLogFilter filter = m_filter;
    filter.flowId = flowId;
    setFilter(filter);
}

void TriggerLogFilterModel::setTrigger(std::optional<TriggerKind> trigger)
{
    TriggerLogFilter filter = m_filter;
    filter.trigger = trigger;
    setFilter(filter);
}

void TriggerLogFilterModel::setStatus(std::optional<TriggerLogRecord::Status> status)
{
    TriggerLogFilter filter = m_filter;
    filter.status = status;
    setFilter(filter);
}

void TriggerLogFilterModel::setRange(TriggerLogFilter::Range range)
{
    TriggerLogFilter filter = m_filter;
    filter.range = range;
    setFilter(filter);
}

void TriggerLogFilterModel::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    TriggerLogFilter filter = m_filter;
    filter.range = TriggerLogFilter::Range::Custom;
    filter.customFrom = from;
    filter.customTo = to;
    setFilter(filter);
}

void TriggerLogFilterModel::setSearchText(const QString &text)
{
    TriggerLogFilter filter = m_filter;
    filter.text = text.trimmed();
    setFilter(filter);
}

void TriggerLogFilterModel::clearFilters()
{
    setFilter(TriggerLogFilter());
}

void TriggerLogFilterModel::refresh()
{
    if (m_filter.range == TriggerLogFilter::Range::All || m_filter.range == TriggerLogFilter::Range::Custom) {
        m_now = m_clock->now();
        return;
    }
    apply(m_filter);
}

bool TriggerLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    return m_filter.matches(m_model->record(sourceRow), m_model->status(sourceRow), m_now, m_words);
}
