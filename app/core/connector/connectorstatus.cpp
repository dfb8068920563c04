#include "connectorstatus.h"

#include <QLocale>

QString ConnectorStatus::stateText() const
{
    switch (state) {
    case State::Stopped:
        return tr("Stopped");
    case State::Starting:
        return tr("Starting");
    case State::Polling:
        return tr("Polling");
    case State::Held:
        return tr("Held until %1").arg(heldUntil.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    case State::SignedOut:
        return tr("Signed out");
    case State::Error:
        return message.isEmpty() ? tr("Error") : tr("Error: %1").arg(message);
    }
    return {};
}

QString ConnectorStatus::budgetText() const
{
    return tr("%1 / %2 calls in the last %3 s").arg(callsInWindow).arg(limit).arg(windowSeconds);
}

QString ConnectorStatus::stateId(State state)
{
    switch (state) {
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Starting:
        return QStringLiteral("starting");
    case State::Polling:
        return QStringLiteral("polling");
    case State::Held:
        return QStringLiteral("held");
    case State::SignedOut:
        return QStringLiteral("signedOut");
    case State::Error:
        return QStringLiteral("error");
    }
    return {};
}
