#pragma once

#include <QString>

class QLabel;
class QWidget;

// The error line under a form field: plain text, wrapped, hidden while there is no error. Errors are
// marked by a sign and by their text, not by colour alone.
namespace FieldError {

QLabel *create(const QString &objectName, QWidget *parent);
// Shows "⚠ <error>", or hides the label when `error` is empty.
void show(QLabel *label, const QString &error);
// The style sheet of error text (also for status lines that turn into an error).
QString styleSheet();

} // namespace FieldError
