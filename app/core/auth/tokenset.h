#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// What a successful token response gives us. Lives in memory only; AuthSession hands the refresh token to
// the SecretStore.
struct TokenSet
{
    QString accessToken;
    QString refreshToken; // empty when the server issued none
    QDateTime expiresAt;  // UTC; invalid when the server did not say
    QString account;      // from the id_token, for display only (never trusted for authorization)

    bool isValid() const { return !accessToken.isEmpty(); }
};
Q_DECLARE_METATYPE(TokenSet)

// The account name to show from an id_token (a JWT): its payload's preferred_username, else upn, else email,
// else name. The signature is not checked: the token came straight from the token endpoint over TLS and the
// name is only displayed. Empty when the token cannot be decoded.
QString accountFromIdToken(const QByteArray &idToken);
