// insights-admin: parses the command line and picks a mode (app/modes); everything else lives in the
// libraries.
//
// Without a configured tenant the app starts the embedded insights-sandbox on its own thread and signs in
// to it; with one (saved from the Account pane, or given with --authority/--api) it talks to that tenant.

#include "appconnection.h"
#include "appoptions.h"
#include "console.h"
#include "flowscommand.h"
#include "guimode.h"
#include "headlessmode.h"
#include "instanceguard.h"
#include "modecontext.h"
#include "signinmode.h"
#include "translations.h"

#include <QApplication>
#include <QDir>

#include <memory>

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
        Console::err(
            QStringLiteral("insights-admin: the %1 translation could not be loaded.\n").arg(language));
    QLocale::setDefault(QLocale(language));

    const CommandLineResult parsed = parseCommandLine(arguments);
    if (!parsed.options) {
        (parsed.exitCode == 0 ? Console::out : Console::err)(parsed.output);
        return parsed.exitCode;
    }
    const AppOptions &options = *parsed.options;
    if (!requested.isEmpty() && language != Translations::languageOf(requested))
        Console::err(
            QCoreApplication::translate("CommandLine", "The language \"%1\" is not available; using %2.\n")
                .arg(requested, QLocale(language).nativeLanguageName()));
    if (!QDir().mkpath(options.dataDir)) {
        Console::err(QCoreApplication::translate("CommandLine",
                                                 "Cannot create the data folder %1. Choose another "
                                                 "one with --data-dir.\n")
                         .arg(QDir::toNativeSeparators(options.dataDir)));
        return 2;
    }

    if (!options.importFlows.isEmpty() || !options.exportFlows.isEmpty())
        return runFlowsCommand(options);

    // One connector per data folder: a second window hands over to the first, a second --headless refuses.
    InstanceGuard instance(options.dataDir,
                           options.headless ? InstanceGuard::Role::Headless : InstanceGuard::Role::Window);
    if (!options.signIn && !instance.claim())
        return instance.handOver();

    QString error;
    int exitCode = 0;
    std::unique_ptr<AppConnection> connection = AppConnection::open(options, &error, &exitCode);
    if (!connection) {
        Console::err(error);
        return exitCode;
    }
    ModeContext context(options, std::move(connection), options.signIn ? nullptr : &instance);
    if (options.signIn)
        return runSignInMode(context);
    if (options.headless)
        return runHeadlessMode(context);
    return runGuiMode(context);
}
