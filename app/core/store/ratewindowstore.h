#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>

class Clock;
class Database;

// The API calls of the last 60 s per connection (table `rate_window`), so the rate limiter's sliding window
// survives a restart and a crash-and-restart loop cannot exceed 100 calls / 60 s (docs/api-and-budget.md):
//
//   limiter.restoreHistory(store.load(key));                       // on start
//   connect(&limiter, &RateLimiter::callAdmitted, ctx, [&](QDateTime at) { store.append(key, at); });
//
// Calls older than the window (relative to the clock) are pruned on every write and never loaded.
class RateWindowStore
{
public:
    static constexpr std::chrono::milliseconds kWindow = std::chrono::seconds(60);

    explicit RateWindowStore(Database &db, const Clock &clock); // `db` must be open and outlive the store
    explicit RateWindowStore(Database &db);

    // The calls of `connectionKey` inside the window, oldest first (empty on failure).
    QList<QDateTime> load(const QString &connectionKey);
    // Replaces the stored calls of `connectionKey` with `calls` (those inside the window).
    bool save(const QString &connectionKey, const QList<QDateTime> &calls);
    // Adds one call (cheaper than save() for each admitted call).
    bool append(const QString &connectionKey, const QDateTime &calledAt);

private:
    bool prune(const QString &connectionKey, qint64 cutoff);

    Database &m_db;
    const Clock &m_clock;
};
