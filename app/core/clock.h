#pragma once

#include <QDateTime>

// The time source of the core: token expiry, the API budget window and firing timestamps read it, so tests
// can replace it (tests/support/manualclock.h) and step over a 60-second window without waiting.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC

    static const Clock &system();
};
