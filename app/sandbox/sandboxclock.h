#pragma once

#include <QDateTime>

#include <atomic>
#include <chrono>

// The time source of the sandbox: token lifetimes, throttling windows and timestamps all read it, so tests
// can replace it with a SandboxManualClock and step over a 60-second window without waiting.
class SandboxClock
{
public:
    virtual ~SandboxClock() = default;
    virtual QDateTime now() const = 0; // UTC
};

class SandboxSystemClock final : public SandboxClock
{
public:
    QDateTime now() const override;
};

// A clock that only moves when told to. Thread-safe, so a test can step it while an EmbeddedSandbox reads it.
class SandboxManualClock final : public SandboxClock
{
public:
    explicit SandboxManualClock(const QDateTime &start = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));

    QDateTime now() const override;
    void setNow(const QDateTime &now);
    void advance(std::chrono::milliseconds by);

private:
    std::atomic<qint64> m_msecsSinceEpoch;
};
