#include "ratewindowstore.h"

#include "clock.h"
#include "database.h"

#include <QSqlQuery>
#include <QVariant>

RateWindowStore::RateWindowStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

RateWindowStore::RateWindowStore(Database &db)
    : RateWindowStore(db, Clock::system())
{}

QList<QDateTime> RateWindowStore::load(const QString &connectionKey)
{
    QSqlQuery query(m_db.handle());
    query.setForwardOnly(true);
    if (!m_db.prepare(query,
                      QStringLiteral("SELECT called_at FROM rate_window"
                                     " WHERE connection_key = ? AND called_at > ? ORDER BY called_at")))
        return {};
    query.addBindValue(connectionKey);
    query.addBindValue(m_clock.now().toMSecsSinceEpoch() - kWindow.count());
    if (!m_db.exec(query, "reading the API call window"))
        return {};
    QList<QDateTime> calls;
    while (query.next())
        calls.append(QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC));
    return calls;
}

bool RateWindowStore::prune(const QString &connectionKey, qint64 cutoff)
{
    QSqlQuery query(m_db.handle());
    if (!m_db.prepare(query,
                      QStringLiteral("DELETE FROM rate_window WHERE connection_key = ? AND called_at <= ?")))
        return false;
    query.addBindValue(connectionKey);
    query.addBindValue(cutoff);
    return m_db.exec(query, "pruning the API call window");
}

bool RateWindowStore::save(const QString &connectionKey, const QList<QDateTime> &calls)
{
    Database::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;
    QSqlQuery clear(m_db.handle());
    if (!m_db.prepare(clear, QStringLiteral("DELETE FROM rate_window WHERE connection_key = ?")))
        return false;
    clear.addBindValue(connectionKey);
    if (!m_db.exec(clear, "saving the API call window"))
        return false;
    const qint64 cutoff = m_clock.now().toMSecsSinceEpoch() - kWindow.count();
    QSqlQuery insert(m_db.handle());
    if (!m_db.prepare(insert,
                      QStringLiteral("INSERT INTO rate_window (connection_key, called_at) VALUES (?, ?)")))
        return false;
    for (const QDateTime &call : calls) {
        const qint64 at = call.toMSecsSinceEpoch();
        if (!call.isValid() || at <= cutoff)
            continue;
        insert.bindValue(0, connectionKey);
        insert.bindValue(1, at);
        if (!m_db.exec(insert, "saving the API call window"))
            return false;
    }
    return transaction.commit();
}

bool RateWindowStore::append(const QString &connectionKey, const QDateTime &calledAt)
{
    Database::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;
    QSqlQuery insert(m_db.handle());
    if (!m_db.prepare(insert,
                      QStringLiteral("INSERT INTO rate_window (connection_key, called_at) VALUES (?, ?)")))
        return false;
    insert.addBindValue(connectionKey);
    insert.addBindValue(calledAt.toMSecsSinceEpoch());
    if (!m_db.exec(insert, "recording an API call") ||
        !prune(connectionKey, m_clock.now().toMSecsSinceEpoch() - kWindow.count())) {
        return false;
    }
    return transaction.commit();
}
