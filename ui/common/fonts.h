#pragma once

#include <QtGlobal>

class QWidget;

// The few text sizes of the app, relative to the style's font, so titles scale with the user's settings.
namespace Fonts {

inline constexpr qreal kPaneTitle = 1.6;
inline constexpr qreal kDialogTitle = 1.3;
inline constexpr qreal kHeading = 1.25;
inline constexpr qreal kBrand = 1.2;

// Makes `widget`'s font demi-bold and `scale` times its size.
void emphasize(QWidget *widget, qreal scale = 1.0);

} // namespace Fonts
