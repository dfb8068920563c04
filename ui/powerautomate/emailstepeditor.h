#pragma once

#include "stepeditor.h"

// Send an email: recipients, subject, body, and the SMTP server (a secret store entry holding the server
// settings and the password, reusable by other email steps).
class EmailStepEditor : public StepEditor
{
    Q_OBJECT

public:
    explicit EmailStepEditor(QWidget *parent = nullptr);
    QHash<QString, QString> problems() const override;
    void setKnownSecretRefs(const QStringList &refs) override;
    QHash<QString, QString> enteredSecrets() const override;
    void setSecretRef(const QString &key, const QString &ref) override;

protected:
    void load(const QJsonObject &parameters) override;
    QJsonObject parameters() const override;

private:
    void updateServerFields();
    QString serverSecret() const; // the JSON object of a new server, empty while none is entered

    QLineEdit *m_to;
    QLineEdit *m_cc;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QComboBox *m_server; // known entries, then "New SMTP server…"
    QWidget *m_serverFields;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_from;
    QString m_loadedHtml; // an HTML body from an imported flow: kept, not edited here
};
