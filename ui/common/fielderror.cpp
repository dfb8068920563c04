#include "fielderror.h"

#include <QLabel>

namespace FieldError {

QLabel *create(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(styleSheet());
    label->hide();
    return label;
}

void show(QLabel *label, const QString &error)
{
    label->setText(error.isEmpty() ? QString() : QStringLiteral("⚠ ") + error);
    label->setVisible(!error.isEmpty());
}

QString styleSheet()
{
    return QStringLiteral("color: #b3261e;");
}

} // namespace FieldError
