#pragma once

#include "stepaction.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QPointer>

class QNetworkReply;

// A step that is one HTTP request (Teams, HTTP call): sends it with the transfer timeout and turns the
// answer into an outcome. 2xx succeeds; no answer, a timeout, 408, 429 (with its Retry-After) and 5xx may be
// retried; any other status fails at once. Redirects are not followed (a webhook that moves is an error).
class HttpStepAction : public StepAction
{
    Q_OBJECT

public:
    using StepAction::StepAction;
    ~HttpStepAction() override;

    // The outcome for a finished reply; `what` names the peer in messages ("the Teams channel").
    static StepOutcome classify(QNetworkReply *reply, const QString &what, std::chrono::milliseconds timeout);

protected:
    void send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body, const QString &what);

private:
    void handleReply();

    QPointer<QNetworkReply> m_reply;
    QString m_what;
};
