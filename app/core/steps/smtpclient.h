#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <optional>

// The SMTP server of a connection. The password is not part of it: it comes from the secret store entry
// named by the email step's smtpSecretRef. That entry holds either the password alone or a JSON object
// whose keys ("host", "port", "security", "user", "password", "from", "auth") override these settings.
struct SmtpSettings
{
    Q_DECLARE_TR_FUNCTIONS(SmtpSettings)

public:
    enum class Security
    {
        None,     // plain SMTP (a local relay)
        StartTls, // SMTP, then STARTTLS before anything else (required, never optional)
        Smtps,    // implicit TLS
    };
    enum class Auth
    {
        Automatic, // the best mechanism the server offers
        Plain,
        Login,
    };

    QString host;
    quint16 port = 0; // 0: 25, 587 or 465 by security
    Security security = Security::StartTls;
    Auth auth = Auth::Automatic;
    QString user;   // empty: no AUTH
    QString from;   // "Name <address>" or "address"; empty: the user
    QString caFile; // extra CA certificates (PEM), e.g. a company CA; empty: the system's
    std::chrono::milliseconds timeout{60000};

    quint16 effectivePort() const;
    static QString securityId(Security security); // "none", "starttls", "smtps"
    static std::optional<Security> securityFromId(QStringView id);
    static std::optional<Auth> authFromId(QStringView id); // "auto", "plain", "login"

    // Applies a secret store entry: returns the password and overrides settings from a JSON object entry.
    // Sets `error` for a JSON object with a bad value.
    QString applySecret(const QString &secret, QString *error);
};

// The result of one SMTP transaction, with the server's reply for the log (never a credential).
struct SmtpResult
{
    Q_DECLARE_TR_FUNCTIONS(SmtpResult)

public:
    enum class Error
    {
        None,
        Connection, // could not connect, or the connection broke
        Timeout,
        Tls,              // no STARTTLS, handshake or certificate failure
        Authentication,   // AUTH refused, or no mechanism in common
        SenderRefused,    // MAIL FROM refused
        RecipientRefused, // RCPT TO refused
        MessageRefused,   // DATA refused
        Protocol,
        Cancelled,
    };

    Error error = Error::None;
    int replyCode = 0; // the last SMTP reply code, 0 when none
    QString reply;     // the last reply line from the server
    QString recipient; // the refused recipient
    QString curlError; // libcurl's description

    bool ok() const { return error == Error::None; }
    // Whether a later attempt may succeed: connection problems, timeouts and 4xx replies.
    bool isTemporary() const;
    // A sentence for the log: "Sent.", "authentication failed (535 ...)", "recipient refused: x (550 ...)".
    QString message() const;
};

// Sends one message with libcurl's SMTP client. Blocking: call it on a worker thread of a pool, never on a
// thread with an event loop that matters. Thread-safe (one curl handle per call).
class SmtpClient
{
public:
    static SmtpResult send(const SmtpSettings &settings, const QString &password, const QString &fromAddress,
                           const QStringList &recipients, const QByteArray &message,
                           const std::atomic<bool> *cancel = nullptr);
};
