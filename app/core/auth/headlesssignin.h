#pragma once

#include <QObject>

#include <functional>

class AuthSession;
class QNetworkAccessManager;
class SignInFlow;
struct SignInError;
struct TokenSet;

// `insights-admin --sign-in`: the interactive sign-in without a window. It prints the sign-in link, opens the
// browser, waits for the callback, hands the tokens to the session, waits until the refresh token is
// remembered and reports the outcome as one exit code.
class HeadlessSignIn : public QObject
{
    Q_OBJECT

public:
    using Printer = std::function<void(const QString &line)>;

    HeadlessSignIn(QNetworkAccessManager *network, AuthSession *session, QObject *parent = nullptr);

    SignInFlow *flow() const { return m_flow; }
    void setPrinter(Printer print) { m_print = std::move(print); } // default: nothing is printed
    void start();

signals:
    // 0 once signed in and remembered, 1 when the sign-in failed.
    void finished(int exitCode);

private:
    void adopt(const TokenSet &tokens);
    void fail(const SignInError &error);

    AuthSession *m_session;
    SignInFlow *m_flow;
    Printer m_print;
};
