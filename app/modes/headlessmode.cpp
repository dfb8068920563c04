#include "headlessmode.h"

#include "connector.h"
#include "console.h"
#include "database.h"
#include "headlesssignin.h"
#include "instanceguard.h"
#include "modecontext.h"
#include "retentionservice.h"
#include "terminationsignals.h"

#include <QCoreApplication>

#include <cstdio>

int runHeadlessMode(ModeContext &context)
{
    QCoreApplication *app = QCoreApplication::instance();
    AuthSession *session = context.session();
    if (!quitOnTerminationSignals(app))
        Console::err(QStringLiteral("insights-admin: SIGTERM and SIGINT cannot be watched.\n"));

    // The firing log keeps the retention setting's days, through this thread's own connection.
    Database database;
    if (!database.open(context.options().dataDir, QStringLiteral("retention"))) {
        Console::err(database.errorString() + u'\n');
        return 2;
    }
    RetentionService retention(database);
    retention.start();

    // The worker's thread is joined (when `connector` goes) before the session and the sandbox.
    Connector connector;
    std::unique_ptr<HeadlessSignIn> signIn; // one at a time; a new one each time the session is lost again
    const QObject scope;                    // the context of the connections below: gone before what they use
    connector.followSession(session, context.connection().connectorConfig());
    // Flows imported beside it (--import-flows) reach the worker.
    QObject::connect(context.instance(), &InstanceGuard::flowsChanged, &connector, &Connector::reloadFlows);
    QObject::connect(&connector, &Connector::firingsRecorded, &scope, [](const QList<Firing> &firings) {
        for (const Firing &firing : firings) {
            const QByteArray line = firing.toJsonLine();
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        }
        std::fflush(stdout);
    });
    // One line per change (a lasting error is said once, not every cycle).
    QObject::connect(&connector, &Connector::statusChanged, &scope,
                     [last = QString()](const ConnectorStatus &status) mutable {
                         const QString text = status.stateText();
                         if (text == last)
                             return;
                         last = text;
                         Console::err(
                             QCoreApplication::translate("CommandLine", "Connector: %1\n").arg(text));
                     });

    const auto signInInteractively = [&] {
        if (signIn)
            return;
        signIn = context.createHeadlessSignIn();
        QObject::connect(signIn.get(), &HeadlessSignIn::finished, &scope, [&](int exitCode) {
            signIn.release()->deleteLater();
            if (exitCode != 0)
                return QCoreApplication::exit(exitCode);
            context.saveTenantConnection();
        });
        signIn->start();
    };
    QObject::connect(session, &AuthSession::stateChanged, &scope, [&](AuthSession::State state) {
        if (state == AuthSession::State::SignedOut || state == AuthSession::State::Expired)
            signInInteractively();
    });
    context.probeSecretStore([&](SecretStore *secrets) {
        connector.setSecretStore(secrets); // the steps' secrets
        if (session->state() != AuthSession::State::SignedOut)
            return;
        session->restore();
        if (session->state() == AuthSession::State::SignedOut)
            signInInteractively(); // nothing to restore
    });
    return QCoreApplication::exec();
}
