#pragma once

#include <QList>
#include <QMessageBox>
#include <QString>

#include <functional>

// Questions to the user without a nested event loop: ask() opens a window-modal QMessageBox with open() and
// calls `answered` with the id of the chosen button (-1 when the box was closed otherwise).
//
// Tests pre-answer: setNextAnswer(id) makes the next ask() show nothing and answer `id` on the next
// event-loop turn; lastQuestion() tells what would have been asked.
class MessagePrompt
{
public:
    struct Choice
    {
        int id;
        QString text;
        QMessageBox::ButtonRole role;
        bool enabled = true;
    };

    struct Question
    {
        QMessageBox::Icon icon = QMessageBox::Question;
        QString title;
        QString text;
        QString informativeText;
        QList<Choice> choices;
        int defaultId = -1;
    };

    // `context` (required) owns the box; `answered` runs only while it lives.
    static void ask(QWidget *context, const Question &question, std::function<void(int id)> answered);

    static void setNextAnswer(int id);
    static void clearAnswers();
    static Question lastQuestion();
};
