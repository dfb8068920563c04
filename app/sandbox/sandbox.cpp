#include "sandbox.h"

#include "ciapi.h"
#include "controlapi.h"
#include "faultinjector.h"
#include "identityprovider.h"
#include "outbox.h"
#include "sandboxclock.h"
#include "sandboxlog.h"
#include "sandboxserver.h"
#include "scenario.h"
#include "smtpsink.h"
#include "throttle.h"

namespace {

std::shared_ptr<const SandboxClock> clockOrSystem(const std::shared_ptr<const SandboxClock> &clock)
{
    return clock ? clock : std::make_shared<SandboxSystemClock>();
}

IdentityProvider::Options identityOptions(const SandboxOptions &options)
{
    IdentityProvider::Options result;
    result.accessTokenLifetime = options.accessTokenLifetime;
    result.stateFile = options.identityStateFile;
    return result;
}

} // namespace

Sandbox::Sandbox(const SandboxOptions &options, const QJsonObject &scenario, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clockOrSystem(options.clock))
    , m_server(new SandboxServer(this))
    , m_scenario(new Scenario(scenario, options.seed, m_clock, this))
    , m_outbox(std::make_unique<Outbox>())
    , m_throttle(std::make_unique<Throttle>(m_clock, options.rateLimit))
    , m_faults(std::make_unique<FaultInjector>())
    , m_identity(std::make_unique<IdentityProvider>(identityOptions(options), m_clock, m_server))
{
    m_smtp = new SmtpSink(m_outbox.get(), m_clock, this);
    m_ciApi = std::make_unique<CiApi>(m_scenario, m_identity.get(), m_throttle.get(), m_faults.get(),
                                      m_server, options.subscriptionKey);
    m_controlApi = std::make_unique<ControlApi>(m_scenario, m_faults.get(), m_throttle.get(), m_outbox.get(),
                                                m_smtp, m_identity.get(), m_clock);
    m_identity->registerRoutes(*m_server);
    m_ciApi->registerRoutes(*m_server);
    m_controlApi->registerRoutes(*m_server);
}

// The QObject children (server, scenario, sink) go first: nothing may call into the plain members after.
Sandbox::~Sandbox()
{
    delete m_server;
    delete m_smtp;
    delete m_scenario;
}

bool Sandbox::listen(QString *error)
{
    if (!m_server->listen(m_options.port, error) || !m_smtp->listen(m_options.smtpPort, error))
        return false;
    qCInfo(lcSandbox) << "listening on" << baseUrl().toString() << "SMTP sink on port" << smtpPort();
    return true;
}

void Sandbox::startClock()
{
    m_scenario->start(m_options.speed);
}

QUrl Sandbox::baseUrl() const
{
    return m_server->baseUrl();
}

QUrl Sandbox::apiBaseUrl() const
{
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/v1"));
    return url;
}

QUrl Sandbox::authorityUrl() const
{
    QUrl url = baseUrl();
    url.setPath(u'/' + m_identity->options().tenant);
    return url;
}

quint16 Sandbox::port() const
{
    return m_server->port();
}

quint16 Sandbox::smtpPort() const
{
    return m_smtp->port();
}
