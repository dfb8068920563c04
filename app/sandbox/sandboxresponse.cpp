#include "sandboxresponse.h"

#include <QJsonDocument>

namespace {
const QByteArray kJson = QByteArrayLiteral("application/json; charset=utf-8");
}

SandboxResponse SandboxResponse::json(const QJsonObject &object, int status)
{
    return {status, kJson, QJsonDocument(object).toJson(QJsonDocument::Compact), {}, 0, false};
}

SandboxResponse SandboxResponse::json(const QJsonArray &array, int status)
{
    return {status, kJson, QJsonDocument(array).toJson(QJsonDocument::Compact), {}, 0, false};
}

SandboxResponse SandboxResponse::html(const QString &page, int status)
{
    return {status, QByteArrayLiteral("text/html; charset=utf-8"), page.toUtf8(), {}, 0, false};
}

SandboxResponse SandboxResponse::text(const QByteArray &text, int status)
{
    return {status, QByteArrayLiteral("text/plain; charset=utf-8"), text, {}, 0, false};
}

SandboxResponse SandboxResponse::redirect(const QUrl &location)
{
    SandboxResponse response{302, {}, {}, {}, 0, false};
    response.setHeader("Location", location.toEncoded());
    return response;
}

SandboxResponse SandboxResponse::error(int status, const QString &error, const QString &description)
{
    return json(
        QJsonObject{{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}},
        status);
}

SandboxResponse SandboxResponse::dropConnection()
{
    SandboxResponse response;
    response.drop = true;
    return response;
}

void SandboxResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}
