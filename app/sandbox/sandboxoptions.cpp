#include "sandboxoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

SandboxCommandLine failure(const QString &message)
{
    SandboxCommandLine result;
    result.exitCode = 2;
    result.output = message + QStringLiteral("\nRun 'insights-sandbox --help' for the options.\n");
    return result;
}

std::optional<quint16> parsePort(const QString &text)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return std::nullopt;
    return quint16(value);
}

} // namespace

SandboxCommandLine parseSandboxCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "An emulated Dynamics 365 Customer Insights instance and identity provider on 127.0.0.1."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Listen on port <N> (0, the default: a free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"),
                                            QStringLiteral("Load the scenario JSON <file> instead of the "
                                                           "built-in Contoso Retail."),
                                            QStringLiteral("file"));
    const QCommandLineOption speedOption(
        QStringLiteral("speed"), QStringLiteral("Run the scenario clock <X> times faster (default 1)."),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Seed <S> of the scenario's random events (default 1)."),
        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption keyOption(QStringLiteral("subscription-key"),
                                       QStringLiteral("The API subscription key (default sandbox-key)."),
                                       QStringLiteral("key"), QStringLiteral("sandbox-key"));
    const QCommandLineOption lifetimeOption(
        QStringLiteral("token-lifetime"), QStringLiteral("Access token lifetime in seconds (default 3600)."),
        QStringLiteral("seconds"), QStringLiteral("3600"));
    const QCommandLineOption smtpPortOption(QStringLiteral("smtp-port"),
                                            QStringLiteral("SMTP sink port (0, the default: a free port)."),
                                            QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption rateLimitOption(
        QStringLiteral("rate-limit"),
        QStringLiteral("Calls allowed per connection in any 60 s (default 100; 0 = unlimited)."),
        QStringLiteral("N"), QStringLiteral("100"));
    parser.addOptions({portOption, scenarioOption, speedOption, seedOption, keyOption, lifetimeOption,
                       smtpPortOption, rateLimitOption});

    if (!parser.parse(arguments))
        return failure(parser.errorText());
    if (parser.isSet(helpOption)) {
        SandboxCommandLine result;
        result.output = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        SandboxCommandLine result;
        result.output =
            QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion() + u'\n';
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return failure(QStringLiteral("Unexpected argument: ") + parser.positionalArguments().constFirst());

    SandboxOptions options;
    const auto port = parsePort(parser.value(portOption));
    if (!port)
        return failure(QStringLiteral("--port must be a number from 0 to 65535, not '%1'.")
                           .arg(parser.value(portOption)));
    options.port = *port;
    const auto smtpPort = parsePort(parser.value(smtpPortOption));
    if (!smtpPort)
        return failure(QStringLiteral("--smtp-port must be a number from 0 to 65535, not '%1'.")
                           .arg(parser.value(smtpPortOption)));
    options.smtpPort = *smtpPort;

    bool ok = false;
    options.speed = parser.value(speedOption).toDouble(&ok);
    if (!ok || !(options.speed > 0.0) || options.speed > 10000.0)
        return failure(QStringLiteral("--speed must be a number above 0 and at most 10000, not '%1'.")
                           .arg(parser.value(speedOption)));
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return failure(
            QStringLiteral("--seed must be a non-negative integer, not '%1'.").arg(parser.value(seedOption)));
    options.subscriptionKey = parser.value(keyOption);
    if (options.subscriptionKey.isEmpty())
        return failure(QStringLiteral("--subscription-key must not be empty."));
    const int lifetime = parser.value(lifetimeOption).toInt(&ok);
    if (!ok || lifetime < 1)
        return failure(QStringLiteral("--token-lifetime must be a positive number of seconds, not '%1'.")
                           .arg(parser.value(lifetimeOption)));
    options.accessTokenLifetime = std::chrono::seconds(lifetime);
    options.rateLimit = parser.value(rateLimitOption).toInt(&ok);
    if (!ok || options.rateLimit < 0)
        return failure(QStringLiteral("--rate-limit must be a non-negative integer, not '%1'.")
                           .arg(parser.value(rateLimitOption)));
    options.scenarioFile = parser.value(scenarioOption);

    SandboxCommandLine result;
    result.options = options;
    return result;
}
