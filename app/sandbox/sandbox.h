#pragma once

#include "sandboxoptions.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

class CiApi;
class SandboxClock;
class ControlApi;
class FaultInjector;
class IdentityProvider;
class Outbox;
class SandboxServer;
class Scenario;
class SmtpSink;
class Throttle;

// The whole emulator, wired: one HTTP server (identity provider, CI API, control API, Teams sink) and one
// SMTP sink, both on 127.0.0.1, over one scenario. Lives on one thread; EmbeddedSandbox runs it on its own.
class Sandbox : public QObject
{
    Q_OBJECT

public:
    // `scenario` must have passed Scenario::validate (Scenario::loadDefinition does that).
    Sandbox(const SandboxOptions &options, const QJsonObject &scenario, QObject *parent = nullptr);
    ~Sandbox() override;

    bool listen(QString *error);
    void startClock(); // the scenario clock; tests that drive Scenario::tick() leave it stopped

    QUrl baseUrl() const;      // http://127.0.0.1:PORT
    QUrl apiBaseUrl() const;   // http://127.0.0.1:PORT/v1
    QUrl authorityUrl() const; // http://127.0.0.1:PORT/contoso
    quint16 port() const;
    quint16 smtpPort() const;
    const SandboxOptions &options() const { return m_options; }

    Scenario *scenario() const { return m_scenario; }
    IdentityProvider *identityProvider() const { return m_identity.get(); }
    Throttle *throttle() const { return m_throttle.get(); }
    FaultInjector *faults() const { return m_faults.get(); }
    Outbox *outbox() const { return m_outbox.get(); }
    SandboxServer *server() const { return m_server; }

private:
    SandboxOptions m_options;
    std::shared_ptr<const SandboxClock> m_clock;
    SandboxServer *m_server;
    Scenario *m_scenario;
    SmtpSink *m_smtp;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<Throttle> m_throttle;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<IdentityProvider> m_identity;
    std::unique_ptr<CiApi> m_ciApi;
    std::unique_ptr<ControlApi> m_controlApi;
};
