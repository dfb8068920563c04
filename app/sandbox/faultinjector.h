#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

// Faults queued by the control API and applied, in order, to the next CI API calls: answer 500, answer
// late, answer 429 (a throttling storm) or drop the connection without an answer.
class FaultInjector
{
public:
    enum class Kind
    {
        Http500,
        Delay,
        Throttle,
        Drop,
    };

    struct Fault
    {
        Kind kind;
        int ms = 0; // Delay: how long; Throttle: the Retry-After, rounded up to seconds
    };

    static std::optional<Kind> kindFromString(const QString &name);
    static QString kindToString(Kind kind);

    void add(Kind kind, int count, int ms);
    std::optional<Fault> take(); // the fault for the next call, if any
    void clear();
    QJsonArray pending() const;

private:
    struct Entry
    {
        Fault fault;
        int remaining;
    };
    QList<Entry> m_queue;
};
