#pragma once

#include "httpstepaction.h"

// Calls an HTTP endpoint: method, URL, headers and a JSON body from the step, placeholders filled (the URL's
// values percent-encoded, the body's strings JSON-escaped, {{items}} a JSON array). Every attempt carries
//   Idempotency-Key: <the same UUID for a firing's step, on every attempt and after a restart; a new one
//                     per resubmission of the firing, which the user asked to send again>
// and, when the step names a signingSecretRef,
//   X-Insights-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with that secret>
class HttpCallStep : public HttpStepAction
{
    Q_OBJECT

public:
    using HttpStepAction::HttpStepAction;

    void start() override;

    // resubmission 0 (the firing's own run) keeps the key of earlier versions.
    static QByteArray idempotencyKey(const QString &firingId, int stepIndex, int resubmission = 0);
    static QByteArray signature(const QByteArray &secret, const QByteArray &body); // "sha256=<hex>"
    static QByteArray body(const QJsonObject &parameters, const TemplateContext &context);
};
