#include "guimode.h"

#include "connector.h"
#include "console.h"
#include "database.h"
#include "instanceguard.h"
#include "mainwindow/mainwindow.h"
#include "modecontext.h"
#include "retentionservice.h"
#include "triggerlog/triggerlogpane.h"

#include <QCoreApplication>
#include <QTimer>
#include <QWindow>

namespace {

// For bench_startup (--startup-probe): reports once the window has been exposed and painted, then quits.
class FirstPaintProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()) {
            watched->removeEventFilter(this);
            // The expose event paints the window synchronously; report after it has been handled.
            QTimer::singleShot(0, this, [] {
                Console::out(QStringLiteral("first-paint\n"));
                QCoreApplication::quit();
            });
        }
        return false;
    }
};

} // namespace

int runGuiMode(ModeContext &context)
{
    AuthSession *session = context.session();
    Database database; // declared before the window, which uses it until it is gone
    std::unique_ptr<RetentionService> retention;
    std::unique_ptr<MainWindow> window;
    FirstPaintProbe probe;
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
    if (context.options().startupProbe) {
        window->winId(); // creates the QWindow so the probe can watch it before it is shown
        window->windowHandle()->installEventFilter(&probe);
    }
    window->show();
    context.probeSecretStore([&](SecretStore *secrets) {
        connector->setSecretStore(secrets); // the steps' secrets: the same store as the editor's
        if (session->state() == AuthSession::State::SignedOut)
            session->restore();
    });
    return QCoreApplication::exec();
}
