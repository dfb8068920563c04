#include "httpstepaction.h"

#include "apiclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

HttpStepAction::~HttpStepAction()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpStepAction::send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body,
                          const QString &what)
{
    m_what = what;
    request.setTransferTimeout(int(m_input.transferTimeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_reply = m_input.network->sendCustomRequest(request, verb, body);
    connect(m_reply, &QNetworkReply::finished, this, &HttpStepAction::handleReply);
}

void HttpStepAction::handleReply()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    finish(classify(reply, m_what, m_input.transferTimeout));
}

StepOutcome HttpStepAction::classify(QNetworkReply *reply, const QString &what,
                                     std::chrono::milliseconds timeout)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        const QNetworkReply::NetworkError error = reply->error();
        if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
            return StepOutcome::retryable(
                0, tr("No answer from %1 within %2 s.").arg(what).arg(double(timeout.count()) / 1000.0));
        // The error text can name the URL (a Teams webhook URL is a secret): the runner redacts it.
        return StepOutcome::retryable(0, tr("Could not reach %1: %2").arg(what, reply->errorString()));
    }
    const QByteArray answer = reply->readAll().left(200);
    const QString excerpt =
        answer.isEmpty() ? QString() : QStringLiteral(": ") + QString::fromUtf8(answer).simplified();
    if (status >= 200 && status < 300)
        return StepOutcome::succeeded(status, tr("Accepted by %1 (HTTP %2).").arg(what).arg(status));
    if (status == 429) {
        StepOutcome outcome = StepOutcome::retryable(status, tr("Throttled by %1 (HTTP 429).").arg(what));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (const auto until = parseRetryAfter(reply->rawHeader("Retry-After"), now))
            outcome.retryAfter = std::chrono::milliseconds(qMax<qint64>(0, now.msecsTo(*until)));
        return outcome;
    }
    if (status >= 500 || status == 408)
        return StepOutcome::retryable(
            status, tr("Server error from %1 (HTTP %2)%3").arg(what).arg(status).arg(excerpt));
    if (status >= 300 && status < 400)
        return StepOutcome::permanent(status,
                                      tr("Redirect from %1 (HTTP %2) not followed.").arg(what).arg(status));
    return StepOutcome::permanent(status, tr("Refused by %1 (HTTP %2)%3").arg(what).arg(status).arg(excerpt));
}
