#include "observationstore.h"

#include "database.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace {

// The kinds with a value to watch: those that take a threshold.
bool observable(TriggerKind kind)
{
    return Trigger::takesThreshold(kind);
}

} // namespace

ObservationStore::ObservationStore(Database &db)
    : m_db(db)
{}

bool ObservationStore::record(TriggerKind kind, const QString &subject, double value, const QDateTime &at)
{
    if (!observable(kind) || subject.isEmpty() || !at.isValid()) {
        m_db.setError(tr("An observation needs a segment or measure, its name and a time; nothing was "
                         "recorded."));
        return false;
    }
    Database::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;
    QSqlQuery insert(m_db.handle());
    if (!m_db.prepare(insert,
                      QStringLiteral("INSERT INTO observations (trigger_type, subject, observed_at, value)"
                                     " VALUES (?, ?, ?, ?) ON CONFLICT (trigger_type, subject,"
                                     " observed_at) DO UPDATE SET value = excluded.value"))) {
        return false;
    }
    const QString kindId = Trigger::id(kind);
    insert.addBindValue(kindId);
    insert.addBindValue(subject);
    insert.addBindValue(at.toMSecsSinceEpoch());
    insert.addBindValue(value);
    if (!m_db.exec(insert, "recording an observation"))
        return false;
    // Keeps the newest kMaxPerSubject: the cutoff is NULL (nothing deleted) while there are fewer.
    QSqlQuery prune(m_db.handle());
    if (!m_db.prepare(prune, QStringLiteral("DELETE FROM observations WHERE trigger_type = ? AND subject = ?"
                                            " AND observed_at < (SELECT observed_at FROM observations"
                                            " WHERE trigger_type = ? AND subject = ?"
                                            " ORDER BY observed_at DESC LIMIT 1 OFFSET ?)"))) {
        return false;
    }
    prune.addBindValue(kindId);
    prune.addBindValue(subject);
    prune.addBindValue(kindId);
    prune.addBindValue(subject);
    prune.addBindValue(kMaxPerSubject - 1);
    if (!m_db.exec(prune, "pruning observations"))
        return false;
    return transaction.commit();
}

QList<Observation> ObservationStore::recent(TriggerKind kind, const QString &subject, int limit)
{
    QSqlQuery query(m_db.handle());
    query.setForwardOnly(true);
    if (!m_db.prepare(query, QStringLiteral("SELECT observed_at, value FROM observations"
                                            " WHERE trigger_type = ? AND subject = ?"
                                            " ORDER BY observed_at DESC LIMIT ?")))
        return {};
    query.addBindValue(Trigger::id(kind));
    query.addBindValue(subject);
    query.addBindValue(std::max(limit, 0));
    if (!m_db.exec(query, "reading observations"))
        return {};
    QList<Observation> observations;
    while (query.next())
        observations.append({QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC),
                             query.value(1).toDouble()});
    std::reverse(observations.begin(), observations.end());
    return observations;
}
