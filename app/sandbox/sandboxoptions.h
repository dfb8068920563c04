#pragma once

#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>

class SandboxClock;

// Everything that can be set on the insights-sandbox command line (and by EmbeddedSandbox callers).
struct SandboxOptions
{
    quint16 port = 0;     // 0: a free port
    quint16 smtpPort = 0; // 0: a free port
    QString scenarioFile; // empty: the built-in Contoso Retail scenario
    double speed = 1.0;   // scenario clock speed
    quint64 seed = 1;
    QString subscriptionKey = QStringLiteral("sandbox-key");
    std::chrono::seconds accessTokenLifetime{3600};
    QString identityStateFile; // keeps sign-ins across restarts (token hashes only); empty: memory only
    int rateLimit = 100;       // calls per connection in any 60 s; 0 = unlimited (benchmarks)
    std::shared_ptr<const SandboxClock> clock; // null: the system clock
};

struct SandboxCommandLine
{
    std::optional<SandboxOptions> options; // set when the sandbox should start
    int exitCode = 0;
    QString output; // help/version text for stdout, or an error for stderr when exitCode != 0
};

// Parses `insights-sandbox [--port N] [--scenario FILE] [--speed X] [--seed S] ...`. Never exits: bad
// arguments give exitCode 2 and a message.
SandboxCommandLine parseSandboxCommandLine(const QStringList &arguments);
