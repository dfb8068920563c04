#include "signindialog.h"

#include "common/fonts.h"

#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

SignInDialog::SignInDialog(SignInFlow *flow, QWidget *parent)
    : QDialog(parent)
    , m_flow(flow)
    , m_stateLabel(new QLabel(this))
    , m_hintLabel(new QLabel(this))
    , m_countdownLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_errorIcon(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_detailsButton(new QToolButton(this))
    , m_details(new QPlainTextEdit(this))
    , m_copyLinkButton(new QPushButton(tr("Copy sign-in link"), this))
    , m_openBrowserButton(new QPushButton(tr("Open browser again"), this))
    , m_retryButton(new QPushButton(tr("Try again"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_countdownTimer(new QTimer(this))
{
    m_flow->setParent(this);
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Customer Insights"));
    setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(this);
    // The dialog takes the height of what it says in each state; word-wrapped texts get a fixed width.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    layout->setSpacing(10);
    layout->setContentsMargins(24, 20, 24, 16);

    auto *title = new QLabel(tr("Sign in to Customer Insights"), this);
    Fonts::emphasize(title, Fonts::kDialogTitle);
    layout->addWidget(title);

    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    Fonts::emphasize(m_stateLabel);
    m_stateLabel->setWordWrap(true);
    layout->addWidget(m_stateLabel);

    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setWordWrap(true);
    for (QLabel *label : {m_stateLabel, m_hintLabel, m_errorLabel})
        label->setFixedWidth(500);
    layout->addWidget(m_hintLabel);

    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->setAccessibleName(tr("Sign-in progress"));
    layout->addWidget(m_progress);

    m_countdownLabel->setObjectName(QStringLiteral("countdownLabel"));
    layout->addWidget(m_countdownLabel);

    auto *errorRow = new QHBoxLayout;
    m_errorIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    m_errorIcon->setAlignment(Qt::AlignTop);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorRow->addWidget(m_errorIcon);
    errorRow->addWidget(m_errorLabel, 1);
    layout->addLayout(errorRow);

    m_detailsButton->setObjectName(QStringLiteral("detailsButton"));
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsButton->setArrowType(Qt::RightArrow);
    m_detailsButton->setAutoRaise(true);
    layout->addWidget(m_detailsButton, 0, Qt::AlignLeft);
    m_details->setObjectName(QStringLiteral("detailsText"));
    m_details->setReadOnly(true);
    m_details->setMaximumHeight(120);
    m_details->setAccessibleName(tr("Error details"));
    layout->addWidget(m_details);
    connect(m_detailsButton, &QToolButton::toggled, this, [this](bool shown) {
        m_details->setVisible(shown);
        m_detailsButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });

    layout->addStretch(1);
    auto *buttons = new QDialogButtonBox(this);
    m_copyLinkButton->setObjectName(QStringLiteral("copyLinkButton"));
    m_openBrowserButton->setObjectName(QStringLiteral("openBrowserButton"));
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    buttons->addButton(m_copyLinkButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_openBrowserButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_retryButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);

    connect(m_copyLinkButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_flow->authorizeUrl().toString()); });
    connect(m_openBrowserButton, &QPushButton::clicked, m_flow, &SignInFlow::openBrowserAgain);
    connect(m_retryButton, &QPushButton::clicked, this, &SignInDialog::retryRequested);
    connect(m_cancelButton, &QPushButton::clicked, this, &SignInDialog::reject);

    connect(m_flow, &SignInFlow::stateChanged, this, &SignInDialog::showState);
    connect(m_flow, &SignInFlow::failed, this, &SignInDialog::showFailure);
    connect(m_flow, &SignInFlow::signedIn, this, &SignInDialog::accept);
    connect(m_flow, &SignInFlow::browserOpenFailed, this, [this] {
        m_browserOpenFailed = true;
        showState(m_flow->state());
    });
    m_countdownTimer->setInterval(1000);
    connect(m_countdownTimer, &QTimer::timeout, this, &SignInDialog::updateCountdown);

    showState(m_flow->state());
}

void SignInDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_started) {
        m_started = true;
        m_flow->start();
    }
}

void SignInDialog::reject()
{
    m_flow->cancel();
    QDialog::reject();
}

void SignInDialog::showState(SignInFlow::State state)
{
    const bool waiting = state == SignInFlow::State::WaitingForBrowser;
    const bool failed = state == SignInFlow::State::Failed;
    switch (state) {
    case SignInFlow::State::Idle:
    case SignInFlow::State::Discovering:
        m_stateLabel->setText(tr("Contacting the sign-in service…"));
        m_hintLabel->setText(QString());
        break;
    case SignInFlow::State::OpeningBrowser:
        m_stateLabel->setText(tr("Opening your browser…"));
        m_hintLabel->setText(QString());
        break;
    case SignInFlow::State::WaitingForBrowser:
        m_stateLabel->setText(tr("Waiting for you to sign in in your browser"));
        m_hintLabel->setText(
            m_browserOpenFailed
                ? tr("Your browser could not be opened. Choose Copy sign-in link and open the "
                     "link in a browser yourself; this window waits for it.")
                : tr("Finish signing in on the page that opened in your browser, then come back "
                     "here. If no page opened, choose Open browser again, or copy the sign-in "
                     "link into a browser yourself."));
        break;
    case SignInFlow::State::ExchangingCode:
        m_stateLabel->setText(tr("Completing sign-in…"));
        m_hintLabel->setText(QString());
        break;
    case SignInFlow::State::SignedIn:
        m_stateLabel->setText(tr("Signed in"));
        m_hintLabel->setText(QString());
        break;
    case SignInFlow::State::Failed:
        m_stateLabel->setText(tr("Sign-in did not complete"));
        m_hintLabel->setText(QString());
        break;
    }
    m_progress->setVisible(!failed && state != SignInFlow::State::SignedIn);
    m_countdownLabel->setVisible(waiting);
    m_copyLinkButton->setVisible(waiting);
    m_openBrowserButton->setVisible(waiting);
    m_retryButton->setVisible(failed);
    m_cancelButton->setText(failed ? tr("Close") : tr("Cancel"));
    if (!failed) {
        m_errorLabel->clear();
        m_errorIcon->setVisible(false);
        m_errorLabel->setVisible(false);
        m_detailsButton->setVisible(false);
        m_detailsButton->setChecked(false);
        m_details->setVisible(false);
    }
    if (waiting) {
        updateCountdown();
        m_countdownTimer->start();
    } else {
        m_countdownTimer->stop();
    }
}

void SignInDialog::showFailure(const SignInError &error)
{
    showState(SignInFlow::State::Failed);
    m_errorLabel->setText(error.message);
    m_errorLabel->setVisible(true);
    m_errorIcon->setVisible(true);
    m_details->setPlainText(error.details);
    m_detailsButton->setVisible(!error.details.isEmpty());
}

void SignInDialog::updateCountdown()
{
    const qint64 seconds = std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m_flow->deadline()));
    m_countdownLabel->setText(
        tr("Time left: %1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')));
}
