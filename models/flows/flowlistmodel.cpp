#include "flowlistmodel.h"

#include "clock.h"
#include "flowsservice.h"

#include <QLocale>

#include <chrono>

namespace {

constexpr auto kStatisticsWindow = std::chrono::hours(24);

} // namespace

FlowListModel::FlowListModel(FlowsService &flows, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_flows(flows)
    , m_clock(clock)
{}

int FlowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FlowListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int FlowListModel::rowOf(qint64 flowId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).flow.id == flowId)
            return row;
    }
    return -1;
}

QVariant FlowListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Flow &flow = row.flow;
    switch (role) {
    case FlowIdRole:
        return flow.id;
    case EnabledRole:
        return flow.enabled;
    case LastFiredRole:
        return row.lastFired;
    case FiringsLast24hRole:
        return row.firings24h;
    case Qt::CheckStateRole:
        return index.column() == EnabledColumn ? QVariant(flow.enabled ? Qt::Checked : Qt::Unchecked)
                                               : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == FiringsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == TriggerColumn)
            return Trigger::description(flow.trigger.kind);
        if (index.column() == LastFiredColumn && row.lastFired.isValid())
            return QLocale().toString(row.lastFired.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case NameColumn:
        return flow.name;
    case TriggerColumn:
        return Trigger::displayName(flow.trigger.kind);
    case SubjectColumn:
        if (!Trigger::takesSubject(flow.trigger.kind))
            return QString();
        if (flow.trigger.subject.isEmpty())
            return tr("Any data source");
        if (Trigger::takesThreshold(flow.trigger.kind))
            return tr("%1 (above %2)")
                .arg(flow.trigger.subject,
                     QLocale().toString(flow.trigger.threshold, 'f', QLocale::FloatingPointShortest));
        return flow.trigger.subject;
    case EnabledColumn:
        return flow.enabled ? tr("On") : tr("Off");
    case LastFiredColumn:
        return row.lastFired.isValid() ? QLocale().toString(row.lastFired.toLocalTime(), QLocale::ShortFormat)
                                       : tr("Never");
    case FiringsColumn:
        return QLocale().toString(row.firings24h);
    case ColumnCount:
        break;
    }
    return {};
}

bool FlowListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != EnabledColumn || role != Qt::CheckStateRole)
        return false;
    const Flow &flow = m_rows.at(index.row()).flow;
    const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
    if (enabled == flow.enabled)
        return true;
    const qint64 id = flow.id;
    if (!m_flows.setEnabled(id, enabled)) {
        m_error = m_flows.errorString();
        return false;
    }
    // flowsChanged() may have reloaded the rows already; otherwise this one changes here.
    const int row = rowOf(id);
    if (row >= 0 && m_rows.at(row).flow.enabled != enabled) {
        m_rows[row].flow.enabled = enabled;
        emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    }
    return true;
}

Qt::ItemFlags FlowListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == EnabledColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant FlowListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case TriggerColumn:
        return tr("Trigger");
    case SubjectColumn:
        return tr("Subject");
    case EnabledColumn:
        return tr("Enabled");
    case LastFiredColumn:
        return tr("Last fired");
    case FiringsColumn:
        return tr("Last 24 h");
    case ColumnCount:
        break;
    }
    return {};
}

bool FlowListModel::readStatistics(Row &row)
{
    const std::optional<FlowsService::Activity> activity = m_flows.activity(
        row.flow.id, m_clock.now().addSecs(-std::chrono::seconds(kStatisticsWindow).count()));
    if (!activity)
        return false;
    row.lastFired = activity->lastFired;
    row.firings24h = activity->firings;
    return true;
}

bool FlowListModel::reload()
{
    const QList<Flow> flows = m_flows.list();
    if (!m_flows.errorString().isEmpty()) {
        m_error = m_flows.errorString();
        return false;
    }
    QList<Row> fresh;
    fresh.reserve(flows.size());
    for (const Flow &flow : flows) {
        Row row{flow, {}, 0};
        if (!readStatistics(row)) {
            m_error = m_flows.errorString();
            return false;
        }
        fresh.append(row);
    }
    m_error.clear();

    // Both lists are ordered by id: walk them together.
    int row = 0;
    for (const Row &next : std::as_const(fresh)) {
        while (row < m_rows.size() && m_rows.at(row).flow.id < next.flow.id) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
        if (row < m_rows.size() && m_rows.at(row).flow.id == next.flow.id) {
            m_rows[row] = next;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            beginInsertRows({}, row, row);
            m_rows.insert(row, next);
            endInsertRows();
        }
        ++row;
    }
    if (row < m_rows.size()) {
        beginRemoveRows({}, row, int(m_rows.size()) - 1);
        m_rows.remove(row, m_rows.size() - row);
        endRemoveRows();
    }
    return true;
}

void FlowListModel::noteFirings(const QList<Firing> &firings)
{
    const QDateTime since = m_clock.now().addSecs(-std::chrono::seconds(kStatisticsWindow).count());
    for (const Firing &firing : firings) {
        const int row = rowOf(firing.flowId);
        if (row < 0)
            continue;
        Row &entry = m_rows[row];
        if (!entry.lastFired.isValid() || firing.detectedAt > entry.lastFired)
            entry.lastFired = firing.detectedAt;
        if (firing.detectedAt >= since)
            ++entry.firings24h;
        emit dataChanged(index(row, LastFiredColumn), index(row, FiringsColumn));
    }
}
