#pragma once

#include "signinflow.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;
class QToolButton;

// Follows one interactive sign-in attempt:
//
//   Opening browser -> Waiting for browser (countdown) -> Exchanging code -> Signed in
//                              |                                |
//                              +-------- failure, cancel -------+--> a sentence + Details, Try again
//
// The dialog drives nothing itself: it shows the state of the SignInFlow it is given and forwards the
// user's Cancel, Copy sign-in link, Open browser again and Try again.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    // Takes ownership of `flow` and starts it once the dialog is shown.
    SignInDialog(SignInFlow *flow, QWidget *parent = nullptr);

    SignInFlow *flow() const { return m_flow; }

signals:
    // The user asked for a fresh attempt after a failure.
    void retryRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void reject() override;

private:
    void showState(SignInFlow::State state);
    void showFailure(const SignInError &error);
    void updateCountdown();

    SignInFlow *m_flow;
    QLabel *m_stateLabel;
    QLabel *m_hintLabel;
    QLabel *m_countdownLabel;
    QProgressBar *m_progress;
    QLabel *m_errorIcon;
    QLabel *m_errorLabel;
    QToolButton *m_detailsButton;
    QPlainTextEdit *m_details;
    QPushButton *m_copyLinkButton;
    QPushButton *m_openBrowserButton;
    QPushButton *m_retryButton;
    QPushButton *m_cancelButton;
    QTimer *m_countdownTimer;
    bool m_started = false;
    bool m_browserOpenFailed = false;
};
