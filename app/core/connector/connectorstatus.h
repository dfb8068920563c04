#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>

// What the connector worker is doing, for the status bar and `--headless` diagnostics: a value type.
struct ConnectorStatus
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorStatus)

public:
    enum class State
    {
        Stopped,
        Starting,
        Polling,
        Held,      // every call waits for a 429's Retry-After (heldUntil)
        SignedOut, // the sign-in expired: waiting for a new token
        Error,     // the last cycle failed (message); the worker keeps trying
    };

    State state = State::Stopped;
    QString message; // the error, or what the worker is waiting for; translated
    int callsInWindow = 0;
    int limit = 100;
    int windowSeconds = 60;
    QDateTime windowResetsAt; // when the oldest call leaves the window (invalid when none)
    QDateTime heldUntil;      // invalid unless Held
    QDateTime lastPollAt;     // the last successful cycle (invalid before the first)
    QString instanceName;

    // "Polling", "Held until 14:03:12", "Stopped", "Signed out", "Error: ..." (translated, local time).
    QString stateText() const;
    // "37 / 100 calls in the last 60 s" (translated).
    QString budgetText() const;
    static QString stateId(State state); // "stopped", "polling", ... for logs

    friend bool operator==(const ConnectorStatus &, const ConnectorStatus &) = default;
};

Q_DECLARE_METATYPE(ConnectorStatus)
