#include "ratelimiter.h"

#include "clock.h"

#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRate, "insights.api.rate")

RateLimiter::RateLimiter(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &RateLimiter::dispatch);
}

void RateLimiter::setLimit(int calls, std::chrono::milliseconds window)
{
    m_limit = std::max(1, calls);
    m_windowMs = std::max<qint64>(1, window.count());
    m_reserve = std::min(m_reserve, m_limit - 1);
    dispatch();
}

void RateLimiter::setInteractiveReserve(int calls)
{
    m_reserve = std::clamp(calls, 0, m_limit - 1);
    dispatch();
}

void RateLimiter::acquire(Priority priority, QObject *context, std::function<void()> start)
{
    m_queues[size_t(priority)].push_back({context, std::move(start)});
    dispatch();
}

void RateLimiter::holdUntil(const QDateTime &until)
{
    const qint64 at = until.toMSecsSinceEpoch();
    if (at <= m_heldUntil)
        return;
    m_heldUntil = at;
    qCInfo(lcRate) << "holding every call until" << until.toUTC().toString(Qt::ISODate);
    emit heldUntilChanged(until);
    dispatch();
}

void RateLimiter::expire(qint64 now) const
{
    while (!m_calls.empty() && m_calls.front() <= now - m_windowMs)
        m_calls.pop_front();
}

int RateLimiter::usedInWindow() const
{
    expire(m_clock.now().toMSecsSinceEpoch());
    return int(m_calls.size());
}

QDateTime RateLimiter::heldUntil() const
{
    return m_heldUntil > m_clock.now().toMSecsSinceEpoch()
               ? QDateTime::fromMSecsSinceEpoch(m_heldUntil, Qt::UTC)
               : QDateTime();
}

QDateTime RateLimiter::windowResetsAt() const
{
    expire(m_clock.now().toMSecsSinceEpoch());
    return m_calls.empty() ? QDateTime()
                           : QDateTime::fromMSecsSinceEpoch(m_calls.front() + m_windowMs, Qt::UTC);
}

QList<QDateTime> RateLimiter::history() const
{
    expire(m_clock.now().toMSecsSinceEpoch());
    QList<QDateTime> calls;
    calls.reserve(qsizetype(m_calls.size()));
    for (const qint64 at : m_calls)
        calls << QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
    return calls;
}

void RateLimiter::restoreHistory(const QList<QDateTime> &calls)
{
    for (const QDateTime &call : calls)
        m_calls.push_back(call.toMSecsSinceEpoch());
    std::sort(m_calls.begin(), m_calls.end());
    dispatch();
}

int RateLimiter::pending() const
{
    int count = 0;
    for (const auto &queue : m_queues)
        count += int(queue.size());
    return count;
}

qint64 RateLimiter::nextSlotFor(Priority priority, qint64 now) const
{
    // The queue may send once fewer than `allowed` calls remain in the window, that is once the call at
    // position size - allowed has left it.
    int allowed = m_limit;
    if (priority != Priority::Interactive)
        allowed -= m_reserve;
    if (priority == Priority::Bulk) // at least one call, so that a small budget still moves
        allowed = std::max(1, allowed - std::min(kDefaultBulkHeadroom, allowed * 2 / 3));
    const qsizetype used = qsizetype(m_calls.size());
    if (used < allowed)
        return std::max(now, m_heldUntil);
    return std::max(m_calls.at(size_t(used - allowed)) + m_windowMs, m_heldUntil);
}

void RateLimiter::dispatch()
{
    if (m_dispatching) // a start() that acquires again: the running loop picks it up
        return;
    m_dispatching = true;
    qint64 now = m_clock.now().toMSecsSinceEpoch();
    expire(now);
    for (;;) {
        // Interactive calls go first, bulk ones last; all wait while a 429 hold lasts.
        std::deque<Waiting> *queue = nullptr;
        for (const Priority priority : {Priority::Interactive, Priority::Background, Priority::Bulk}) {
            std::deque<Waiting> &candidate = m_queues[size_t(priority)];
            while (!candidate.empty() && !candidate.front().context)
                candidate.pop_front(); // its requester is gone
            if (queue == nullptr && !candidate.empty() && nextSlotFor(priority, now) <= now)
                queue = &candidate;
        }
        if (queue == nullptr)
            break;
        Waiting waiting = std::move(queue->front());
        queue->pop_front();
        m_calls.push_back(now);
        emit callAdmitted(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC));
        waiting.start();
        now = m_clock.now().toMSecsSinceEpoch();
        expire(now);
    }
    m_dispatching = false;
    if (int(m_calls.size()) != m_lastReportedUsed) {
        m_lastReportedUsed = int(m_calls.size());
        emit budgetChanged(m_lastReportedUsed, m_limit);
    }
    scheduleWakeUp(now);
}

void RateLimiter::scheduleWakeUp(qint64 now)
{
    // Wake up for the first queue that can move, or else when the oldest call leaves the window, so that
    // the budget shown to the user goes down on time.
    qint64 wakeAt = m_calls.empty() ? 0 : m_calls.front() + m_windowMs;
    for (const Priority priority : {Priority::Interactive, Priority::Background, Priority::Bulk}) {
        if (!m_queues[size_t(priority)].empty())
            wakeAt = wakeAt ? std::min(wakeAt, nextSlotFor(priority, now)) : nextSlotFor(priority, now);
    }
    if (wakeAt == 0) {
        m_timer->stop();
        return;
    }
    m_timer->start(int(std::clamp<qint64>(wakeAt - now, 0, 24 * 3600 * 1000)));
}
