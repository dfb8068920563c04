#pragma once

#include "appconnection.h"
#include "appoptions.h"
#include "authsession.h"

#include <QNetworkAccessManager>

#include <functional>
#include <memory>

class HeadlessSignIn;
class InstanceGuard;
class SecretStore;

// What every mode that signs in shares: the options, the connection, the network and the session of the
// connection, with the subscription key of --subscription-key (saved once signed in) or the embedded
// sandbox's (this run only). The session starts without a secret store; probeSecretStore() finds the system's
// (the probe may take a moment, or show the desktop's keyring prompt, and a window does not wait for it).
class ModeContext
{
public:
    // `instance`: the data folder's guard, claimed (null for --sign-in); it outlives the context.
    ModeContext(const AppOptions &options, std::unique_ptr<AppConnection> connection,
                InstanceGuard *instance);
    ~ModeContext();

    const AppOptions &options() const { return m_options; }
    AppConnection &connection() { return *m_connection; }
    QNetworkAccessManager *network() { return &m_network; }
    AuthSession *session() { return &m_session; }
    InstanceGuard *instance() const { return m_instance; }

    // An interactive sign-in without a window (--sign-in, and --headless without a sign-in): the link on
    // stderr, the system browser ($BROWSER, then xdg-open). Not started.
    std::unique_ptr<HeadlessSignIn> createHeadlessSignIn();
    // After a successful sign-in: a tenant connection is saved for the next start.
    void saveTenantConnection();

    // Gives the session its secret store, then calls `ready` with it (on this thread). The store is a child
    // of the application object, so it outlives every mode's objects.
    void probeSecretStore(std::function<void(SecretStore *secrets)> ready);

private:
    AppOptions m_options;
    std::unique_ptr<AppConnection> m_connection;
    InstanceGuard *m_instance;
    QNetworkAccessManager m_network;
    AuthSession m_session;
};
