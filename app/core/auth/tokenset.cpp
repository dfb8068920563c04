#include "tokenset.h"

#include <QJsonDocument>
#include <QJsonObject>

QString accountFromIdToken(const QByteArray &idToken)
{
    const QList<QByteArray> parts = idToken.split('.');
    if (parts.size() != 3 || parts[1].isEmpty())
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(
        parts[1], QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(*decoded);
    if (!document.isObject())
        return {};
    const QJsonObject claims = document.object();
    for (const auto claim : {u"preferred_username", u"upn", u"email", u"name"}) {
        const QString value = claims.value(claim).toString().trimmed();
        if (!value.isEmpty())
            return value;
    }
    return {};
}
