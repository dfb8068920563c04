// insights-admin: parses the command line and wires the objects; everything else lives in the libraries.
//
// Without a configured tenant the app starts the embedded insights-sandbox on its own thread and signs in
// to it; with one (saved from the Account pane, or given with --authority/--api) it talks to that tenant.

#include "appoptions.h"
#include "authsession.h"
#include "connectionsettings.h"
#include "embeddedsandbox.h"
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
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <memory>

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
    std::unique_ptr<MainWindow> window;
    FirstPaintProbe probe;
    if (options.signIn) {
        headless = std::make_unique<HeadlessSignIn>(&network, &session);
        headless->flow()->setBrowser([](const QUrl &url) { return SystemBrowser::open(url); });
        headless->setPrinter([](const QString &line) { print(stderr, line + u'\n'); });
        QObject::connect(headless.get(), &HeadlessSignIn::finished, app.get(), [&](int exitCode) {
            if (exitCode == 0 && tenant)
                saveConnection(connection);
            QCoreApplication::exit(exitCode);
        });
    } else {
        window = std::make_unique<MainWindow>(&session, &network);
        QObject::connect(window.get(), &MainWindow::connectionSaved, app.get(), saveConnection);
        if (options.startupProbe) {
            window->winId(); // creates the QWindow so the probe can watch it before it is shown
            window->windowHandle()->installEventFilter(&probe);
        }
        window->show();
    }
    SecretStoreProbe::probe(app.get(), [&](SecretStore *secrets) {
        session.setSecretStore(secrets);
        if (headless)
            headless->start();
        else if (session.state() == AuthSession::State::SignedOut)
            session.restore();
    });
    return QCoreApplication::exec();
}
