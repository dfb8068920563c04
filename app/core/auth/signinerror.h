#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

// Why a sign-in or a refresh did not work: a sentence for the user and the raw error for "Details".
struct SignInError
{
    Q_GADGET

public:
    enum class Kind
    {
        Denied,        // the user (or the provider) refused consent: error=access_denied
        StateMismatch, // the callback's state is not this attempt's: possible forgery, code not used
        TokenEndpoint, // the token endpoint answered with an error other than invalid_grant
        Network,       // no answer: connection refused, DNS, TLS, transfer timeout
        Timeout,       // the browser did not come back before the deadline
        Cancelled,     // the user cancelled
        Discovery,     // the authority's openid-configuration could not be fetched or read
        Listener,      // the loopback listener could not start
        InvalidGrant,  // the code or refresh token is invalid, expired or revoked: sign in again
        Configuration, // the connection settings are invalid (details lists the fields)
        Authorization, // the authorization endpoint returned an error other than access_denied
    };
    Q_ENUM(Kind)

    Kind kind = Kind::Network;
    QString message; // translated, for the user
    QString details; // provider error + description, HTTP status, network error; never a secret
};
Q_DECLARE_METATYPE(SignInError)
