#pragma once

#include "clock.h"

#include <chrono>

// A clock that moves only when the test says so.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC))
        : m_now(start)
    {}

    QDateTime now() const override { return m_now; }
    void advance(std::chrono::milliseconds by) { m_now = m_now.addMSecs(by.count()); }
    void setNow(const QDateTime &now) { m_now = now; }

private:
    QDateTime m_now;
};
