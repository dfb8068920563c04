#pragma once

#include "stepeditor.h"

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
