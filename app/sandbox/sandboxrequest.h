#pragma once

#include "formdata.h"

#include <QHttpServerRequest>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

// One request as the handlers see it: the decoded path, the captured path segments of the matched route,
// the query and the body. A value: handlers never touch the socket.
struct SandboxRequest
{
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QUrl url;
    QStringList captures; // the path segments matched by '{}' in the route, percent-decoded
    FormData query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive; the first occurrence
    QByteArray mediaType() const;                    // Content-Type without parameters, lower case
    QString queryValue(const QString &key) const { return query.value(key); }
    bool hasQueryItem(const QString &key) const { return query.contains(key); }
};

// Parses a JSON object body; on failure sets *error to a message fit for a 400 answer.
std::optional<QJsonObject> parseJsonObject(const QByteArray &body, QString *error);
