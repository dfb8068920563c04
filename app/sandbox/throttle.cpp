#include "throttle.h"

#include "sandboxclock.h"

#include <QDateTime>

#include <algorithm>

Throttle::Throttle(std::shared_ptr<const SandboxClock> clock, int limit, std::chrono::seconds window)
    : m_clock(std::move(clock))
    , m_limit(limit)
    , m_window(window)
{}

void Throttle::expire(State &state, qint64 now) const
{
    const qint64 windowStart = now - qint64(std::chrono::milliseconds(m_window).count());
    while (!state.admitted.empty() && state.admitted.front() <= windowStart)
        state.admitted.pop_front();
    while (!state.calls.empty() && state.calls.front() <= windowStart)
        state.calls.pop_front();
}

void Throttle::recordCall(const QString &connection)
{
    const qint64 now = m_clock->now().toMSecsSinceEpoch();
    State &state = m_connections[connection];
    expire(state, now);
    state.calls.push_back(now);
    state.maxCallsInAnyWindow = std::max(state.maxCallsInAnyWindow, int(state.calls.size()));
}

Throttle::Decision Throttle::admit(const QString &connection)
{
    const qint64 now = m_clock->now().toMSecsSinceEpoch();
    State &state = m_connections[connection];
    expire(state, now);
    if (m_limit > 0 && qsizetype(state.admitted.size()) >= m_limit) {
        ++state.throttled;
        ++state.refusedOverLimit;
        const qint64 leavesAt = state.admitted.front() + qint64(std::chrono::milliseconds(m_window).count());
        const qint64 waitMs = std::max<qint64>(leavesAt - now, 1);
        return {false, int((waitMs + 999) / 1000)};
    }
    state.admitted.push_back(now);
    state.maxInAnyWindow = std::max(state.maxInAnyWindow, int(state.admitted.size()));
    return {true, 0};
}

void Throttle::recordThrottled(const QString &connection)
{
    ++m_connections[connection].throttled;
}

void Throttle::logCall(const QString &subject, const QString &method, const QString &path,
                       const QString &outcome, int delayMs)
{
    m_calls.append({{QStringLiteral("at"), m_clock->now().toUTC().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("subject"), subject},
                    {QStringLiteral("method"), method},
                    {QStringLiteral("path"), path},
                    {QStringLiteral("outcome"), outcome},
                    {QStringLiteral("delayMs"), delayMs}});
}

QList<Throttle::Counters> Throttle::counters() const
{
    const qint64 now = m_clock->now().toMSecsSinceEpoch();
    QList<Counters> result;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        State state = it.value();
        expire(state, now);
        result.append({it.key(), int(state.admitted.size()), state.maxInAnyWindow, state.throttled,
                       int(state.calls.size()), state.maxCallsInAnyWindow, state.refusedOverLimit});
    }
    std::sort(result.begin(), result.end(),
              [](const Counters &a, const Counters &b) { return a.connection < b.connection; });
    return result;
}
