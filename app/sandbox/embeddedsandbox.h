#pragma once

#include "sandboxoptions.h"

#include <QObject>
#include <QThread>
#include <QUrl>

#include <memory>

class Sandbox;

// The sandbox running in-process on its own thread: the app's default when no real instance is configured.
//
//   EmbeddedSandbox sandbox;              // owns the thread (RAII: its deleter quits and waits)
//   if (!sandbox.start())                 // loads the scenario and listens on 127.0.0.1 right away,
//       warn(sandbox.errorString());      // then moves the Sandbox to the thread and starts its clock there
//   client.setApiBase(sandbox.apiBaseUrl());
//
// After start() the Sandbox belongs to the thread; talk to it only over HTTP/SMTP.
class EmbeddedSandbox : public QObject
{
    Q_OBJECT

public:
    explicit EmbeddedSandbox(SandboxOptions options = {}, QObject *parent = nullptr);
    ~EmbeddedSandbox() override;

    bool start();
    void stop(); // also done by the destructor
    bool isRunning() const { return bool(m_thread); }
    QString errorString() const { return m_errorString; }

    QUrl baseUrl() const { return m_baseUrl; }           // http://127.0.0.1:PORT
    QUrl apiBaseUrl() const { return m_apiBaseUrl; }     // http://127.0.0.1:PORT/v1
    QUrl authorityUrl() const { return m_authorityUrl; } // http://127.0.0.1:PORT/contoso
    quint16 smtpPort() const { return m_smtpPort; }
    QString subscriptionKey() const { return m_options.subscriptionKey; }

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    SandboxOptions m_options;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    QString m_errorString;
    QUrl m_baseUrl;
    QUrl m_apiBaseUrl;
    QUrl m_authorityUrl;
    quint16 m_smtpPort = 0;
};
