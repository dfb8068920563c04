#pragma once

#include "httpstepaction.h"

#include <QJsonObject>

// Posts a message to a Teams channel: an HTTP POST of an Adaptive Card message to the channel's incoming
// webhook URL, which is the secret named by the step's webhookSecretRef.
//
//   {"type": "message", "summary": <link-free one line>, "attachments": [{"contentType":
//    "application/vnd.microsoft.card.adaptive", "content": {"type": "AdaptiveCard", "version": "1.5",
//    "body": [title, text (with {{items}} as a Table), FactSet: flow, trigger, subject, value, threshold,
//    time]}}]}
class TeamsStep : public HttpStepAction
{
    Q_OBJECT

public:
    using HttpStepAction::HttpStepAction;

    void start() override;

    // The message for a step's title and text in a firing's context.
    static QJsonObject message(const QJsonObject &parameters, const TemplateContext &context);
    static QString summary(const TemplateContext &context);
};
