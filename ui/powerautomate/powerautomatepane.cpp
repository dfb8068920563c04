#include "powerautomatepane.h"

#include "authsession.h"
#include "common/fonts.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

PowerAutomatePane::PowerAutomatePane(AuthSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_headingLabel(new QLabel(this))
    , m_explanationLabel(new QLabel(this))
    , m_signInButton(new QPushButton(this))
{
    setAccessibleName(tr("Power Automate"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    auto *title = new QLabel(tr("Power Automate"), this);
    Fonts::emphasize(title, Fonts::kPaneTitle);
    layout->addWidget(title);
    auto *subtitle = new QLabel(
        tr("Flows react to events in your Customer Insights instance and run the steps you choose."), this);
    subtitle->setWordWrap(true);
    layout->addWidget(subtitle);

    layout->addStretch(1);
    m_headingLabel->setObjectName(QStringLiteral("headingLabel"));
    Fonts::emphasize(m_headingLabel, Fonts::kHeading);
    m_headingLabel->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_headingLabel);
    m_explanationLabel->setObjectName(QStringLiteral("explanationLabel"));
    m_explanationLabel->setWordWrap(true);
    m_explanationLabel->setAlignment(Qt::AlignCenter);
    m_explanationLabel->setMaximumWidth(560);
    layout->addWidget(m_explanationLabel, 0, Qt::AlignHCenter);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    layout->addWidget(m_signInButton, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    connect(m_signInButton, &QPushButton::clicked, this, &PowerAutomatePane::signInRequested);
    connect(m_session, &AuthSession::stateChanged, this, &PowerAutomatePane::updateSession);
    updateSession();
}

void PowerAutomatePane::updateSession()
{
    switch (m_session->state()) {
    case AuthSession::State::SignedOut:
        m_headingLabel->setText(tr("Sign in to continue"));
        m_explanationLabel->setText(tr("Flows run against a Customer Insights instance. Sign in with your "
                                       "browser to connect this app to your instance."));
        m_signInButton->setText(tr("Sign in"));
        m_signInButton->show();
        break;
    case AuthSession::State::Restoring:
        m_headingLabel->setText(tr("Signing in…"));
        m_explanationLabel->setText(tr("Signing in with the account you used last time."));
        m_signInButton->hide();
        break;
    case AuthSession::State::Expired:
        m_headingLabel->setText(tr("Your sign-in has expired"));
        m_explanationLabel->setText(tr("The service no longer accepts the saved sign-in. Sign in again to "
                                       "continue; your flows are kept."));
        m_signInButton->setText(tr("Sign in again"));
        m_signInButton->show();
        break;
    case AuthSession::State::SignedIn:
    case AuthSession::State::Refreshing:
        m_headingLabel->setText(tr("Connected as %1").arg(m_session->account()));
        m_explanationLabel->setText(tr("The flow editor is not available in this version yet."));
        m_signInButton->hide();
        break;
    }
}
