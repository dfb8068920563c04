// insights-sandbox: parses the command line, loads the scenario and runs the Sandbox until SIGINT/SIGTERM.

#include "sandbox.h"
#include "sandboxoptions.h"
#include "scenario.h"
#include "signalwatcher.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

namespace {

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("insights-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INSIGHTS_VERSION));

    const SandboxCommandLine commandLine = parseSandboxCommandLine(QCoreApplication::arguments());
    if (!commandLine.options) {
        print(commandLine.exitCode == 0 ? stdout : stderr,
              commandLine.exitCode == 0 ? commandLine.output
                                        : QStringLiteral("insights-sandbox: ") + commandLine.output);
        return commandLine.exitCode;
    }
    QString error;
    const auto scenario = Scenario::loadDefinition(commandLine.options->scenarioFile, &error);
    if (!scenario) {
        print(stderr, QStringLiteral("insights-sandbox: %1\n").arg(error));
        return 2;
    }

    SignalWatcher signalWatcher({SIGINT, SIGTERM});
    QObject::connect(&signalWatcher, &SignalWatcher::signalReceived, &app,
                     [](int) { QCoreApplication::exit(0); });

    Sandbox sandbox(*commandLine.options, *scenario);
    if (!sandbox.listen(&error)) {
        print(stderr, QStringLiteral("insights-sandbox: %1\n").arg(error));
        return 1;
    }
    sandbox.startClock();
    print(stderr,
          QStringLiteral("insights-sandbox: SMTP sink on 127.0.0.1:%1; demo account admin@contoso.example "
                         "(password: sandbox)\n")
              .arg(sandbox.smtpPort()));
    print(stdout, QStringLiteral("insights-sandbox listening on %1\n").arg(sandbox.baseUrl().toString()));
    return QCoreApplication::exec();
}
