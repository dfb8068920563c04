#include "triggerlogmodel.h"

#include "plaintooltip.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace {

bool newerFirst(const Firing &a, const Firing &b)
{
    if (a.detectedAt != b.detectedAt)
        return a.detectedAt > b.detectedAt;
    return a.id > b.id;
}

QString numberText(double value)
{
    return QLocale().toString(value, 'f', QLocale::FloatingPointShortest);
}

// Marks a change in progress, from begin...() until after the end...() signal.
class ChangeGuard
{
public:
    explicit ChangeGuard(bool &flag)
        : m_flag(flag)
        , m_previous(flag)
    {
        m_flag = true;
    }
    ~ChangeGuard() { m_flag = m_previous; }
    ChangeGuard(const ChangeGuard &) = delete;
    ChangeGuard &operator=(const ChangeGuard &) = delete;

private:
    bool &m_flag;
    bool m_previous;
};

} // namespace

TriggerLogModel::TriggerLogModel(FiringLog &log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &TriggerLogModel::flushPendingInserts);
    appendRows(readPage(), false);
}

TriggerLogModel::~TriggerLogModel() = default;

int TriggerLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TriggerLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const TriggerLogRecord &TriggerLogModel::record(int row) const
{
    return m_rows[std::size_t(row)].record;
}

TriggerLogRecord::Status TriggerLogModel::status(int row) const
{
    const TriggerLogRecord &r = record(row);
    return r.status(stepCount(r.flowId));
}

int TriggerLogModel::rowOf(const QString &firingId) const
{
    const Row *row = m_byId.value(firingId);
    return row ? int(row->seq - m_rows.front().seq) : -1;
}

QList<StepRun> TriggerLogModel::stepRuns(int row) const
{
    return m_log.stepRuns(record(row).id);
}

QString TriggerLogModel::timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString TriggerLogModel::valueText(const TriggerLogRecord &record)
{
    if (!record.value && !record.threshold)
        return QString();
    const QString value = record.value ? numberText(*record.value) : QStringLiteral("—");
    return record.threshold ? tr("%1 / %2").arg(value, numberText(*record.threshold)) : value;
}

QString TriggerLogModel::stepsText(const TriggerLogRecord &record, int stepCount)
{
    const int total = record.totalSteps(stepCount);
    if (total <= 0)
        return QStringLiteral("—");
    QString mark;
    switch (record.status(stepCount)) {
    case TriggerLogRecord::Status::Succeeded:
        mark = QStringLiteral(" ✓");
        break;
    case TriggerLogRecord::Status::Failed:
        mark = QStringLiteral(" ✗");
        break;
    case TriggerLogRecord::Status::Running:
    case TriggerLogRecord::Status::Retrying:
        mark = QStringLiteral(" …");
        break;
    case TriggerLogRecord::Status::Pending:
    case TriggerLogRecord::Status::NoSteps:
        break;
    }
    return QString::number(record.succeededSteps()) + u'/' + QString::number(total) + mark;
}

QString TriggerLogModel::triggerText(const TriggerLogRecord &record)
{
    QString text = Trigger::displayName(record.trigger);
    if (record.caughtUp)
        text = tr("%1 · caught up").arg(text);
    if (record.test)
        text = tr("%1 · test").arg(text);
    return text;
}

QVariant TriggerLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TriggerLogRecord &r = record(index.row());
    const int steps = stepCount(r.flowId);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return timeText(r.detectedAt);
        case FlowColumn:
            return r.flowName;
        case TriggerColumn:
            return triggerText(r);
        case SubjectColumn:
            return r.subject.isEmpty() ? QStringLiteral("—") : r.subject;
        case ValueColumn:
            return valueText(r);
        case StepsColumn:
            return stepsText(r, steps);
        case StatusColumn:
            return TriggerLogRecord::statusText(r.status(steps));
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case TimeColumn: {
            QString tip = tr("Detected %1").arg(timeText(r.detectedAt));
            if (r.occurredAt.isValid())
                tip += u'\n' + tr("Occurred %1").arg(timeText(r.occurredAt));
            if (r.caughtUp)
                tip += u'\n' + tr("Found by catch-up after the connector was away");
            return tip;
        }
        case StepsColumn:
        case StatusColumn:
            return r.errors.isEmpty() ? TriggerLogRecord::statusText(r.status(steps))
                                      : plainToolTip(r.errors);
        default:
            return plainToolTip(data(index, Qt::DisplayRole).toString());
        }
    case FiringIdRole:
        return r.id;
    case FlowIdRole:
        return r.flowId;
    case FlowNameRole:
        return r.flowName;
    case TriggerKindRole:
        return int(r.trigger);
    case TriggerIdRole:
        return Trigger::id(r.trigger);
    case TriggerNameRole:
        return Trigger::displayName(r.trigger);
    case SubjectRole:
        return r.subject;
    case ValueRole:
        return r.value ? QVariant(*r.value) : QVariant();
    case PreviousValueRole:
        return r.previousValue ? QVariant(*r.previousValue) : QVariant();
    case ThresholdRole:
        return r.threshold ? QVariant(*r.threshold) : QVariant();
    case JobIdRole:
        return r.jobId;
    case StatusRole:
        return int(r.status(steps));
    case StatusTextRole:
        return TriggerLogRecord::statusText(r.status(steps));
    case StepsSummaryRole:
        return stepsText(r, steps);
    case StepsTotalRole:
        return r.totalSteps(steps);
    case StepsSucceededRole:
        return r.succeededSteps();
    case OccurredAtRole:
        return r.occurredAt;
    case DetectedAtRole:
        return r.detectedAt;
    case CaughtUpRole:
        return r.caughtUp;
    case TestRole:
        return r.test;
    case PayloadRole:
        return r.payloadObject();
    case PayloadTextRole:
        return r.payloadText();
    case ErrorTextRole:
        return r.errors;
    default:
        return {};
    }
}

QVariant TriggerLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case FlowColumn:
        return tr("Flow");
    case TriggerColumn:
        return tr("Trigger");
    case SubjectColumn:
        return tr("Subject");
    case ValueColumn:
        return tr("Value / threshold");
    case StepsColumn:
        return tr("Steps");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> TriggerLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(FiringIdRole, "firingId");
    names.insert(FlowIdRole, "flowId");
    names.insert(FlowNameRole, "flowName");
    names.insert(TriggerKindRole, "triggerKind");
    names.insert(TriggerIdRole, "triggerId");
    names.insert(TriggerNameRole, "triggerName");
    names.insert(SubjectRole, "subject");
    names.insert(ValueRole, "value");
    names.insert(PreviousValueRole, "previousValue");
    names.insert(ThresholdRole, "threshold");
    names.insert(JobIdRole, "jobId");
    names.insert(StatusRole, "status");
    names.insert(StatusTextRole, "statusText");
    names.insert(StepsSummaryRole, "stepsSummary");
    names.insert(StepsTotalRole, "stepsTotal");
    names.insert(StepsSucceededRole, "stepsSucceeded");
    names.insert(OccurredAtRole, "occurredAt");
    names.insert(DetectedAtRole, "detectedAt");
    names.insert(CaughtUpRole, "caughtUp");
    names.insert(TestRole, "test");
    names.insert(PayloadRole, "payload");
    names.insert(PayloadTextRole, "payloadText");
    names.insert(ErrorTextRole, "errorText");
    return names;
}

bool TriggerLogModel::canFetchMore(const QModelIndex &parent) const
{
    // Not from a slot of our own change notification (a view or tester reacting to rowsInserted).
    return !parent.isValid() && !m_changing && !m_atEnd && int(m_rows.size()) < m_maxRows;
}

void TriggerLogModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        appendRows(readPage(), true);
}

void TriggerLogModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
}

void TriggerLogModel::setMaxRows(int rows)
{
    m_maxRows = qMax(1, rows);
    if (int(m_rows.size()) > m_maxRows)
        trimBottom(int(m_rows.size()) - m_maxRows);
}

void TriggerLogModel::setDetectedRange(const QDateTime &from, const QDateTime &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    reload();
}

void TriggerLogModel::setStepCounts(const QHash<qint64, int> &stepCounts)
{
    if (stepCounts == m_stepCounts)
        return;
    m_stepCounts = stepCounts;
    if (!m_rows.empty())
        emit dataChanged(index(0, StepsColumn), index(rowCount() - 1, StatusColumn));
}

QString TriggerLogModel::intern(const QString &text)
{
    const auto it = m_names.constFind(text);
    if (it != m_names.constEnd())
        return *it;
    if (m_names.size() > 10'000) // many distinct subjects: stop growing the table
        return text;
    m_names.insert(text, text);
    return text;
}

TriggerLogRecord TriggerLogModel::makeRecord(const Firing &firing)
{
    TriggerLogRecord record = TriggerLogRecord::fromFiring(firing, m_log.stepRuns(firing.id));
    record.flowName = intern(record.flowName);
    record.subject = intern(record.subject);
    return record;
}

QList<Firing> TriggerLogModel::readPage() const
{
    QList<Firing> page;
    if (!m_rows.empty()) {
        const TriggerLogRecord &last = m_rows.back().record;
        page = m_log.olderThan(last.detectedAt, last.id, m_pageSize);
    } else if (m_to.isValid()) {
        // Everything detected at or before `to`: (detectedAt, id) < (to + 1 ms, "").
        page = m_log.olderThan(m_to.addMSecs(1), QStringLiteral(""), m_pageSize);
    } else {
        page = m_log.page(0, m_pageSize);
    }
    return page;
}

void TriggerLogModel::appendRows(const QList<Firing> &page, bool notify)
{
    bool end = page.size() < m_pageSize;
    qsizetype take = page.size();
    if (m_from.isValid()) {
        const auto older = std::find_if(page.cbegin(), page.cend(),
                                        [this](const Firing &f) { return f.detectedAt < m_from; });
        if (older != page.cend()) {
            take = older - page.cbegin();
            end = true;
        }
    }
    const int room = m_maxRows - int(m_rows.size());
    bool capped = false;
    if (take > room) {
        take = room;
        capped = true;
    }
    m_atEnd = end && !capped;
    QList<Row> rows;
    rows.reserve(take);
    qint64 seq = m_rows.empty() ? 0 : m_rows.back().seq + 1;
    for (qsizetype i = 0; i < take; ++i) {
        const Firing &firing = page.at(i);
        // A live row with a clock older than the page: it is shown already.
        if (!m_byId.contains(firing.id))
            rows.append(Row{makeRecord(firing), seq++});
    }
    if (!rows.isEmpty()) {
        const int first = int(m_rows.size());
        const ChangeGuard guard(m_changing);
        if (notify)
            beginInsertRows({}, first, first + int(rows.size()) - 1);
        for (Row &row : rows) {
            m_rows.push_back(std::move(row));
            m_byId.insert(m_rows.back().record.id, &m_rows.back());
        }
        if (notify)
            endInsertRows();
    }
    if (capped || (int(m_rows.size()) >= m_maxRows && !m_atEnd))
        setCapped(true);
}

void TriggerLogModel::trimBottom(int rows)
{
    rows = qMin(rows, int(m_rows.size()));
    if (rows <= 0)
        return;
    const int count = int(m_rows.size());
    const ChangeGuard guard(m_changing);
    beginRemoveRows({}, count - rows, count - 1);
    for (int i = 0; i < rows; ++i) {
        m_byId.remove(m_rows.back().record.id);
        m_rows.pop_back();
    }
    endRemoveRows();
    m_atEnd = false;
    setCapped(true);
}

void TriggerLogModel::setCapped(bool capped)
{
    if (capped == m_capped)
        return;
    m_capped = capped;
    emit cappedChanged(capped);
}

void TriggerLogModel::insertFirings(const QList<Firing> &firings)
{
    if (firings.isEmpty())
        return;
    m_pending += firings;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TriggerLogModel::flushPendingInserts()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    QList<Firing> batch;
    batch.swap(m_pending);
    std::sort(batch.begin(), batch.end(), newerFirst);
    QSet<QString> seen;
    QList<Firing> fresh;
    fresh.reserve(batch.size());
    for (const Firing &firing : std::as_const(batch)) {
        if (m_byId.contains(firing.id) || seen.contains(firing.id))
            continue;
        if ((m_to.isValid() && firing.detectedAt > m_to) || (m_from.isValid() && firing.detectedAt < m_from))
            continue;
        seen.insert(firing.id);
        fresh.append(firing);
    }
    if (fresh.isEmpty())
        return;
    const int count = int(fresh.size());
    const ChangeGuard guard(m_changing);
    beginInsertRows({}, 0, count - 1);
    qint64 seq = m_rows.empty() ? 0 : m_rows.front().seq;
    // The oldest of the batch goes in first, so that the newest ends up on top.
    for (auto it = fresh.crbegin(); it != fresh.crend(); ++it) {
        m_rows.push_front(Row{makeRecord(*it), --seq});
        m_byId.insert(it->id, &m_rows.front());
    }
    endInsertRows();
    emit liveRowsInserted(count);
    if (int(m_rows.size()) > m_maxRows)
        trimBottom(int(m_rows.size()) - m_maxRows);
}

void TriggerLogModel::updateStepRun(const StepRun &run)
{
    Row *row = m_byId.value(run.firingId);
    QString flowName;
    if (row) {
        flowName = row->record.flowName;
        if (row->record.apply(run)) {
            const int r = int(row->seq - m_rows.front().seq);
            emit dataChanged(index(r, StepsColumn), index(r, StatusColumn),
                             {Qt::DisplayRole, Qt::ToolTipRole, StatusRole, StatusTextRole, StepsSummaryRole,
                              StepsTotalRole, StepsSucceededRole, ErrorTextRole});
        }
    } else {
        // Not shown yet (coalescing) or not loaded: the store has it; the flush reads it from there.
        const auto pending = std::find_if(m_pending.cbegin(), m_pending.cend(),
                                          [&run](const Firing &f) { return f.id == run.firingId; });
        if (pending != m_pending.cend())
            flowName = pending->flowName;
    }
    if (run.status != StepRun::failed())
        return;
    if (flowName.isEmpty()) {
        if (const std::optional<Firing> firing = m_log.get(run.firingId))
            flowName = firing->flowName;
    }
    emit stepFailed(run.firingId, flowName, run.stepIndex, run.detail);
}

void TriggerLogModel::reload()
{
    const ChangeGuard guard(m_changing);
    beginResetModel();
    m_rows.clear();
    m_byId.clear();
    m_pending.clear(); // committed before they were sent: the first page reads them
    m_flushTimer.stop();
    m_atEnd = false;
    setCapped(false);
    appendRows(readPage(), false);
    endResetModel();
}

void TriggerLogModel::removeOlderThan(const QDateTime &cutoff)
{
    int tail = 0;
    for (auto it = m_rows.crbegin(); it != m_rows.crend() && it->record.detectedAt < cutoff; ++it)
        ++tail;
    if (tail == 0)
        return;
    const int count = int(m_rows.size());
    const ChangeGuard guard(m_changing);
    beginRemoveRows({}, count - tail, count - 1);
    for (int i = 0; i < tail; ++i) {
        m_byId.remove(m_rows.back().record.id);
        m_rows.pop_back();
    }
    endRemoveRows();
    // Everything older went from the store too.
    m_atEnd = true;
    setCapped(false);
}
