#pragma once

#include "eventlog.h"

#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <deque>
#include <memory>

class SandboxClock;

// The API's rate limit: at most `limit` calls per connection (token subject + subscription key) in any
// sliding window of 60 s. Each admitted call is remembered until it leaves the window, so the limit is
// exact at the boundary: the call that would be the 101st inside any window is refused, with the number of
// seconds until the oldest remembered call leaves it. Refused calls do not count against the window.
//
// Separately it counts every call a client made (recordCall: admitted, refused, or answered by an injected
// fault alike), so a test can tell whether the client kept to the budget itself: with the limit enforced,
// the admitted calls never exceed it, whatever the client does. logCall() keeps the record of those calls
// (GET /sandbox/control/calls): {"seq", "at", "subject", "method", "path", "outcome", "delayMs"}, outcome
// one of served (the operation ran, answered after delayMs), http500, drop, throttled (an injected 429),
// refused (over the limit).
class Throttle
{
public:
    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0;
    };

    struct Counters
    {
        QString connection;
        int callsInWindow = 0;          // admitted calls in the last 60 s
        int maxInAnyWindow = 0;         // the most admitted calls ever seen inside one 60 s window
        int throttled = 0;              // 429s sent
        int attemptsInWindow = 0;       // every call made in the last 60 s (recordCall)
        int maxAttemptsInAnyWindow = 0; // the most calls made inside one 60 s window
        int refusedOverLimit = 0;       // 429s of the limit itself (not injected)
    };

    explicit Throttle(std::shared_ptr<const SandboxClock> clock, int limit = 100,
                      std::chrono::seconds window = std::chrono::seconds(60));

    void recordCall(const QString &connection); // a call with a valid token and key, before any decision
    Decision admit(const QString &connection);
    void recordThrottled(const QString &connection); // a 429 sent for another reason (an injected fault)
    void logCall(const QString &subject, const QString &method, const QString &path, const QString &outcome,
                 int delayMs);
    const EventLog &calls() const { return m_calls; }
    QList<Counters> counters() const;
    int limit() const { return m_limit; }
    std::chrono::seconds window() const { return m_window; }

private:
    struct State
    {
        std::deque<qint64> admitted; // msecs since epoch
        std::deque<qint64> calls;    // every call (recordCall)
        int maxInAnyWindow = 0;
        int maxCallsInAnyWindow = 0;
        int throttled = 0;
        int refusedOverLimit = 0;
    };

    void expire(State &state, qint64 now) const;

    std::shared_ptr<const SandboxClock> m_clock;
    int m_limit;
    std::chrono::seconds m_window;
    QHash<QString, State> m_connections;
    EventLog m_calls;
};
