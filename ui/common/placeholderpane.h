#pragma once

#include <QWidget>

// A pane whose feature needs a signed-in connection that this build cannot make yet: it says so plainly
// instead of showing controls that do nothing.
class PlaceholderPane : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPane(const QString &title, const QString &explanation, QWidget *parent = nullptr);
};
