#include "messageprompt.h"

#include <QPointer>
#include <QPushButton>
#include <QTimer>

namespace {

struct PromptState
{
    QList<int> answers;
    MessagePrompt::Question last;
};

PromptState &state()
{
    static PromptState s;
    return s;
}

} // namespace

void MessagePrompt::ask(QWidget *context, const Question &question, std::function<void(int id)> answered)
{
    Q_ASSERT(context);
    state().last = question;
    if (!state().answers.isEmpty()) {
        const int id = state().answers.takeFirst();
        QTimer::singleShot(0, context, [answered = std::move(answered), id] { answered(id); });
        return;
    }
    auto *box = new QMessageBox(question.icon, question.title, question.text, QMessageBox::NoButton, context);
    box->setObjectName(QStringLiteral("messagePrompt"));
    box->setTextFormat(Qt::PlainText); // questions name flows and firings: data, never markup
    box->setInformativeText(question.informativeText);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QHash<QAbstractButton *, int> ids;
    for (const Choice &choice : question.choices) {
        QPushButton *button = box->addButton(choice.text, choice.role);
        button->setEnabled(choice.enabled);
        ids.insert(button, choice.id);
        if (choice.id == question.defaultId)
            box->setDefaultButton(button);
    }
    QObject::connect(box, &QMessageBox::finished, context, [box, ids, answered = std::move(answered)] {
        answered(ids.value(box->clickedButton(), -1));
    });
    box->open();
}

void MessagePrompt::setNextAnswer(int id)
{
    state().answers.append(id);
}

void MessagePrompt::clearAnswers()
{
    state().answers.clear();
}

MessagePrompt::Question MessagePrompt::lastQuestion()
{
    return state().last;
}
