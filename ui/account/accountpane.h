#pragma once

#include <QWidget>

class AuthSession;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
struct ConnectionSettings;

// Account: who is signed in, to which service, until when the access token is good and whether the
// refresh token is remembered; whether the API subscription key is stored, and a field to replace it;
// Sign in / Sign out; the connection settings.
class AccountPane : public QWidget
{
    Q_OBJECT

public:
    AccountPane(AuthSession *session, QWidget *parent = nullptr);

signals:
    void signInRequested();
    // The user saved new connection settings (already validated).
    void settingsSaved(const ConnectionSettings &settings);

private:
    void updateSession();
    void loadSettings();
    void validate();
    ConnectionSettings editedSettings() const;

    AuthSession *m_session;
    QLabel *m_accountValue;
    QLabel *m_stateValue;
    QLabel *m_authorityValue;
    QLabel *m_expiryValue;
    QLabel *m_secretStoreValue;
    QLabel *m_subscriptionKeyValue;
    QLineEdit *m_subscriptionKeyEdit;
    QPushButton *m_replaceKeyButton;
    QPushButton *m_signInButton;
    QPushButton *m_signOutButton;
    QLineEdit *m_authorityEdit;
    QLineEdit *m_authorizeUrlEdit;
    QLineEdit *m_tokenUrlEdit;
    QLineEdit *m_clientIdEdit;
    QLineEdit *m_scopesEdit;
    QLineEdit *m_apiBaseEdit;
    QLabel *m_validationLabel;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
};
