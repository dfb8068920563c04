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
class QSpinBox;

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
    // A text area `lines` high, with Tab moving the focus on.
    static QPlainTextEdit *textArea(int lines, QWidget *parent);
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
