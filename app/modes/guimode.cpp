#include "guimode.h"

#include "common/firstpaintprobe.h"
#include "connector.h"
#include "console.h"
#include "database.h"
#include "instanceguard.h"
#include "mainwindow/mainwindow.h"
#include "modecontext.h"
#include "retentionservice.h"
#include "triggerlog/triggerlogpane.h"

#include <QCoreApplication>

int runGuiMode(ModeContext &context)
{
    AuthSession *session = context.session();
    Database database; // declared before the window, which uses it until it is gone
    std::unique_ptr<RetentionService> retention;
    std::unique_ptr<MainWindow> window;
    // Declared last: the worker's thread is joined first.
    const auto connector = std::make_unique<Connector>();
    connector->followSession(session, context.connection().connectorConfig());

    if (!database.open(context.options().dataDir, QStringLiteral("gui"))) {
        Console::err(database.errorString() + u'\n');
        return 2;
    }
    retention = std::make_unique<RetentionService>(database);
    window = std::make_unique<MainWindow>(session, context.network(), database, connector.get());
    window->triggerLogPane()->setRetentionService(retention.get());
    // A second start hands over to this window; flows imported beside it reach the worker and the log.
    QObject::connect(context.instance(), &InstanceGuard::activationRequested, window.get(), [&window] {
        window->setWindowState(window->windowState() & ~Qt::WindowMinimized);
        window->show();
        window->raise();
        window->activateWindow();
    });
    QObject::connect(context.instance(), &InstanceGuard::flowsChanged, connector.get(),
                     &Connector::reloadFlows);
    QObject::connect(context.instance(), &InstanceGuard::flowsChanged, window->triggerLogPane(),
                     &TriggerLogPane::reloadFlows);
    retention->start();
    QObject::connect(window.get(), &MainWindow::connectionSaved, window.get(),
                     [&context](const ConnectionSettings &saved) { context.connection().save(saved); });
    if (context.options().startupProbe)
        new FirstPaintProbe(window.get()); // the window owns it
    window->show();
    context.probeSecretStore([&](SecretStore *secrets) {
        connector->setSecretStore(secrets); // the steps' secrets: the same store as the editor's
        if (session->state() == AuthSession::State::SignedOut)
            session->restore();
    });
    return QCoreApplication::exec();
}
