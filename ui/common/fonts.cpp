#include "fonts.h"

#include <QWidget>

namespace Fonts {

void emphasize(QWidget *widget, qreal scale)
{
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setWeight(QFont::DemiBold);
    widget->setFont(font);
}

} // namespace Fonts
