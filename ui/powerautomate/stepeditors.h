#pragma once

#include "flow.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>

struct CiEntity;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

// The editor of one step of a flow, one subclass per StepKind. It edits a Step value: setStep() loads it,
// step() reads the fields back. Secrets are never part of the Step: a secret typed in the editor (a webhook
// URL, an SMTP password, a signing key) waits in enteredSecrets() under its parameter key until the flow
// editor writes it to the secret store and names the entry in the step (setSecretRef()).
//
// Errors are shown inline, under the field they are about: showErrors() takes them by parameter key (the
// keys of Step::parameterKeys(); an empty key is about the step as a whole).
class StepEditor : public QWidget
{
    Q_OBJECT

public:
    static StepEditor *create(StepKind kind, QWidget *parent = nullptr);

    StepKind kind() const { return m_kind; }
    void setStep(const Step &step);
    Step step() const;

    // Secrets typed since setStep(), by parameter key ("webhookSecretRef" -> the URL): not stored yet.
    virtual QHash<QString, QString> enteredSecrets() const;
    // Names the secret store entry of `key` once the entered secret is stored there; clears the field.
    virtual void setSecretRef(const QString &key, const QString &ref);
    // What the editor alone can tell: a required secret neither stored nor entered, a value that is not
    // JSON, an unknown placeholder. By parameter key.
    virtual QHash<QString, QString> problems() const;
    void showErrors(const QHash<QString, QString> &errors);

    // The instance's entities (Get items); ignored by the other kinds.
    virtual void setEntities(const QList<CiEntity> &entities);
    // The secret store entries other flows use for this kind's secrets, to reuse (e.g. an SMTP server).
    virtual void setKnownSecretRefs(const QStringList &refs);

signals:
    void changed();
    void previewRequested(const Step &step); // Get items: show the first rows

protected:
    StepEditor(StepKind kind, QWidget *parent);

    virtual void load(const QJsonObject &parameters) = 0;
    virtual QJsonObject parameters() const = 0;

    QFormLayout *form() const { return m_form; }
    // Adds a row to the form: the field with its error label beneath, both found by parameter key.
    void addRow(const QString &label, QWidget *field, const QString &key);
    // A text field with an "Insert placeholder" menu beside it.
    QWidget *withPlaceholders(QLineEdit *field);
    QWidget *withPlaceholders(QPlainTextEdit *field);
    // A password field for the secret of `key`: empty with a "stored" hint when an entry exists.
    QLineEdit *addSecretRow(const QString &label, const QString &key, const QString &hint);
    void watch(QLineEdit *field);
    void watch(QPlainTextEdit *field);
    void watch(QComboBox *field);
    void watch(QSpinBox *field);

    QHash<QString, QString> m_secretRefs; // key -> entry name, as loaded or stored
    QHash<QString, QLineEdit *> m_secretFields;

private:
    StepKind m_kind;
    QFormLayout *m_form;
    QLabel *m_generalError;
    QHash<QString, QLabel *> m_errorLabels;
};

// Post to a Teams channel: the channel's incoming webhook URL (a secret), a title and the text.
class TeamsStepEditor : public StepEditor
{
    Q_OBJECT

public:
    explicit TeamsStepEditor(QWidget *parent = nullptr);
    QHash<QString, QString> problems() const override;

protected:
    void load(const QJsonObject &parameters) override;
    QJsonObject parameters() const override;

private:
    QLineEdit *m_webhook;
    QLineEdit *m_title;
    QPlainTextEdit *m_text;
};

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

// Call an HTTP endpoint: method, URL, headers, a JSON body and an optional signing secret.
class HttpStepEditor : public StepEditor
{
    Q_OBJECT

public:
    explicit HttpStepEditor(QWidget *parent = nullptr);
    QHash<QString, QString> problems() const override;

protected:
    void load(const QJsonObject &parameters) override;
    QJsonObject parameters() const override;

private:
    QComboBox *m_method;
    QLineEdit *m_url;
    QPlainTextEdit *m_headers; // "Name: value" per line
    QPlainTextEdit *m_body;
    QLineEdit *m_signingSecret;
};

// Get items from an entity: entity, $filter, $select, $orderby, a row limit, and a preview of the first rows.
class GetItemsStepEditor : public StepEditor
{
    Q_OBJECT

public:
    explicit GetItemsStepEditor(QWidget *parent = nullptr);
    void setEntities(const QList<CiEntity> &entities) override;
    // The preview's outcome: rows, or a sentence saying why there are none.
    void showPreview(const QList<QJsonObject> &rows);
    void showPreviewError(const QString &message);

protected:
    void load(const QJsonObject &parameters) override;
    QJsonObject parameters() const override;

private:
    QComboBox *m_entity;
    QLineEdit *m_filter;
    QLineEdit *m_select;
    QLineEdit *m_orderBy;
    QSpinBox *m_limit;
    QPushButton *m_previewButton;
    QLabel *m_previewStatus;
    QTableWidget *m_preview;
};
