#pragma once

#include "smtpclient.h"
#include "stepaction.h"

#include <memory>

struct MimeMessage;

// Sends an email through libcurl's SMTP client: to/cc, subject (plain text), textBody (plain text) and
// htmlBody (HTML-escaped values, {{items}} as a table), as multipart/alternative when both are given. The
// server comes from the connection's SmtpSettings, the password (or the whole server) from the secret store
// entry named by smtpSecretRef. libcurl blocks, so the transaction runs on the runner's pool of blocking
// workers; the result comes back to this object's thread through a queued call.
class EmailStep : public StepAction
{
    Q_OBJECT

public:
    using StepAction::StepAction;
    ~EmailStep() override;

    void start() override;

    // The message for a step in a firing's context; `error` says what is wrong with the step.
    static std::optional<MimeMessage> message(const QJsonObject &parameters, const TemplateContext &context,
                                              const QString &from, QString *error);

private:
    struct Shared;
    void handleResult(const SmtpResult &result);

    std::shared_ptr<Shared> m_shared;
};
