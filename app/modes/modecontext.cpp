#include "modecontext.h"

#include "console.h"
#include "embeddedsandbox.h"
#include "headlesssignin.h"
#include "secretstore.h"
#include "signinflow.h"
#include "systembrowser.h"

#include <QCoreApplication>

ModeContext::ModeContext(const AppOptions &options, std::unique_ptr<AppConnection> connection,
                         InstanceGuard *instance)
    : m_options(options)
    , m_connection(std::move(connection))
    , m_instance(instance)
    , m_session(&m_network, nullptr)
{
    m_session.setSettings(m_connection->settings());
    if (const EmbeddedSandbox *sandbox = m_connection->sandbox())
        m_session.setSubscriptionKey(sandbox->subscriptionKey(), false);
    else if (!options.subscriptionKey.isEmpty())
        m_session.setSubscriptionKey(options.subscriptionKey); // saved once signed in
}

ModeContext::~ModeContext() = default;

std::unique_ptr<HeadlessSignIn> ModeContext::createHeadlessSignIn()
{
    auto signIn = std::make_unique<HeadlessSignIn>(&m_network, &m_session);
    signIn->flow()->setBrowser([](const QUrl &url) { return SystemBrowser::open(url); });
    signIn->setPrinter([](const QString &line) { Console::err(line + u'\n'); });
    return signIn;
}

void ModeContext::saveTenantConnection()
{
    if (m_connection->isTenant())
        m_connection->save(m_connection->settings());
}

void ModeContext::probeSecretStore(std::function<void(SecretStore *secrets)> ready)
{
    SecretStoreProbe::probe(QCoreApplication::instance(),
                            [this, ready = std::move(ready)](SecretStore *secrets) {
                                m_session.setSecretStore(secrets);
                                ready(secrets);
                            });
}
