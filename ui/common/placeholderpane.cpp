#include "placeholderpane.h"

#include "common/fonts.h"

#include <QLabel>
#include <QVBoxLayout>

PlaceholderPane::PlaceholderPane(const QString &title, const QString &explanation, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    auto *titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(QStringLiteral("titleLabel"));
    Fonts::emphasize(titleLabel, Fonts::kPaneTitle);
    layout->addWidget(titleLabel);

    layout->addStretch(1);
    auto *heading = new QLabel(tr("Sign in to continue"), this);
    Fonts::emphasize(heading, Fonts::kHeading);
    heading->setAlignment(Qt::AlignCenter);
    layout->addWidget(heading);
    auto *text = new QLabel(explanation, this);
    text->setObjectName(QStringLiteral("explanationLabel"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMaximumWidth(560);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    setAccessibleName(title);
}
