#include "appoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

bool AppOptions::hasConnectionOverrides() const
{
    return !authority.isEmpty() || !authorizeUrl.isEmpty() || !tokenUrl.isEmpty() || !clientId.isEmpty() ||
           !scopes.isEmpty() || !apiBase.isEmpty() || !subscriptionKey.isEmpty();
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool commandLineWantsGui(int argc, const char *const *argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const CommandLineResult result = parseCommandLine(arguments);
    return result.options && result.options->needsWindow();
}

CommandLineResult parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Configure and run Power Automate flows for Dynamics 365 Customer Insights."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("CommandLine", "Keep all state under <dir> (default: %1).")
            .arg(QDir::toNativeSeparators(defaultDataDir())),
        QCoreApplication::translate("CommandLine", "dir"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("CommandLine",
                                    "Use the language <code> (en, ro) instead of the system's."),
        QCoreApplication::translate("CommandLine", "code"));
    // Used by bench_startup: print "first-paint" on stdout once the main window is painted, then quit.
    QCommandLineOption probeOption(QStringLiteral("startup-probe"));
    probeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption signInOption(
        QStringLiteral("sign-in"),
        QCoreApplication::translate("CommandLine",
                                    "Sign in with the system browser without opening a window, "
                                    "remember the sign-in, and exit."));
    const QCommandLineOption headlessOption(
        QStringLiteral("headless"),
        QCoreApplication::translate("CommandLine",
                                    "Run the connector without a window: one JSON line per firing on stdout, "
                                    "diagnostics on stderr, until SIGTERM or SIGINT."));
    const QCommandLineOption importOption(
        QStringLiteral("import-flows"),
        QCoreApplication::translate("CommandLine", "Add the flows of the flows JSON <file>, then exit."),
        QCoreApplication::translate("CommandLine", "file"));
    const QCommandLineOption exportOption(
        QStringLiteral("export-flows"),
        QCoreApplication::translate("CommandLine", "Write every flow to the flows JSON <file>, then exit."),
        QCoreApplication::translate("CommandLine", "file"));
    const auto urlOption = [](const char *name, const char *description) {
        return QCommandLineOption(QLatin1String(name),
                                  QCoreApplication::translate("CommandLine", description),
                                  QCoreApplication::translate("CommandLine", "url"));
    };
    const QCommandLineOption authorityOption =
        urlOption("authority", "The sign-in authority, e.g. https://login.microsoftonline.com/<tenant>.");
    const QCommandLineOption authorizeUrlOption =
        urlOption("authorize-url", "The authorization endpoint, for servers without discovery.");
    const QCommandLineOption tokenUrlOption =
        urlOption("token-url", "The token endpoint, for servers without discovery.");
    const QCommandLineOption apiOption =
        urlOption("api", "The Customer Insights API base, e.g. https://api.ci.ai.dynamics.com/v1.");
    const QCommandLineOption clientIdOption(
        QStringLiteral("client-id"), QCoreApplication::translate("CommandLine", "The public client's id."),
        QCoreApplication::translate("CommandLine", "id"));
    const QCommandLineOption scopeOption(
        QStringLiteral("scope"),
        QCoreApplication::translate("CommandLine", "The scopes to ask for, separated by spaces."),
        QCoreApplication::translate("CommandLine", "scopes"));
    const QCommandLineOption subscriptionKeyOption(
        QStringLiteral("subscription-key"),
        QCoreApplication::translate("CommandLine", "The API subscription key (kept in the secret store)."),
        QCoreApplication::translate("CommandLine", "key"));
    parser.addOptions({dataDirOption, langOption, probeOption, signInOption, headlessOption, importOption,
                       exportOption, authorityOption, authorizeUrlOption, tokenUrlOption, clientIdOption,
                       scopeOption, apiOption, subscriptionKeyOption});

    CommandLineResult result;
    if (!parser.parse(arguments)) {
        result.exitCode = 2;
        result.output = parser.errorText() + u'\n' +
                        QCoreApplication::translate("CommandLine", "Run '%1 --help' for the options.")
                            .arg(QCoreApplication::applicationName()) +
                        u'\n';
        return result;
    }
    result.requestedLanguage = parser.value(langOption);
    if (parser.isSet(helpOption)) {
        result.output = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.output =
            QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion() + u'\n';
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.exitCode = 2;
        result.output = QCoreApplication::translate("CommandLine", "Unexpected argument: %1")
                            .arg(parser.positionalArguments().constFirst()) +
                        u'\n';
        return result;
    }

    AppOptions options;
    const QString dataDir = parser.isSet(dataDirOption) ? parser.value(dataDirOption) : defaultDataDir();
    options.dataDir = QFileInfo(dataDir).absoluteFilePath();
    options.startupProbe = parser.isSet(probeOption);
    options.signIn = parser.isSet(signInOption);
    options.headless = parser.isSet(headlessOption);
    options.importFlows = parser.value(importOption);
    options.exportFlows = parser.value(exportOption);
    const int commands = int(options.signIn) + int(options.headless) + int(!options.importFlows.isEmpty()) +
                         int(!options.exportFlows.isEmpty());
    if (commands > 1) {
        result.exitCode = 2;
        result.output = QCoreApplication::translate(
                            "CommandLine", "--sign-in, --headless, --import-flows and --export-flows exclude "
                                           "each other: give one.") +
                        u'\n';
        return result;
    }
    options.authority = parser.value(authorityOption);
    options.authorizeUrl = parser.value(authorizeUrlOption);
    options.tokenUrl = parser.value(tokenUrlOption);
    options.clientId = parser.value(clientIdOption);
    options.scopes = parser.value(scopeOption);
    options.apiBase = parser.value(apiOption);
    options.subscriptionKey = parser.value(subscriptionKeyOption);
    result.options = options;
    return result;
}
