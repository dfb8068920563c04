#include "detectorstatestore.h"

#include "database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

DetectorStateStore::DetectorStateStore(Database &db)
    : m_db(db)
{}

QJsonObject DetectorStateStore::load(const QString &key)
{
    QSqlQuery query(m_db.handle());
    query.setForwardOnly(true);
    if (!m_db.prepare(query, QStringLiteral("SELECT state FROM detector_state WHERE state_key = ?")))
        return {};
    query.addBindValue(key);
    if (!m_db.exec(query, "reading detector state") || !query.next())
        return {};
    return QJsonDocument::fromJson(query.value(0).toByteArray()).object();
}

bool DetectorStateStore::contains(const QString &key)
{
    QSqlQuery query(m_db.handle());
    query.setForwardOnly(true);
    if (!m_db.prepare(query, QStringLiteral("SELECT 1 FROM detector_state WHERE state_key = ?")))
        return false;
    query.addBindValue(key);
    return m_db.exec(query, "reading detector state") && query.next();
}

bool DetectorStateStore::save(const QString &key, const QJsonObject &state)
{
    QSqlQuery query(m_db.handle());
    if (!m_db.prepare(query, QStringLiteral("INSERT INTO detector_state (state_key, state, updated_at)"
                                            " VALUES (?, ?, ?) ON CONFLICT (state_key) DO UPDATE SET"
                                            " state = excluded.state, updated_at = excluded.updated_at"))) {
        return false;
    }
    query.addBindValue(key);
    query.addBindValue(QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return m_db.exec(query, "saving detector state");
}

bool DetectorStateStore::remove(const QString &key)
{
    QSqlQuery query(m_db.handle());
    if (!m_db.prepare(query, QStringLiteral("DELETE FROM detector_state WHERE state_key = ?")))
        return false;
    query.addBindValue(key);
    return m_db.exec(query, "removing detector state");
}
