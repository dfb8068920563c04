#include "sandboxclock.h"

QDateTime SandboxSystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

SandboxManualClock::SandboxManualClock(const QDateTime &start)
    : m_msecsSinceEpoch(start.toMSecsSinceEpoch())
{}

QDateTime SandboxManualClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(m_msecsSinceEpoch.load(), Qt::UTC);
}

void SandboxManualClock::setNow(const QDateTime &now)
{
    m_msecsSinceEpoch.store(now.toMSecsSinceEpoch());
}

void SandboxManualClock::advance(std::chrono::milliseconds by)
{
    m_msecsSinceEpoch.fetch_add(by.count());
}
