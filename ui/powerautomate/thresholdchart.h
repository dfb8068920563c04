#pragma once

#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QWidget>

#include <optional>

// A small line chart of the recent values the worker observed for a segment or measure, with the threshold
// drawn across it, beside the threshold field of the flow editor. Painted from the palette; the threshold
// line is dashed so it does not rely on colour alone.
class ThresholdChart : public QWidget
{
    Q_OBJECT

public:
    struct Point
    {
        QDateTime at;
        double value = 0;
    };

    explicit ThresholdChart(QWidget *parent = nullptr);

    void setValues(const QList<Point> &values); // oldest first
    void setThreshold(std::optional<double> threshold);
    QList<Point> values() const { return m_values; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateAccessibleDescription();

    QList<Point> m_values;
    std::optional<double> m_threshold;
};
