#pragma once

#include <QSettings>
#include <QVariant>

// The app's settings (settings.ini in the data folder), one table of keys with their ini names and defaults,
// as KeePassXC's Config does. Never a secret: tokens and keys live in the SecretStore.
//
//   AppSettings settings(database.settingsPath());
//   const int days = settings.value(AppSettings::Key::RetentionDays).toInt();
class AppSettings
{
public:
    enum class Key
    {
        // [connection]
        ConnectionMode, // "sandbox" (the default) or "tenant": a saved tenant connection is used
        Authority,
        AuthorizeUrl,
        TokenUrl,
        ClientId,
        Scopes, // space-separated
        ApiBase,
        InstanceId,  // empty: the first instance the account sees
        SandboxPort, // the embedded sandbox's port of the last run, reused when free
                     // [triggerLog]
        RetentionDays,
        // [powerAutomate]: "My export destinations"
        ConfiguredAt, // when the connection was first signed in (ISO 8601, UTC)
        ConfiguredAccount,
    };

    // settings.ini in `dataDir`.
    static QString fileIn(const QString &dataDir);

    explicit AppSettings(const QString &fileName);

    // The stored value, else the key's default.
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    bool contains(Key key) const;
    void sync() { m_settings.sync(); }

    // The ini name ("connection/mode") and default of a key.
    static QString name(Key key);
    static QVariant defaultValue(Key key);

private:
    QSettings m_settings;
};
