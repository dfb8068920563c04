#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// What the command line asks for. Parsing never exits the process: main() decides what to do with the
// result, so the parser can be tested.
struct AppOptions
{
    QString dataDir; // absolute path; every piece of state lives under it
    bool startupProbe = false;
    bool signIn = false;   // --sign-in: sign in without a window, then exit
    bool headless = false; // --headless: run the connector without a window, one JSON line per firing
    QString importFlows;   // --import-flows FILE: add the flows of a flows JSON file, then exit
    QString exportFlows;   // --export-flows FILE: write every flow to a flows JSON file, then exit

    // Connection options that override the saved configuration (and are saved on success); empty when
    // not given.
    QString authority;
    QString authorizeUrl;
    QString tokenUrl;
    QString clientId;
    QString scopes; // space-separated
    QString apiBase;
    QString subscriptionKey;
    bool hasConnectionOverrides() const;
    // Whether these options open the main window (and so need a display).
    bool needsWindow() const
    {
        return !signIn && !headless && importFlows.isEmpty() && exportFlows.isEmpty();
    }
};

struct CommandLineResult
{
    std::optional<AppOptions> options; // set when the application should start
    int exitCode = 0;
    QString output;            // text for stdout (help, version) or stderr (errors, when exitCode != 0)
    QString requestedLanguage; // --lang, also set with --help so that the help can be translated
};

CommandLineResult parseCommandLine(const QStringList &arguments);

// Whether these arguments start a window. Decided before any QCoreApplication exists, so that --version,
// --help, --sign-in and bad arguments work on a machine without a display.
bool commandLineWantsGui(int argc, const char *const *argv);

// The default data folder: the platform's application data location.
QString defaultDataDir();
