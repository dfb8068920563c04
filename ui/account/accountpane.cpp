#include "accountpane.h"

#include "authsession.h"
#include "common/fonts.h"
#include "connectionsettings.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QLineEdit *lineEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

AccountPane::AccountPane(AuthSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_accountValue(valueLabel(QStringLiteral("accountValue"), this))
    , m_stateValue(valueLabel(QStringLiteral("stateValue"), this))
    , m_authorityValue(valueLabel(QStringLiteral("authorityValue"), this))
    , m_expiryValue(valueLabel(QStringLiteral("expiryValue"), this))
    , m_secretStoreValue(valueLabel(QStringLiteral("secretStoreValue"), this))
    , m_subscriptionKeyValue(valueLabel(QStringLiteral("subscriptionKeyValue"), this))
    , m_subscriptionKeyEdit(
          lineEdit(QStringLiteral("subscriptionKeyEdit"), tr("A new subscription key"), this))
    , m_replaceKeyButton(new QPushButton(tr("Replace key"), this))
    , m_signInButton(new QPushButton(tr("Sign in"), this))
    , m_signOutButton(new QPushButton(tr("Sign out"), this))
    , m_authorityEdit(lineEdit(QStringLiteral("authorityEdit"),
                               QStringLiteral("https://login.microsoftonline.com/{tenant}"), this))
    , m_authorizeUrlEdit(
          lineEdit(QStringLiteral("authorizeUrlEdit"), tr("Discovered from the authority"), this))
    , m_tokenUrlEdit(lineEdit(QStringLiteral("tokenUrlEdit"), tr("Discovered from the authority"), this))
    , m_clientIdEdit(lineEdit(QStringLiteral("clientIdEdit"), QString(), this))
    , m_scopesEdit(lineEdit(QStringLiteral("scopesEdit"), tr("Separated by spaces"), this))
    , m_apiBaseEdit(
          lineEdit(QStringLiteral("apiBaseEdit"), ConnectionSettings::defaultApiBase().toString(), this))
    , m_validationLabel(new QLabel(this))
    , m_saveButton(new QPushButton(tr("Save"), this))
    , m_revertButton(new QPushButton(tr("Revert"), this))
{
    setAccessibleName(tr("Account"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);
    auto *title = new QLabel(tr("Account"), this);
    Fonts::emphasize(title, Fonts::kPaneTitle);
    layout->addWidget(title);

    auto *accountBox = new QGroupBox(tr("Signed-in account"), this);
    auto *accountForm = new QFormLayout(accountBox);
    accountForm->addRow(tr("Account:"), m_accountValue);
    accountForm->addRow(tr("State:"), m_stateValue);
    accountForm->addRow(tr("Authority:"), m_authorityValue);
    accountForm->addRow(tr("Access token expires:"), m_expiryValue);
    accountForm->addRow(tr("Refresh token:"), m_secretStoreValue);
    accountForm->addRow(tr("Subscription key:"), m_subscriptionKeyValue);
    m_subscriptionKeyEdit->setEchoMode(QLineEdit::Password);
    m_subscriptionKeyEdit->setAccessibleName(tr("New subscription key"));
    m_replaceKeyButton->setObjectName(QStringLiteral("replaceKeyButton"));
    m_replaceKeyButton->setEnabled(false);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_subscriptionKeyEdit, 1);
    keyRow->addWidget(m_replaceKeyButton);
    accountForm->addRow(QString(), keyRow);
    auto *accountButtons = new QHBoxLayout;
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signOutButton->setObjectName(QStringLiteral("signOutButton"));
    accountButtons->addWidget(m_signInButton);
    accountButtons->addWidget(m_signOutButton);
    accountButtons->addStretch(1);
    accountForm->addRow(accountButtons);
    accountBox->setMaximumWidth(860);
    layout->addWidget(accountBox);

    auto *connectionBox = new QGroupBox(tr("Connection"), this);
    auto *connectionForm = new QFormLayout(connectionBox);
    connectionForm->addRow(tr("Authority:"), m_authorityEdit);
    connectionForm->addRow(tr("Authorize URL:"), m_authorizeUrlEdit);
    connectionForm->addRow(tr("Token URL:"), m_tokenUrlEdit);
    connectionForm->addRow(tr("Client ID:"), m_clientIdEdit);
    connectionForm->addRow(tr("Scopes:"), m_scopesEdit);
    connectionForm->addRow(tr("API base URL:"), m_apiBaseEdit);
    m_validationLabel->setObjectName(QStringLiteral("validationLabel"));
    m_validationLabel->setWordWrap(true);
    connectionForm->addRow(m_validationLabel);
    auto *connectionButtons = new QHBoxLayout;
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    connectionButtons->addWidget(m_saveButton);
    connectionButtons->addWidget(m_revertButton);
    connectionButtons->addStretch(1);
    connectionForm->addRow(connectionButtons);
    connectionBox->setMaximumWidth(860);
    layout->addWidget(connectionBox);
    layout->addStretch(1);

    for (QLineEdit *edit :
         {m_authorityEdit, m_authorizeUrlEdit, m_tokenUrlEdit, m_clientIdEdit, m_scopesEdit, m_apiBaseEdit})
        connect(edit, &QLineEdit::textChanged, this, &AccountPane::validate);
    connect(m_subscriptionKeyEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_replaceKeyButton->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_replaceKeyButton, &QPushButton::clicked, this, [this] {
        m_session->setSubscriptionKey(m_subscriptionKeyEdit->text());
        m_subscriptionKeyEdit->clear();
    });
    connect(m_session, &AuthSession::subscriptionKeyChanged, this, &AccountPane::updateSession);
    connect(m_signInButton, &QPushButton::clicked, this, &AccountPane::signInRequested);
    connect(m_signOutButton, &QPushButton::clicked, m_session, &AuthSession::signOut);
    connect(m_revertButton, &QPushButton::clicked, this, &AccountPane::loadSettings);
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        const ConnectionSettings settings = editedSettings();
        m_session->setSettings(settings);
        emit settingsSaved(settings);
        validate();
    });
    connect(m_session, &AuthSession::stateChanged, this, &AccountPane::updateSession);
    connect(m_session, &AuthSession::accessTokenChanged, this, &AccountPane::updateSession);
    connect(m_session, &AuthSession::secretStoreStatusChanged, this, &AccountPane::updateSession);

    loadSettings();
    updateSession();
}

ConnectionSettings AccountPane::editedSettings() const
{
    ConnectionSettings settings;
    settings.authority = QUrl(m_authorityEdit->text().trimmed(), QUrl::StrictMode);
    settings.authorizeUrl = QUrl(m_authorizeUrlEdit->text().trimmed(), QUrl::StrictMode);
    settings.tokenUrl = QUrl(m_tokenUrlEdit->text().trimmed(), QUrl::StrictMode);
    settings.clientId = m_clientIdEdit->text().trimmed();
    settings.scopes = m_scopesEdit->text().split(u' ', Qt::SkipEmptyParts);
    settings.apiBase = QUrl(m_apiBaseEdit->text().trimmed(), QUrl::StrictMode);
    return settings;
}

void AccountPane::loadSettings()
{
    const ConnectionSettings settings = m_session->settings();
    m_authorityEdit->setText(settings.authority.toString());
    m_authorizeUrlEdit->setText(settings.authorizeUrl.toString());
    m_tokenUrlEdit->setText(settings.tokenUrl.toString());
    m_clientIdEdit->setText(settings.clientId);
    m_scopesEdit->setText(settings.scopes.join(u' '));
    m_apiBaseEdit->setText(settings.apiBase.toString());
    validate();
}

void AccountPane::validate()
{
    const ConnectionSettings edited = editedSettings();
    const QStringList problems = edited.validate();
    m_validationLabel->setText(problems.join(u'\n'));
    m_validationLabel->setVisible(!problems.isEmpty());
    const bool changed = !(edited == m_session->settings());
    m_saveButton->setEnabled(problems.isEmpty() && changed);
    m_revertButton->setEnabled(changed);
}

void AccountPane::updateSession()
{
    const AuthSession::State state = m_session->state();
    const bool signedIn = state == AuthSession::State::SignedIn || state == AuthSession::State::Refreshing;
    m_accountValue->setText(signedIn ? m_session->account() : tr("Not signed in"));
    m_stateValue->setText(m_session->stateText());
    m_authorityValue->setText(m_session->settings().authority.toString());
    m_expiryValue->setText(signedIn
                               ? QLocale().toString(m_session->expiresAt().toLocalTime(), QLocale::LongFormat)
                               : tr("No access token"));
    m_secretStoreValue->setText(m_session->secretStoreStatus());
    m_subscriptionKeyValue->setText(m_session->subscriptionKeyStatus());
    m_signInButton->setVisible(!signedIn);
    m_signInButton->setText(state == AuthSession::State::Expired ? tr("Sign in again") : tr("Sign in"));
    m_signOutButton->setVisible(signedIn || state == AuthSession::State::Expired);
}
