#include "httpcallstep.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QUuid>

QByteArray HttpCallStep::idempotencyKey(const QString &firingId, int stepIndex, int resubmission)
{
    // A name-based UUID: the same firing and step give the same key, on every attempt and after a restart.
    // A resubmission is a deliberate new delivery: its own key, so that the receiver does not drop it.
    static const QUuid ns(QStringLiteral("{6f1c3b8e-2d4a-4f7e-9b0c-1a2b3c4d5e6f}"));
    QString name = firingId + u'/' + QString::number(stepIndex);
    if (resubmission > 0)
        name += QStringLiteral("/resubmission/") + QString::number(resubmission);
    return QUuid::createUuidV5(ns, name).toByteArray(QUuid::WithoutBraces);
}

QByteArray HttpCallStep::signature(const QByteArray &secret, const QByteArray &body)
{
    return "sha256=" + QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

QByteArray HttpCallStep::body(const QJsonObject &parameters, const TemplateContext &context)
{
    const QJsonValue body = parameters.value(QLatin1String("body"));
    if (body.isUndefined() || body.isNull())
        return {};
    const QJsonValue rendered = TemplateEngine::renderJson(body, context);
    if (rendered.isObject())
        return QJsonDocument(rendered.toObject()).toJson(QJsonDocument::Compact);
    if (rendered.isArray())
        return QJsonDocument(rendered.toArray()).toJson(QJsonDocument::Compact);
    // A scalar body: the JSON text of a one-element array without its brackets.
    const QByteArray array = QJsonDocument(QJsonArray{rendered}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

void HttpCallStep::start()
{
    const QJsonObject &parameters = m_input.step.parameters;
    const QByteArray method = parameters.value(QLatin1String("method")).toString().toUpper().toLatin1();
    static const QList<QByteArray> methods{"GET", "POST", "PUT", "PATCH", "DELETE"};
    if (!methods.contains(method))
        return finish(StepOutcome::permanent(
            0, tr("Unsupported HTTP method \"%1\".").arg(QString::fromLatin1(method))));
    const QUrl url(TemplateEngine::render(parameters.value(QLatin1String("url")).toString(), m_input.context,
                                          TemplateEngine::Mode::Url),
                   QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
        return finish(StepOutcome::permanent(0, tr("The URL of the step is not an http or https URL.")));

    QNetworkRequest request(url);
    const QJsonObject headers = parameters.value(QLatin1String("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        request.setRawHeader(
            it.key().toLatin1(),
            TemplateEngine::render(it.value().toString(), m_input.context, TemplateEngine::Mode::Text)
                .toUtf8());
    }
    const QByteArray payload = body(parameters, m_input.context);
    if (!payload.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json; charset=utf-8"));
    request.setRawHeader("Idempotency-Key",
                         idempotencyKey(m_input.firingId, m_input.stepIndex, m_input.resubmission));
    if (!parameters.value(QLatin1String("signingSecretRef")).toString().isEmpty())
        request.setRawHeader("X-Insights-Signature",
                             signature(m_input.secret(QStringLiteral("signingSecretRef")).toUtf8(), payload));
    send(request, method, payload, url.host());
}
