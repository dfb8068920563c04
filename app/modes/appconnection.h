#pragma once

#include "appsettings.h"
#include "connectionsettings.h"
#include "connectorconfig.h"

#include <memory>

struct AppOptions;
class EmbeddedSandbox;

// The connection this run talks to: a tenant when one is configured (saved in settings.ini, or given with the
// connection options), else the embedded insights-sandbox, started here on the port of the last run when it
// is free, with a kept identity state, so that a remembered sign-in to the sandbox survives a restart like
// one to a tenant.
class AppConnection
{
public:
    // The connection of `options`, or null with `*error` (a sentence for stderr) and `*exitCode`: 1 when the
    // sandbox cannot start, 2 when the connection settings cannot be used.
    static std::unique_ptr<AppConnection> open(const AppOptions &options, QString *error, int *exitCode);
    ~AppConnection();

    bool isTenant() const { return !m_sandbox; }
    const ConnectionSettings &settings() const { return m_connection; }
    EmbeddedSandbox *sandbox() const { return m_sandbox.get(); }
    // What the connector worker watches: the connection's API and the instance named in the settings.
    ConnectorConfig connectorConfig() const;

    // After a sign-in to a tenant (or Save in the Account pane): the next start uses `saved` instead of
    // the sandbox.
    void save(const ConnectionSettings &saved);

private:
    AppConnection(const AppOptions &options);

    QString m_dataDir;
    AppSettings m_appSettings;
    ConnectionSettings m_connection;
    std::unique_ptr<EmbeddedSandbox> m_sandbox;
};
