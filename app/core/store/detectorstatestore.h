#pragma once

#include <QJsonObject>
#include <QString>

class Database;

// What the detectors remember between polls and across restarts (table `detector_state`): e.g. the last
// job seen (catch-up), the last segment counts and measure values (armed / baseline). One JSON object per
// key; the detectors choose the keys (e.g. "jobs/<instance>", "segment/<instance>/<name>").
class DetectorStateStore
{
public:
    explicit DetectorStateStore(Database &db); // `db` must be open and outlive the store

    // The object saved under `key`; empty when none (or on failure, with Database::errorString() set).
    QJsonObject load(const QString &key);
    bool contains(const QString &key);
    // Inserts or replaces. Call inside the same Database::Transaction as FiringLog::record() when the new
    // state and the firings it produced must be committed together.
    bool save(const QString &key, const QJsonObject &state);
    bool remove(const QString &key);

private:
    Database &m_db;
};
