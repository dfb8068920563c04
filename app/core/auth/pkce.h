#pragma once

#include <QByteArray>

// PKCE (RFC 7636) and the anti-forgery `state`: random values from the system CSPRNG, base64url without
// padding.
namespace Pkce {

// base64url (RFC 4648 section 5) without '=' padding.
QByteArray base64Url(const QByteArray &bytes);

// `bytes` random octets from QRandomGenerator::system(), base64url-encoded (32 bytes -> 43 characters).
QByteArray randomToken(int bytes = 32);

// A fresh code_verifier: 32 random octets, base64url (43 characters from the unreserved set).
QByteArray createVerifier();

// code_challenge for the S256 method: base64url(SHA-256(ASCII(verifier))).
QByteArray challengeS256(const QByteArray &verifier);

// Compares two secrets in time independent of where they first differ.
bool equalSecrets(const QByteArray &a, const QByteArray &b);

} // namespace Pkce
