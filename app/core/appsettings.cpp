#include "appsettings.h"

#include <QDir>

namespace {

struct Entry
{
    AppSettings::Key key;
    const char *name;
    QVariant defaultValue;
};

// Every key, in the order of the enum.
const Entry kEntries[] = {
    {AppSettings::Key::ConnectionMode, "connection/mode", QStringLiteral("sandbox")},
    {AppSettings::Key::Authority, "connection/authority", QString()},
    {AppSettings::Key::AuthorizeUrl, "connection/authorizeUrl", QString()},
    {AppSettings::Key::TokenUrl, "connection/tokenUrl", QString()},
    // No default here: ConnectionSettings has them (defaultClientId(), defaultScopes()).
    {AppSettings::Key::ClientId, "connection/clientId", QVariant()},
    {AppSettings::Key::Scopes, "connection/scopes", QVariant()},
    {AppSettings::Key::ApiBase, "connection/apiBase", QString()},
    {AppSettings::Key::InstanceId, "connection/instanceId", QString()},
    {AppSettings::Key::SandboxPort, "connection/sandboxPort", 0},
    {AppSettings::Key::RetentionDays, "triggerLog/retentionDays", 28},
    {AppSettings::Key::ConfiguredAt, "powerAutomate/configuredAt", QString()},
    {AppSettings::Key::ConfiguredAccount, "powerAutomate/account", QString()},
};

const Entry &entry(AppSettings::Key key)
{
    const Entry &found = kEntries[int(key)];
    Q_ASSERT(found.key == key);
    return found;
}

} // namespace

QString AppSettings::fileIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("settings.ini"));
}

AppSettings::AppSettings(const QString &fileName)
    : m_settings(fileName, QSettings::IniFormat)
{}

QString AppSettings::name(Key key)
{
    return QLatin1String(entry(key).name);
}

QVariant AppSettings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

QVariant AppSettings::value(Key key) const
{
    return m_settings.value(name(key), defaultValue(key));
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    m_settings.setValue(name(key), value);
}

bool AppSettings::contains(Key key) const
{
    return m_settings.contains(name(key));
}
