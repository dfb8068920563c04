#include "appconnection.h"

#include "appoptions.h"
#include "embeddedsandbox.h"

#include <QCoreApplication>
#include <QDir>

namespace {

constexpr auto kTenantMode = "tenant";

// The saved connection with the command line's overrides on top; the public API when none names one.
ConnectionSettings tenantConnection(const AppSettings &settings, const AppOptions &options)
{
    ConnectionSettings defaults;
    defaults.apiBase = ConnectionSettings::defaultApiBase();
    ConnectionSettings connection = ConnectionSettings::load(settings, defaults);
    if (!options.authority.isEmpty())
        connection.authority = QUrl(options.authority, QUrl::StrictMode);
    if (!options.authorizeUrl.isEmpty())
        connection.authorizeUrl = QUrl(options.authorizeUrl, QUrl::StrictMode);
    if (!options.tokenUrl.isEmpty())
        connection.tokenUrl = QUrl(options.tokenUrl, QUrl::StrictMode);
    if (!options.clientId.isEmpty())
        connection.clientId = options.clientId;
    if (!options.scopes.isEmpty())
        connection.scopes = options.scopes.split(u' ', Qt::SkipEmptyParts);
    if (!options.apiBase.isEmpty())
        connection.apiBase = QUrl(options.apiBase, QUrl::StrictMode);
    return connection;
}

} // namespace

AppConnection::AppConnection(const AppOptions &options)
    : m_dataDir(options.dataDir)
    , m_appSettings(AppSettings::fileIn(options.dataDir))
{}

AppConnection::~AppConnection() = default;

std::unique_ptr<AppConnection> AppConnection::open(const AppOptions &options, QString *error, int *exitCode)
{
    std::unique_ptr<AppConnection> result(new AppConnection(options));
    AppSettings &settings = result->m_appSettings;
    const bool tenant =
        options.hasConnectionOverrides() ||
        settings.value(AppSettings::Key::ConnectionMode).toString() == QLatin1String(kTenantMode);
    if (tenant) {
        result->m_connection = tenantConnection(settings, options);
    } else {
        SandboxOptions sandboxOptions;
        sandboxOptions.port = quint16(settings.value(AppSettings::Key::SandboxPort).toUInt());
        sandboxOptions.identityStateFile =
            QDir(options.dataDir).filePath(QStringLiteral("sandbox-identity.json"));
        auto sandbox = std::make_unique<EmbeddedSandbox>(sandboxOptions);
        if (!sandbox->start() && sandboxOptions.port != 0) {
            sandboxOptions.port = 0; // taken by now: any free port
            sandbox = std::make_unique<EmbeddedSandbox>(sandboxOptions);
        }
        if (!sandbox->isRunning() && !sandbox->start()) {
            *error = QCoreApplication::translate("CommandLine", "The embedded sandbox could not start: %1\n")
                         .arg(sandbox->errorString());
            *exitCode = 1;
            return nullptr;
        }
        settings.setValue(AppSettings::Key::SandboxPort, sandbox->baseUrl().port());
        result->m_connection = ConnectionSettings::sandboxDefaults(sandbox->baseUrl());
        result->m_sandbox = std::move(sandbox);
    }
    if (const QStringList problems = result->m_connection.validate(); !problems.isEmpty()) {
        *error = QCoreApplication::translate("CommandLine", "The connection settings cannot be used:\n") +
                 problems.join(u'\n') + u'\n';
        *exitCode = 2;
        return nullptr;
    }
    return result;
}

ConnectorConfig AppConnection::connectorConfig() const
{
    ConnectorConfig config;
    config.dataDir = m_dataDir;
    config.apiBase = m_connection.apiBase;
    config.instanceId = m_appSettings.value(AppSettings::Key::InstanceId).toString();
    return config;
}

void AppConnection::save(const ConnectionSettings &saved)
{
    saved.save(m_appSettings);
    m_appSettings.setValue(AppSettings::Key::ConnectionMode, QLatin1String(kTenantMode));
    m_appSettings.sync();
}
