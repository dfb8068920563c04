#include "thresholdchart.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

ThresholdChart::ThresholdChart(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Recent values"));
    updateAccessibleDescription();
}

void ThresholdChart::setValues(const QList<Point> &values)
{
    m_values = values;
    updateAccessibleDescription();
    update();
}

void ThresholdChart::setThreshold(std::optional<double> threshold)
{
    m_threshold = threshold;
    updateAccessibleDescription();
    update();
}

QSize ThresholdChart::sizeHint() const
{
    return {320, fontMetrics().height() * 5};
}

QSize ThresholdChart::minimumSizeHint() const
{
    return {120, fontMetrics().height() * 4};
}

void ThresholdChart::updateAccessibleDescription()
{
    const QLocale locale;
    QString text =
        m_values.isEmpty()
            ? tr("No values observed yet.")
            : tr("%n value(s) observed, the latest %1.", nullptr, int(m_values.size()))
                  .arg(locale.toString(m_values.constLast().value, 'f', QLocale::FloatingPointShortest));
    if (m_threshold)
        text += u' ' +
                tr("Threshold %1.").arg(locale.toString(*m_threshold, 'f', QLocale::FloatingPointShortest));
    setAccessibleDescription(text);
    setToolTip(text);
}

void ThresholdChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(pal.color(QPalette::Mid));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRoundedRect(frame, 4, 4);

    const int margin = fontMetrics().height() / 2;
    const QRectF plot = frame.adjusted(margin, margin, -margin, -margin);
    if (m_values.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("The chart fills as the connector observes values."));
        return;
    }

    double low = m_values.constFirst().value;
    double high = low;
    for (const Point &point : std::as_const(m_values)) {
        low = std::min(low, point.value);
        high = std::max(high, point.value);
    }
    if (m_threshold) {
        low = std::min(low, *m_threshold);
        high = std::max(high, *m_threshold);
    }
    const double span = high > low ? high - low : std::max(1.0, std::abs(high));
    low -= span * 0.1;
    high = low + span * 1.2;
    const auto y = [&](double value) { return plot.bottom() - (value - low) / (high - low) * plot.height(); };
    const qsizetype count = m_values.size();
    const auto x = [&](qsizetype i) {
        return count == 1 ? plot.center().x() : plot.left() + plot.width() * double(i) / double(count - 1);
    };

    if (m_threshold) {
        QPen pen(pal.color(QPalette::Text), 1, Qt::DashLine);
        painter.setPen(pen);
        const double ty = y(*m_threshold);
        painter.drawLine(QPointF(plot.left(), ty), QPointF(plot.right(), ty));
        painter.drawText(
            QRectF(plot.left(), ty - fontMetrics().height(), plot.width(), fontMetrics().height()),
            Qt::AlignRight | Qt::AlignBottom,
            QLocale().toString(*m_threshold, 'f', QLocale::FloatingPointShortest));
    }

    QPainterPath path;
    path.moveTo(x(0), y(m_values.constFirst().value));
    for (qsizetype i = 1; i < count; ++i)
        path.lineTo(x(i), y(m_values.at(i).value));
    painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    painter.setBrush(pal.color(QPalette::Highlight));
    painter.drawEllipse(QPointF(x(count - 1), y(m_values.constLast().value)), 3, 3);
}
