#pragma once

#include "signinerror.h"
#include "tokenset.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <variant>

class QNetworkAccessManager;
class QNetworkReply;

// One POST to a token endpoint (authorization_code or refresh_token grant), with a transfer timeout and a
// single outcome signal. Deletes nothing it does not own: the owner deletes the request.
class TokenRequest : public QObject
{
    Q_OBJECT

public:
    using Form = QList<std::pair<QString, QString>>;

    TokenRequest(QNetworkAccessManager *nam, const QUrl &tokenUrl, const Form &form,
                 QObject *parent = nullptr);
    ~TokenRequest() override;

    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    void start();
    void abort();

    // application/x-www-form-urlencoded with every reserved character percent-encoded.
    static QByteArray encodeForm(const Form &form);

    // What a token endpoint's answer means. Pure: used for the reply and by the unit tests.
    static std::variant<TokenSet, SignInError> parseResponse(int httpStatus, const QByteArray &body,
                                                             const QDateTime &now);

signals:
    void succeeded(const TokenSet &tokens);
    void failed(const SignInError &error);

private:
    void handleFinished();

    QNetworkAccessManager *m_nam;
    QUrl m_tokenUrl;
    QByteArray m_body;
    std::chrono::milliseconds m_transferTimeout{30000};
    std::function<QDateTime()> m_now;
    QPointer<QNetworkReply> m_reply;
};

// The user-facing error for a network failure talking to `what`.
SignInError networkSignInError(QNetworkReply *reply, SignInError::Kind kind, const QString &message);
