#include "embeddedsandbox.h"

#include "sandbox.h"
#include "sandboxlog.h"
#include "scenario.h"

void EmbeddedSandbox::ThreadStopper::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

EmbeddedSandbox::EmbeddedSandbox(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

EmbeddedSandbox::~EmbeddedSandbox() = default;

bool EmbeddedSandbox::start()
{
    if (m_thread)
        return true;
    const auto scenario = Scenario::loadDefinition(m_options.scenarioFile, &m_errorString);
    if (!scenario)
        return false;
    // Built and bound here, so the URL is known when start() returns; then handed to the thread.
    auto sandbox = std::make_unique<Sandbox>(m_options, *scenario);
    if (!sandbox->listen(&m_errorString))
        return false;
    m_baseUrl = sandbox->baseUrl();
    m_apiBaseUrl = sandbox->apiBaseUrl();
    m_authorityUrl = sandbox->authorityUrl();
    m_smtpPort = sandbox->smtpPort();

    std::unique_ptr<QThread, ThreadStopper> thread(new QThread);
    thread->setObjectName(QStringLiteral("insights-sandbox"));
    Sandbox *worker = sandbox.release();
    worker->moveToThread(thread.get());
    connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    connect(thread.get(), &QThread::started, worker, [worker] { worker->startClock(); });
    thread->start();
    m_thread = std::move(thread);
    qCInfo(lcSandbox) << "embedded sandbox running at" << m_baseUrl.toString();
    return true;
}

void EmbeddedSandbox::stop()
{
    m_thread.reset();
}
