#pragma once

#include <QWidget>

class AuthSession;
class QLabel;
class QPushButton;

// Power Automate: the flows of this connection. Until the user is signed in it says why nothing can be
// configured yet and offers the sign-in.
class PowerAutomatePane : public QWidget
{
    Q_OBJECT

public:
    explicit PowerAutomatePane(AuthSession *session, QWidget *parent = nullptr);

signals:
    void signInRequested();

private:
    void updateSession();

    AuthSession *m_session;
    QLabel *m_headingLabel;
    QLabel *m_explanationLabel;
    QPushButton *m_signInButton;
};
