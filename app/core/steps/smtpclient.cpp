#include "smtpclient.h"

#include "stepslog.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>
#include <curl/curl.h>
#include <memory>
#include <mutex>

namespace {

struct Transfer
{
    QByteArray message;
    qsizetype offset = 0;
    const std::atomic<bool> *cancel = nullptr;
    QByteArray lastCommand; // the verb only ("MAIL", "RCPT", "DATA", "AUTH"): AUTH lines carry credentials
    QString lastRecipient;
    QString lastReply;
    bool quitting = false; // after QUIT (curl closes on an error): keep what came before
};

size_t readMessage(char *buffer, size_t size, size_t count, void *userData)
{
    auto *transfer = static_cast<Transfer *>(userData);
    const size_t room = size * count;
    const size_t left = size_t(transfer->message.size() - transfer->offset);
    const size_t n = std::min(room, left);
    std::memcpy(buffer, transfer->message.constData() + transfer->offset, n);
    transfer->offset += qsizetype(n);
    return n;
}

int progress(void *userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *transfer = static_cast<Transfer *>(userData);
    return transfer->cancel && transfer->cancel->load() ? 1 : 0;
}

// Follows the dialogue to name what the server refused. Only the verb of a command is kept, and the
// recipient of RCPT TO: the AUTH lines hold the credentials and are never stored or logged.
int watchDialogue(CURL *, curl_infotype type, char *data, size_t size, void *userData)
{
    auto *transfer = static_cast<Transfer *>(userData);
    const QByteArray line = QByteArray(data, qsizetype(size)).trimmed();
    if (transfer->quitting)
        return 0;
    if (type == CURLINFO_HEADER_OUT) {
        const qsizetype space = line.indexOf(' ');
        const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
        if (verb == "QUIT") {
            transfer->quitting = true;
            return 0;
        }
        transfer->lastCommand = verb;
        if (transfer->lastCommand == "RCPT") {
            const qsizetype open = line.indexOf('<');
            const qsizetype close = line.indexOf('>', open);
            transfer->lastRecipient = open >= 0 && close > open
                                          ? QString::fromUtf8(line.mid(open + 1, close - open - 1))
                                          : QString();
        }
    } else if (type == CURLINFO_HEADER_IN && !line.isEmpty()) {
        // A multi-line reply arrives line by line: keep the last one.
        const QList<QByteArray> lines = line.split('\n');
        transfer->lastReply = QString::fromUtf8(lines.constLast().trimmed());
    }
    return 0;
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter
{
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter
{
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};

} // namespace

quint16 SmtpSettings::effectivePort() const
{
    if (port != 0)
        return port;
    switch (security) {
    case Security::None:
        return 25;
    case Security::StartTls:
        return 587;
    case Security::Smtps:
        return 465;
    }
    return 25;
}

QString SmtpSettings::securityId(Security security)
{
    switch (security) {
    case Security::None:
        return QStringLiteral("none");
    case Security::StartTls:
        return QStringLiteral("starttls");
    case Security::Smtps:
        return QStringLiteral("smtps");
    }
    return {};
}

std::optional<SmtpSettings::Security> SmtpSettings::securityFromId(QStringView id)
{
    for (Security security : {Security::None, Security::StartTls, Security::Smtps}) {
        if (id.compare(securityId(security), Qt::CaseInsensitive) == 0)
            return security;
    }
    return std::nullopt;
}

std::optional<SmtpSettings::Auth> SmtpSettings::authFromId(QStringView id)
{
    if (id.isEmpty() || id.compare(u"auto", Qt::CaseInsensitive) == 0)
        return Auth::Automatic;
    if (id.compare(u"plain", Qt::CaseInsensitive) == 0)
        return Auth::Plain;
    if (id.compare(u"login", Qt::CaseInsensitive) == 0)
        return Auth::Login;
    return std::nullopt;
}

QString SmtpSettings::applySecret(const QString &secret, QString *error)
{
    const QString trimmed = secret.trimmed();
    if (!trimmed.startsWith(u'{'))
        return secret;
    const QJsonObject object = QJsonDocument::fromJson(trimmed.toUtf8()).object();
    if (object.isEmpty())
        return secret; // a password that happens to start with a brace
    if (object.contains(QLatin1String("host")))
        host = object.value(QLatin1String("host")).toString();
    if (object.contains(QLatin1String("port"))) {
        const int value = object.value(QLatin1String("port")).toInt(-1);
        if (value < 0 || value > 65535)
            *error = tr("The SMTP port in the secret store entry is not a port number.");
        else
            port = quint16(value);
    }
    if (object.contains(QLatin1String("security"))) {
        if (const auto value = securityFromId(object.value(QLatin1String("security")).toString()))
            security = *value;
        else
            *error = tr("The SMTP security in the secret store entry must be none, starttls or smtps.");
    }
    if (object.contains(QLatin1String("auth"))) {
        if (const auto value = authFromId(object.value(QLatin1String("auth")).toString()))
            auth = *value;
        else
            *error = tr("The SMTP authentication in the secret store entry must be auto, plain or login.");
    }
    if (object.contains(QLatin1String("user")))
        user = object.value(QLatin1String("user")).toString();
    if (object.contains(QLatin1String("from")))
        from = object.value(QLatin1String("from")).toString();
    return object.value(QLatin1String("password")).toString();
}

bool SmtpResult::isTemporary() const
{
    switch (error) {
    case Error::None:
    case Error::Tls:
    case Error::Authentication:
    case Error::Cancelled:
        return false;
    case Error::Connection:
    case Error::Timeout:
        return true;
    case Error::SenderRefused:
    case Error::RecipientRefused:
    case Error::MessageRefused:
    case Error::Protocol:
        return replyCode == 0 || (replyCode >= 400 && replyCode < 500);
    }
    return false;
}

QString SmtpResult::message() const
{
    const QString server = reply.isEmpty() ? curlError : reply;
    switch (error) {
    case Error::None:
        return tr("Sent (%1).").arg(reply.isEmpty() ? QStringLiteral("250") : reply);
    case Error::Connection:
        return tr("Could not reach the SMTP server: %1").arg(curlError);
    case Error::Timeout:
        return tr("The SMTP server did not answer in time.");
    case Error::Tls:
        return tr("No secure connection to the SMTP server: %1").arg(server);
    case Error::Authentication:
        return tr("SMTP authentication failed (%1). Check the user and the password.").arg(server);
    case Error::SenderRefused:
        return tr("sender refused by the SMTP server (%1).").arg(server);
    case Error::RecipientRefused:
        return tr("recipient refused: %1 (%2)").arg(recipient, server);
    case Error::MessageRefused:
        return tr("message refused by the SMTP server (%1).").arg(server);
    case Error::Protocol:
        return tr("SMTP error: %1").arg(server);
    case Error::Cancelled:
        return tr("Sending was cancelled.");
    }
    return {};
}

SmtpResult SmtpClient::send(const SmtpSettings &settings, const QString &password, const QString &fromAddress,
                            const QStringList &recipients, const QByteArray &message,
                            const std::atomic<bool> *cancel)
{
    initCurlOnce();
    SmtpResult result;
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        result.error = SmtpResult::Error::Protocol;
        result.curlError = QStringLiteral("curl_easy_init failed");
        return result;
    }
    Transfer transfer;
    transfer.message = message;
    transfer.cancel = cancel;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    const QByteArray scheme = settings.security == SmtpSettings::Security::Smtps ? "smtps" : "smtp";
    const QByteArray url = scheme + "://" + settings.host.toUtf8() + ":" +
                           QByteArray::number(settings.effectivePort()) + "/localhost";
    const QByteArray user = settings.user.toUtf8();
    const QByteArray pass = password.toUtf8();
    const QByteArray mailFrom = "<" + fromAddress.toUtf8() + ">";
    const QByteArray caFile = settings.caFile.toLocal8Bit();
    std::unique_ptr<curl_slist, ListDeleter> rcpt;
    for (const QString &recipient : recipients)
        rcpt.reset(curl_slist_append(rcpt.release(), QByteArray("<" + recipient.toUtf8() + ">").constData()));

    CURL *c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(std::min<qint64>(settings.timeout.count(), 30000)));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(settings.timeout.count()));
    if (settings.security == SmtpSettings::Security::StartTls)
        curl_easy_setopt(c, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, pass.constData());
        if (settings.auth == SmtpSettings::Auth::Plain)
            curl_easy_setopt(c, CURLOPT_LOGIN_OPTIONS, "AUTH=PLAIN");
        else if (settings.auth == SmtpSettings::Auth::Login)
            curl_easy_setopt(c, CURLOPT_LOGIN_OPTIONS, "AUTH=LOGIN");
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(c, CURLOPT_READDATA, &transfer);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, watchDialogue);
    curl_easy_setopt(c, CURLOPT_DEBUGDATA, &transfer);
    curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);

    const CURLcode code = curl_easy_perform(c);
    long responseCode = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &responseCode);
    result.reply = transfer.lastReply;
    result.replyCode = transfer.lastReply.left(3).toInt();
    if (result.replyCode == 0)
        result.replyCode = int(responseCode);
    result.curlError =
        errorBuffer[0] ? QString::fromUtf8(errorBuffer) : QString::fromUtf8(curl_easy_strerror(code));

    switch (code) {
    case CURLE_OK:
        result.error = SmtpResult::Error::None;
        break;
    case CURLE_LOGIN_DENIED:
        result.error = SmtpResult::Error::Authentication;
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_GOT_NOTHING:
        result.error = SmtpResult::Error::Connection;
        break;
    case CURLE_OPERATION_TIMEDOUT:
        result.error = SmtpResult::Error::Timeout;
        break;
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        result.error = SmtpResult::Error::Tls;
        break;
    case CURLE_ABORTED_BY_CALLBACK:
        result.error = SmtpResult::Error::Cancelled;
        break;
    default:
        if (transfer.lastCommand == "RCPT") {
            result.error = SmtpResult::Error::RecipientRefused;
            result.recipient = transfer.lastRecipient;
        } else if (transfer.lastCommand == "MAIL") {
            result.error = SmtpResult::Error::SenderRefused;
        } else if (transfer.lastCommand == "DATA" || transfer.offset > 0) {
            result.error = SmtpResult::Error::MessageRefused;
        } else if (code == CURLE_SEND_ERROR || code == CURLE_RECV_ERROR) {
            result.error = SmtpResult::Error::Connection;
        } else {
            result.error = SmtpResult::Error::Protocol;
        }
        break;
    }
    // Closing sends QUIT through the callbacks: while `transfer` and the lists are still alive.
    curl.reset();
    qCInfo(lcSteps).nospace() << "SMTP " << settings.host << ':' << settings.effectivePort() << " ("
                              << SmtpSettings::securityId(settings.security) << "): " << int(code) << ' '
                              << result.reply;
    return result;
}
