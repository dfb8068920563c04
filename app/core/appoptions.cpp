#include "appoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <cstring>

namespace {
constexpr const char *kNonGuiFlags[] = {"-h", "--help", "-v", "--version", "--help-all"};
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool commandLineWantsGui(int argc, const char *const *argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : kNonGuiFlags) {
            if (std::strcmp(argv[i], flag) == 0)
                return false;
        }
    }
    return true;
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
    parser.addOptions({dataDirOption, langOption, probeOption});

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
    result.options = options;
    return result;
}
