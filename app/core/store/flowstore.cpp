#include "flowstore.h"

#include "clock.h"
#include "database.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace {

const QString kSelectFlows =
    QStringLiteral("SELECT id, name, enabled, trigger_type, trigger_subject, trigger_threshold,"
                   " permanent_failures_only, include_manual_refreshes, created_at, modified_at FROM flows");

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::optional<Flow> flowFromRow(const QSqlQuery &query)
{
    const std::optional<TriggerKind> kind = Trigger::kindFromId(query.value(3).toString());
    if (!kind)
        return std::nullopt; // written by a newer version: skip rather than guess
    Flow flow;
    flow.id = query.value(0).toLongLong();
    flow.name = query.value(1).toString();
    flow.enabled = query.value(2).toInt() != 0;
    flow.trigger.kind = *kind;
    flow.trigger.subject = query.value(4).toString();
    flow.trigger.threshold = query.value(5).toDouble();
    flow.trigger.permanentFailuresOnly = query.value(6).toInt() != 0;
    flow.trigger.includeManualRefreshes = query.value(7).toInt() != 0;
    flow.created = fromMs(query.value(8));
    flow.modified = fromMs(query.value(9));
    return flow;
}

std::optional<Step> stepFromRow(const QSqlQuery &query)
{
    const std::optional<StepKind> kind = Step::kindFromId(query.value(2).toString());
    if (!kind)
        return std::nullopt;
    return Step{*kind, QJsonDocument::fromJson(query.value(3).toByteArray()).object()};
}

QVariant thresholdValue(const Trigger &trigger)
{
    return Trigger::takesThreshold(trigger.kind) ? QVariant(trigger.threshold) : QVariant();
}

// A null QString binds as NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

FlowStore::FlowStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

FlowStore::FlowStore(Database &db)
    : FlowStore(db, Clock::system())
{}

QList<Flow> FlowStore::list()
{
    QSqlQuery flows(m_db.handle());
    flows.setForwardOnly(true);
    if (!m_db.prepare(flows, kSelectFlows + u" ORDER BY id") || !m_db.exec(flows, "reading flows"))
        return {};
    QList<Flow> result;
    QHash<qint64, qsizetype> indexOf;
    while (flows.next()) {
        if (std::optional<Flow> flow = flowFromRow(flows)) {
            indexOf.insert(flow->id, result.size());
            result.append(std::move(*flow));
        }
    }
    QSqlQuery steps(m_db.handle());
    steps.setForwardOnly(true);
    if (!m_db.prepare(steps, QStringLiteral("SELECT flow_id, position, step_type, parameters FROM steps"
                                            " ORDER BY flow_id, position")) ||
        !m_db.exec(steps, "reading steps")) {
        return {};
    }
    while (steps.next()) {
        const auto it = indexOf.constFind(steps.value(0).toLongLong());
        if (it == indexOf.cend())
            continue;
        if (std::optional<Step> step = stepFromRow(steps))
            result[*it].steps.append(std::move(*step));
    }
    return result;
}

std::optional<Flow> FlowStore::get(qint64 id)
{
    QSqlQuery query(m_db.handle());
    query.setForwardOnly(true);
    if (!m_db.prepare(query, kSelectFlows + u" WHERE id = ?"))
        return std::nullopt;
    query.addBindValue(id);
    if (!m_db.exec(query, "reading a flow") || !query.next())
        return std::nullopt;
    std::optional<Flow> flow = flowFromRow(query);
    if (!flow)
        return std::nullopt;
    QSqlQuery steps(m_db.handle());
    steps.setForwardOnly(true);
    if (!m_db.prepare(steps, QStringLiteral("SELECT flow_id, position, step_type, parameters FROM steps"
                                            " WHERE flow_id = ? ORDER BY position")))
        return std::nullopt;
    steps.addBindValue(id);
    if (!m_db.exec(steps, "reading steps"))
        return std::nullopt;
    while (steps.next()) {
        if (std::optional<Step> step = stepFromRow(steps))
            flow->steps.append(std::move(*step));
    }
    return flow;
}

qint64 FlowStore::insert(const Flow &flow)
{
    const QList<qint64> ids = insertAll({flow});
    return ids.isEmpty() ? 0 : ids.constFirst();
}

QList<qint64> FlowStore::insertAll(const QList<Flow> &flows)
{
    Database::Transaction transaction(m_db);
    if (!transaction.isActive())
        return {};
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    QList<qint64> ids;
    for (const Flow &flow : flows) {
        const qint64 id = insertOne(flow, now);
        if (id == 0)
            return {};
        ids.append(id);
    }
    if (!transaction.commit())
        return {};
    return ids;
}

qint64 FlowStore::insertOne(const Flow &flow, qint64 now)
{
    QSqlQuery query(m_db.handle());
    // RETURNING: SQLite >= 3.35 and PostgreSQL alike (lastInsertId() is not portable).
    if (!m_db.prepare(query, QStringLiteral("INSERT INTO flows (name, enabled, trigger_type, trigger_subject,"
                                            " trigger_threshold, permanent_failures_only,"
                                            " include_manual_refreshes, created_at, modified_at)"
                                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"))) {
        return 0;
    }
    query.addBindValue(text(flow.name));
    query.addBindValue(flow.enabled ? 1 : 0);
    query.addBindValue(Trigger::id(flow.trigger.kind));
    query.addBindValue(text(flow.trigger.subject));
    query.addBindValue(thresholdValue(flow.trigger));
    query.addBindValue(flow.trigger.permanentFailuresOnly ? 1 : 0);
    query.addBindValue(flow.trigger.includeManualRefreshes ? 1 : 0);
    query.addBindValue(now);
    query.addBindValue(now);
    if (!m_db.exec(query, "storing a flow"))
        return 0;
    if (!query.next()) {
        m_db.setError(tr("The database did not return the id of the new flow."));
        return 0;
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return writeSteps(id, flow.steps) ? id : 0;
}

bool FlowStore::writeSteps(qint64 flowId, const QList<Step> &steps)
{
    QSqlQuery remove(m_db.handle());
    if (!m_db.prepare(remove, QStringLiteral("DELETE FROM steps WHERE flow_id = ?")))
        return false;
    remove.addBindValue(flowId);
    if (!m_db.exec(remove, "replacing steps"))
        return false;
    QSqlQuery insert(m_db.handle());
    if (!m_db.prepare(insert, QStringLiteral("INSERT INTO steps (flow_id, position, step_type, parameters)"
                                             " VALUES (?, ?, ?, ?)"))) {
        return false;
    }
    for (qsizetype i = 0; i < steps.size(); ++i) {
        insert.bindValue(0, flowId);
        insert.bindValue(1, int(i));
        insert.bindValue(2, Step::id(steps.at(i).kind));
        insert.bindValue(
            3, QString::fromUtf8(QJsonDocument(steps.at(i).parameters).toJson(QJsonDocument::Compact)));
        if (!m_db.exec(insert, "storing steps"))
            return false;
    }
    return true;
}

bool FlowStore::update(const Flow &flow)
{
    Database::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;
    QSqlQuery query(m_db.handle());
    if (!m_db.prepare(query, QStringLiteral("UPDATE flows SET name = ?, enabled = ?, trigger_type = ?,"
                                            " trigger_subject = ?, trigger_threshold = ?,"
                                            " permanent_failures_only = ?, include_manual_refreshes = ?,"
                                            " modified_at = ? WHERE id = ?"))) {
        return false;
    }
    query.addBindValue(text(flow.name));
    query.addBindValue(flow.enabled ? 1 : 0);
    query.addBindValue(Trigger::id(flow.trigger.kind));
    query.addBindValue(text(flow.trigger.subject));
    query.addBindValue(thresholdValue(flow.trigger));
    query.addBindValue(flow.trigger.permanentFailuresOnly ? 1 : 0);
    query.addBindValue(flow.trigger.includeManualRefreshes ? 1 : 0);
    query.addBindValue(m_clock.now().toMSecsSinceEpoch());
    query.addBindValue(flow.id);
    if (!m_db.exec(query, "updating a flow"))
        return false;
    if (query.numRowsAffected() != 1) {
        m_db.setError(tr("The flow no longer exists (it may have been deleted)."));
        return false;
    }
    return writeSteps(flow.id, flow.steps) && transaction.commit();
}

bool FlowStore::remove(qint64 id)
{
    Database::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;
    // Steps go by ON DELETE CASCADE on SQLite with foreign keys on; delete them explicitly anyway so a
    // connection without the pragma cannot leave orphans.
    QSqlQuery steps(m_db.handle());
    if (!m_db.prepare(steps, QStringLiteral("DELETE FROM steps WHERE flow_id = ?")))
        return false;
    steps.addBindValue(id);
    QSqlQuery flow(m_db.handle());
    if (!m_db.exec(steps, "deleting steps") ||
        !m_db.prepare(flow, QStringLiteral("DELETE FROM flows WHERE id = ?")))
        return false;
    flow.addBindValue(id);
    if (!m_db.exec(flow, "deleting a flow"))
        return false;
    if (flow.numRowsAffected() != 1) {
        m_db.setError(tr("The flow no longer exists (it may have been deleted)."));
        return false;
    }
    return transaction.commit();
}

bool FlowStore::setEnabled(qint64 id, bool enabled)
{
    QSqlQuery query(m_db.handle());
    if (!m_db.prepare(query, QStringLiteral("UPDATE flows SET enabled = ?, modified_at = ? WHERE id = ?")))
        return false;
    query.addBindValue(enabled ? 1 : 0);
    query.addBindValue(m_clock.now().toMSecsSinceEpoch());
    query.addBindValue(id);
    if (!m_db.exec(query, "enabling a flow"))
        return false;
    if (query.numRowsAffected() != 1) {
        m_db.setError(tr("The flow no longer exists (it may have been deleted)."));
        return false;
    }
    return true;
}

qint64 FlowStore::duplicate(qint64 id)
{
    m_db.clearError();
    std::optional<Flow> flow = get(id);
    if (!flow) {
        if (m_db.errorString().isEmpty()) // not an SQL error: the flow is gone
            m_db.setError(tr("The flow no longer exists (it may have been deleted)."));
        return 0;
    }
    flow->name = tr("%1 (copy)").arg(flow->name);
    flow->enabled = false;
    return insert(*flow);
}
