#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

// What a handler answers. Besides a normal answer it can ask the server to hold the answer back for a
// while (an injected delay) or to drop the connection without answering (an injected network failure).
struct SandboxResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;
    bool drop = false;

    static SandboxResponse json(const QJsonObject &object, int status = 200);
    static SandboxResponse json(const QJsonArray &array, int status = 200);
    static SandboxResponse html(const QString &page, int status = 200);
    static SandboxResponse text(const QByteArray &text, int status = 200);
    static SandboxResponse redirect(const QUrl &location);
    // {"error": ..., "error_description": ...}: the identity provider's and the sandbox's own error shape.
    static SandboxResponse error(int status, const QString &error, const QString &description);
    static SandboxResponse dropConnection();

    void setHeader(const QByteArray &name, const QByteArray &value);
};
