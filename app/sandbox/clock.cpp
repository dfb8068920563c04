#include "clock.h"

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(const QDateTime &start)
    : m_msecsSinceEpoch(start.toMSecsSinceEpoch())
{}

QDateTime ManualClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(m_msecsSinceEpoch.load(), Qt::UTC);
}

void ManualClock::setNow(const QDateTime &now)
{
    m_msecsSinceEpoch.store(now.toMSecsSinceEpoch());
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    m_msecsSinceEpoch.fetch_add(by.count());
}
