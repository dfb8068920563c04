#pragma once

#include "stepeditor.h"

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
