// insights-admin: parses the command line and wires the objects; everything else lives in the libraries.
//
// Without a configured tenant the app starts the embedded insights-sandbox on its own thread and signs in
// to it; with one (saved from the Account pane, or given with --authority/--api) it talks to that tenant.

#include "appoptions.h"
#include "authsession.h"
#include "connectionsettings.h"
#include "connector.h"
#include "database.h"
#include "embeddedsandbox.h"
#include "flowsservice.h"
#include "headlesssignin.h"
#include "mainwindow/mainwindow.h"
#include "secretstore.h"
#include "signinflow.h"
#include "systembrowser.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSocketNotifier>
#include <QTimer>
#include <QWindow>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr auto kConnectionGroup = "connection";
constexpr auto kModeKey = "mode"; // "sandbox" (the default) or "tenant"

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

// For bench_startup: reports once the window has been exposed and painted, then quits.
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
                print(stdout, QStringLiteral("first-paint\n"));
                QCoreApplication::quit();
            });
        }
        return false;
    }
};

// SIGTERM and SIGINT end the event loop cleanly (--headless): the handler only writes a byte to a socket
// pair, and a QSocketNotifier on the other end quits the application on the main thread.
int g_signalSockets[2] = {-1, -1};

void handleTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalSockets[0], &byte, 1);
}

bool quitOnTerminationSignals(QObject *owner)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalSockets) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalSockets[1], QSocketNotifier::Read, owner);
    QObject::connect(notifier, &QSocketNotifier::activated, owner, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(g_signalSockets[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = handleTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

// --import-flows FILE / --export-flows FILE: the flows JSON format (FLOWS-FORMAT.md), on the app database.
int runFlowsCommand(const AppOptions &options)
{
    Database db;
    if (!db.open(options.dataDir, QStringLiteral("cli"))) {
        print(stderr, db.errorString() + u'\n');
        return 1;
    }
    // No secret store here: an import names the secrets; the app asks for those this computer lacks.
    FlowsService flows(db);
    if (!options.importFlows.isEmpty()) {
        const FlowsService::ImportResult result = flows.importFile(options.importFlows);
        if (result.storeError) {
            print(stderr, result.errors.join(u'\n') + u'\n');
            return 1;
        }
        if (!result.ok()) {
            print(stderr, QCoreApplication::translate("CommandLine", "%1 cannot be imported:\n")
                                  .arg(QDir::toNativeSeparators(options.importFlows)) +
                              result.errors.join(u'\n') + u'\n');
            return 2;
        }
        print(stdout, QCoreApplication::translate("CommandLine", "Imported %n flow(s) from %1.\n", nullptr,
                                                  int(result.ids.size()))
                          .arg(QDir::toNativeSeparators(options.importFlows)));
        return 0;
    }
    QString error;
    const int count = flows.exportFile(options.exportFlows, &error);
    if (count < 0) {
        print(stderr, error + u'\n');
        return 1;
    }
    print(stdout, QCoreApplication::translate("CommandLine", "Exported %n flow(s) to %1.\n", nullptr, count)
                      .arg(QDir::toNativeSeparators(options.exportFlows)));
    return 0;
}

// What the connector worker watches: the connection's API, and the instance named in the settings (else the
// first one the account sees).
ConnectorConfig connectorConfig(const AppOptions &options, const QSettings &settings,
                                const ConnectionSettings &connection, const EmbeddedSandbox *sandbox)
{
    ConnectorConfig config;
    config.dataDir = options.dataDir;
    config.apiBase = connection.apiBase;
    config.subscriptionKey = sandbox ? sandbox->subscriptionKey()
                             : !options.subscriptionKey.isEmpty()
                                 ? options.subscriptionKey
                                 : settings.value(QStringLiteral("subscriptionKey")).toString();
    config.instanceId = settings.value(QStringLiteral("instanceId")).toString();
    return config;
}

// The saved connection with the command line's overrides on top.
ConnectionSettings tenantConnection(const QSettings &settings, const AppOptions &options)
{
    ConnectionSettings connection = ConnectionSettings::load(settings, ConnectionSettings());
    if (!options.authority.isEmpty())
        connection.authority = QUrl(options.authority, QUrl::StrictMode);
    if (!options.authorizeUrl.isEmpty())
        connection.authorizeUrl = QUrl(options.authorizeUrl, QUrl::StrictMode);
    if (!options.tokenUrl.isEmpty())
        connection.tokenUrl = QUrl(options.tokenUrl, QUrl::StrictMode);
    if (!options.clientId.isEmpty())
        connection.clientId = options.clientId;
    if (!options.scopes.isEmpty())
        connection.scopes = options.scopes.split(u' ', Qt::SkipEmptyParts);
    if (!options.apiBase.isEmpty())
        connection.apiBase = QUrl(options.apiBase, QUrl::StrictMode);
    return connection;
}

} // namespace

int main(int argc, char *argv[])
{
    // Only a window needs a display: --version, --help and --sign-in work on a server.
    std::unique_ptr<QCoreApplication> app(commandLineWantsGui(argc, argv) ? new QApplication(argc, argv)
                                                                          : new QCoreApplication(argc, argv));
    QCoreApplication::setOrganizationName(QStringLiteral("insights-admin"));
    QCoreApplication::setApplicationName(QStringLiteral("insights-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INSIGHTS_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("insights-admin"));

    // A first pass only finds --lang, so that the second pass (help, errors) speaks the chosen language.
    const QStringList arguments = QCoreApplication::arguments();
    const QString requested = parseCommandLine(arguments).requestedLanguage;
    const QString language = Translations::resolve(requested);
    if (!Translations::install(*app, language))
        print(stderr,
              QStringLiteral("insights-admin: the %1 translation could not be loaded.\n").arg(language));
    QLocale::setDefault(QLocale(language));

    const CommandLineResult parsed = parseCommandLine(arguments);
    if (!parsed.options) {
        print(parsed.exitCode == 0 ? stdout : stderr, parsed.output);
        return parsed.exitCode;
    }
    const AppOptions &options = *parsed.options;
    if (!requested.isEmpty() && language != Translations::languageOf(requested))
        print(stderr,
              QCoreApplication::translate("CommandLine", "The language \"%1\" is not available; using %2.\n")
                  .arg(requested, QLocale(language).nativeLanguageName()));
    if (!QDir().mkpath(options.dataDir)) {
        print(stderr,
              QCoreApplication::translate("CommandLine", "Cannot create the data folder %1. Choose another "
                                                         "one with --data-dir.\n")
                  .arg(QDir::toNativeSeparators(options.dataDir)));
        return 2;
    }

    if (!options.importFlows.isEmpty() || !options.exportFlows.isEmpty())
        return runFlowsCommand(options);

    // The connection: a tenant when one is configured, else the embedded sandbox.
    QSettings settings(QDir(options.dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.beginGroup(QLatin1String(kConnectionGroup));
    const bool tenant = options.hasConnectionOverrides() ||
                        settings.value(QLatin1String(kModeKey)).toString() == QLatin1String("tenant");
    std::unique_ptr<EmbeddedSandbox> sandbox;
    ConnectionSettings connection;
    if (tenant) {
        connection = tenantConnection(settings, options);
    } else {
        // The same port as last time (when free) and a kept identity state: a remembered sign-in to the
        // sandbox survives a restart like one to a tenant.
        SandboxOptions sandboxOptions;
        sandboxOptions.port = quint16(settings.value(QStringLiteral("sandboxPort")).toUInt());
        sandboxOptions.identityStateFile =
            QDir(options.dataDir).filePath(QStringLiteral("sandbox-identity.json"));
        sandbox = std::make_unique<EmbeddedSandbox>(sandboxOptions);
        if (!sandbox->start() && sandboxOptions.port != 0) {
            sandboxOptions.port = 0;
            sandbox = std::make_unique<EmbeddedSandbox>(sandboxOptions);
        }
        if (sandbox->isRunning() || sandbox->start()) {
            settings.setValue(QStringLiteral("sandboxPort"), sandbox->baseUrl().port());
        } else {
            print(stderr,
                  QCoreApplication::translate("CommandLine", "The embedded sandbox could not start: %1\n")
                      .arg(sandbox->errorString()));
            return 1;
        }
        connection = ConnectionSettings::sandboxDefaults(sandbox->baseUrl());
    }
    if (const QStringList problems = connection.validate(); !problems.isEmpty()) {
        print(stderr,
              QCoreApplication::translate("CommandLine", "The connection settings cannot be used:\n") +
                  problems.join(u'\n') + u'\n');
        return 2;
    }
    // Saved settings name a tenant: the next start uses them instead of the sandbox.
    const auto saveConnection = [&settings](const ConnectionSettings &saved) {
        saved.save(settings);
        settings.setValue(QLatin1String(kModeKey), QStringLiteral("tenant"));
        settings.sync();
    };

    // The session starts without a secret store; the probe of the system's store may take a moment (or
    // show the desktop's keyring prompt), and the window does not wait for it.
    QNetworkAccessManager network;
    AuthSession session(&network, nullptr);
    session.setSettings(connection);
    std::unique_ptr<HeadlessSignIn> headless;
    Database database; // declared before the window, which uses it until it is gone
    std::unique_ptr<MainWindow> window;
    FirstPaintProbe probe;
    // The connector worker runs on its own thread while the session is signed in (the window and
    // --headless alike); it is gone (thread joined) before the sandbox and the session.
    std::unique_ptr<Connector> connector;
    if (!options.signIn) {
        connector = std::make_unique<Connector>();
        connector->followSession(&session, connectorConfig(options, settings, connection, sandbox.get()));
    }
    // --headless without a remembered sign-in, or after the service refused it (revoked, expired): one
    // interactive sign-in at a time, and a new one each time the session is lost again.
    std::unique_ptr<HeadlessSignIn> interactiveSignIn;
    const auto signInInteractively = [&] {
        if (interactiveSignIn)
            return; // one is under way
        interactiveSignIn = std::make_unique<HeadlessSignIn>(&network, &session);
        interactiveSignIn->flow()->setBrowser([](const QUrl &url) { return SystemBrowser::open(url); });
        interactiveSignIn->setPrinter([](const QString &line) { print(stderr, line + u'\n'); });
        QObject::connect(interactiveSignIn.get(), &HeadlessSignIn::finished, app.get(), [&](int exitCode) {
            interactiveSignIn.release()->deleteLater(); // finished: the next lost session signs in anew
            if (exitCode != 0)
                return QCoreApplication::exit(exitCode);
            if (tenant)
                saveConnection(connection);
        });
        interactiveSignIn->start();
    };
    if (options.headless) {
        if (!quitOnTerminationSignals(app.get()))
            print(stderr, QStringLiteral("insights-admin: SIGTERM and SIGINT cannot be watched.\n"));
        // stdout carries one JSON line per firing and nothing else; diagnostics go to stderr.
        QObject::connect(connector.get(), &Connector::firingsRecorded, app.get(),
                         [](const QList<Firing> &firings) {
                             for (const Firing &firing : firings)
                                 std::fwrite(firing.toJsonLine().constData(), 1,
                                             size_t(firing.toJsonLine().size()), stdout);
                             std::fflush(stdout);
                         });
        QObject::connect(
            connector.get(), &Connector::statusChanged, app.get(),
            [last = ConnectorStatus::State::Stopped](const ConnectorStatus &status) mutable {
                if (status.state == last)
                    return;
                last = status.state;
                print(stderr,
                      QCoreApplication::translate("CommandLine", "Connector: %1\n").arg(status.stateText()));
            });
        QObject::connect(&session, &AuthSession::stateChanged, app.get(), [&](AuthSession::State state) {
            if (state == AuthSession::State::SignedOut || state == AuthSession::State::Expired)
                signInInteractively();
        });
    } else if (options.signIn) {
        headless = std::make_unique<HeadlessSignIn>(&network, &session);
        headless->flow()->setBrowser([](const QUrl &url) { return SystemBrowser::open(url); });
        headless->setPrinter([](const QString &line) { print(stderr, line + u'\n'); });
        QObject::connect(headless.get(), &HeadlessSignIn::finished, app.get(), [&](int exitCode) {
            if (exitCode == 0 && tenant)
                saveConnection(connection);
            QCoreApplication::exit(exitCode);
        });
    } else {
        // The window reads the trigger log through the GUI thread's own connection to the database.
        if (!database.open(options.dataDir, QStringLiteral("gui"))) {
            print(stderr, database.errorString() + u'\n');
            return 2;
        }
        window = std::make_unique<MainWindow>(&session, &network, database, connector.get());
        QObject::connect(window.get(), &MainWindow::connectionSaved, app.get(), saveConnection);
        if (options.startupProbe) {
            window->winId(); // creates the QWindow so the probe can watch it before it is shown
            window->windowHandle()->installEventFilter(&probe);
        }
        window->show();
    }
    SecretStoreProbe::probe(app.get(), [&](SecretStore *secrets) {
        session.setSecretStore(secrets);
        if (connector)
            connector->setSecretStore(secrets); // the steps' secrets: the same store as the editor's
        if (headless) {
            headless->start();
        } else if (session.state() == AuthSession::State::SignedOut) {
            session.restore();
            if (options.headless && session.state() == AuthSession::State::SignedOut)
                signInInteractively(); // nothing to restore
        }
    });
    return QCoreApplication::exec();
}
