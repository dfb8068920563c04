#include "firinglog.h"

#include "database.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace {

const QString kFiringColumns = QStringLiteral(
    "id, flow_id, flow_name, trigger_type, subject, value, previous_value, threshold, job_id, occurred_at,"
    " detected_at, caught_up, is_test, payload");
const QString kStepRunColumns = QStringLiteral(
    "r.firing_id, r.step_index, r.attempt, r.status, r.started_at, r.finished_at, r.http_status, r.detail,"
    " r.resubmission");

QVariant msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant numberOrNull(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

std::optional<double> optionalNumber(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QJsonValue jsonNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

Firing firingFromRow(const QSqlQuery &query)
{
    Firing firing;
    firing.id = query.value(0).toString();
    firing.flowId = query.value(1).toLongLong();
    firing.flowName = query.value(2).toString();
    // An unknown id (a newer version wrote it) shows as the first kind rather than hiding the row.
    firing.trigger =
        Trigger::kindFromId(query.value(3).toString()).value_or(TriggerKind::DataSourceRefreshFailed);
    firing.subject = query.value(4).toString();
    firing.value = optionalNumber(query.value(5));
    firing.previousValue = optionalNumber(query.value(6));
    firing.threshold = optionalNumber(query.value(7));
    firing.jobId = query.value(8).toString();
    firing.occurredAt = fromMs(query.value(9));
    firing.detectedAt = fromMs(query.value(10));
    firing.caughtUp = query.value(11).toInt() != 0;
    firing.test = query.value(12).toInt() != 0;
    firing.payload = QJsonDocument::fromJson(query.value(13).toByteArray()).object();
    return firing;
}

// A null QString binds as NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

QString Firing::makeId(qint64 flowId, const QString &instanceId, TriggerKind trigger, const QString &subject,
                       const QString &eventKey)
{
    // Unit separators keep ("ab", "c") and ("a", "bc") apart.
    const QString canonical = QString::number(flowId) + QChar(0x1f) + instanceId + QChar(0x1f) +
                              Trigger::id(trigger) + QChar(0x1f) + subject + QChar(0x1f) + eventKey;
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QByteArray Firing::toJsonLine() const
{
    const std::pair<const char *, QJsonValue> fields[] = {
        {"id", id},
        {"flow", flowName},
        {"trigger", Trigger::id(trigger)},
        {"subject", subject},
        {"value", jsonNumber(value)},
        {"previousValue", jsonNumber(previousValue)},
        {"threshold", jsonNumber(threshold)},
        {"jobId", jobId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(jobId)},
        {"occurredAt", jsonTime(occurredAt)},
        {"detectedAt", jsonTime(detectedAt)},
        {"caughtUp", caughtUp},
    };
    // QJsonObject sorts its keys; write them in the documented order instead.
    QByteArray line = "{";
    for (const auto &[key, value] : fields) {
        if (line.size() > 1)
            line += ',';
        const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        line += '"' + QByteArray(key) + "\":" + array.mid(1, array.size() - 2);
    }
    line += "}\n";
    return line;
}

FiringLog::FiringLog(Database &db)
    : m_db(db)
{}

QList<Firing> FiringLog::record(const QList<Firing> &firings, bool *ok)
{
    if (ok)
        *ok = false;
    if (firings.isEmpty()) {
        if (ok)
            *ok = true;
        return {};
    }
    Database::Transaction transaction(m_db);
    if (!transaction.isActive())
        return {};
    QSqlQuery insert(m_db.handle());
    if (!m_db.prepare(insert, QStringLiteral("INSERT INTO firings (") + kFiringColumns +
                                  QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                                 " ON CONFLICT (id) DO NOTHING"))) {
        return {};
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Firing> added;
    for (const Firing &firing : firings) {
        if (firing.id.isEmpty()) {
            m_db.setError(
                tr("A firing of the flow \"%1\" has no id; nothing was recorded.").arg(firing.flowName));
            return {};
        }
        const QDateTime detectedAt = firing.detectedAt.isValid() ? firing.detectedAt.toUTC() : now;
        insert.bindValue(0, firing.id);
        insert.bindValue(1, firing.flowId);
        insert.bindValue(2, text(firing.flowName));
        insert.bindValue(3, Trigger::id(firing.trigger));
        insert.bindValue(4, text(firing.subject));
        insert.bindValue(5, numberOrNull(firing.value));
        insert.bindValue(6, numberOrNull(firing.previousValue));
        insert.bindValue(7, numberOrNull(firing.threshold));
        insert.bindValue(8, text(firing.jobId));
        insert.bindValue(9, msOrNull(firing.occurredAt));
        insert.bindValue(10, detectedAt.toMSecsSinceEpoch());
        insert.bindValue(11, firing.caughtUp ? 1 : 0);
        insert.bindValue(12, firing.test ? 1 : 0);
        insert.bindValue(13, QString::fromUtf8(QJsonDocument(firing.payload).toJson(QJsonDocument::Compact)));
        if (!m_db.exec(insert, "recording firings"))
            return {};
        if (insert.numRowsAffected() == 1) {
            added.append(firing);
            added.last().detectedAt = QDateTime::fromMSecsSinceEpoch(detectedAt.toMSecsSinceEpoch(), Qt::UTC);
        }
    }
    insert.finish();
    if (!transaction.commit())
        return {};
    if (ok)
        *ok = true;
    return added;
}

QList<Firing> FiringLog::readFirings(const QString &tail, const QVariantList &values, const char *what)
{
    QSqlQuery query(m_db.handle());
    query.setForwardOnly(true);
    if (!m_db.prepare(query,
                      QStringLiteral("SELECT ") + kFiringColumns + QStringLiteral(" FROM firings ") + tail))
        return {};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!m_db.exec(query, what))
        return {};
    QList<Firing> firings;
    while (query.next())
        firings.append(firingFromRow(query));
    return firings;
}

std::optional<Firing> FiringLog::get(const QString &id)
{
    const QList<Firing> firings = readFirings(QStringLiteral("WHERE id = ?"), {id}, "reading a firing");
    if (firings.isEmpty())
        return std::nullopt;
    return firings.constFirst();
}

QList<Firing> FiringLog::page(int offset, int limit)
{
    return readFirings(QStringLiteral("ORDER BY detected_at DESC, id DESC LIMIT ? OFFSET ?"),
                       {qMax(limit, 0), qMax(offset, 0)}, "reading the firing log");
}

QList<Firing> FiringLog::olderThan(const QDateTime &detectedAt, const QString &id, int limit)
{
    // A row-value comparison: SQLite (3.15+) and PostgreSQL both walk the (detected_at, id) index with it.
    return readFirings(
        QStringLiteral("WHERE (detected_at, id) < (?, ?) ORDER BY detected_at DESC, id DESC LIMIT ?"),
        {detectedAt.toMSecsSinceEpoch(), id, qMax(limit, 0)}, "reading the firing log");
}

qint64 FiringLog::count()
{
    QSqlQuery query(m_db.handle());
    query.setForwardOnly(true);
    if (!m_db.prepare(query, QStringLiteral("SELECT COUNT(*) FROM firings")) ||
        !m_db.exec(query, "counting firings") || !query.next()) {
        return -1;
    }
    return query.value(0).toLongLong();
}

int FiringLog::countSince(qint64 flowId, const QDateTime &since)
{
    QSqlQuery query(m_db.handle());
    query.setForwardOnly(true);
    if (!m_db.prepare(query,
                      QStringLiteral("SELECT COUNT(*) FROM firings WHERE flow_id = ? AND detected_at >= ?")))
        return -1;
    query.addBindValue(flowId);
    query.addBindValue(since.toMSecsSinceEpoch());
    if (!m_db.exec(query, "counting firings") || !query.next())
        return -1;
    return query.value(0).toInt();
}

QDateTime FiringLog::lastFiredAt(qint64 flowId)
{
    QSqlQuery query(m_db.handle());
    query.setForwardOnly(true);
    if (!m_db.prepare(query, QStringLiteral("SELECT MAX(detected_at) FROM firings WHERE flow_id = ?")))
        return {};
    query.addBindValue(flowId);
    if (!m_db.exec(query, "reading the last firing") || !query.next())
        return {};
    return fromMs(query.value(0));
}

int FiringLog::prune(const QDateTime &olderThan)
{
    Database::Transaction transaction(m_db);
    if (!transaction.isActive())
        return -1;
    const qint64 cutoff = olderThan.toMSecsSinceEpoch();
    QSqlQuery runs(m_db.handle());
    if (!m_db.prepare(runs, QStringLiteral("DELETE FROM step_runs WHERE firing_id IN"
                                           " (SELECT id FROM firings WHERE detected_at < ?)")))
        return -1;
    runs.addBindValue(cutoff);
    if (!m_db.exec(runs, "pruning step runs"))
        return -1;
    QSqlQuery firings(m_db.handle());
    if (!m_db.prepare(firings, QStringLiteral("DELETE FROM firings WHERE detected_at < ?")))
        return -1;
    firings.addBindValue(cutoff);
    if (!m_db.exec(firings, "pruning firings"))
        return -1;
    const int removed = firings.numRowsAffected();
    firings.finish();
    return transaction.commit() ? removed : -1;
}

bool FiringLog::recordStepRun(const StepRun &run)
{
    QSqlQuery query(m_db.handle());
    if (!m_db.prepare(query,
                      QStringLiteral("INSERT INTO step_runs (firing_id, step_index, attempt, status,"
                                     " started_at, finished_at, http_status, detail, resubmission") +
                          QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                         " ON CONFLICT (firing_id, step_index, attempt) DO UPDATE SET"
                                         " status = excluded.status, started_at = excluded.started_at,"
                                         " finished_at = excluded.finished_at,"
                                         " http_status = excluded.http_status, detail = excluded.detail,"
                                         " resubmission = excluded.resubmission"))) {
        return false;
    }
    query.addBindValue(text(run.firingId));
    query.addBindValue(run.stepIndex);
    query.addBindValue(run.attempt);
    query.addBindValue(text(run.status));
    query.addBindValue(msOrNull(run.startedAt));
    query.addBindValue(msOrNull(run.finishedAt));
    query.addBindValue(run.httpStatus);
    query.addBindValue(text(run.detail));
    query.addBindValue(run.resubmission);
    return m_db.exec(query, "recording a step run");
}

QList<StepRun> FiringLog::readStepRuns(const QString &tail, const QVariantList &values)
{
    QSqlQuery query(m_db.handle());
    query.setForwardOnly(true);
    if (!m_db.prepare(query, QStringLiteral("SELECT ") + kStepRunColumns +
                                 QStringLiteral(" FROM step_runs r ") + tail))
        return {};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!m_db.exec(query, "reading step runs"))
        return {};
    QList<StepRun> runs;
    while (query.next()) {
        StepRun run;
        run.firingId = query.value(0).toString();
        run.stepIndex = query.value(1).toInt();
        run.attempt = query.value(2).toInt();
        run.status = query.value(3).toString();
        run.startedAt = fromMs(query.value(4));
        run.finishedAt = fromMs(query.value(5));
        run.httpStatus = query.value(6).toInt();
        run.detail = query.value(7).toString();
        run.resubmission = query.value(8).toInt();
        runs.append(run);
    }
    return runs;
}

QList<StepRun> FiringLog::stepRuns(const QString &firingId)
{
    return readStepRuns(QStringLiteral("WHERE r.firing_id = ? ORDER BY r.step_index, r.attempt"), {firingId});
}

QList<StepRun> FiringLog::unfinishedStepRuns()
{
    return readStepRuns(QStringLiteral("JOIN firings f ON f.id = r.firing_id WHERE r.status IN (?, ?)"
                                       " ORDER BY f.detected_at, f.id, r.step_index, r.attempt"),
                        {StepRun::pending(), StepRun::running()});
}
