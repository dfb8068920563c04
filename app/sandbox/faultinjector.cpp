#include "faultinjector.h"

#include <QJsonObject>

std::optional<FaultInjector::Kind> FaultInjector::kindFromString(const QString &name)
{
    if (name == QLatin1String("http500"))
        return Kind::Http500;
    if (name == QLatin1String("delay"))
        return Kind::Delay;
    if (name == QLatin1String("throttle"))
        return Kind::Throttle;
    if (name == QLatin1String("drop"))
        return Kind::Drop;
    return std::nullopt;
}

QString FaultInjector::kindToString(Kind kind)
{
    switch (kind) {
    case Kind::Http500:
        return QStringLiteral("http500");
    case Kind::Delay:
        return QStringLiteral("delay");
    case Kind::Throttle:
        return QStringLiteral("throttle");
    case Kind::Drop:
        return QStringLiteral("drop");
    }
    return {};
}

void FaultInjector::add(Kind kind, int count, int ms)
{
    if (count > 0)
        m_queue.append({{kind, ms}, count});
}

std::optional<FaultInjector::Fault> FaultInjector::take()
{
    if (m_queue.isEmpty())
        return std::nullopt;
    Entry &entry = m_queue.first();
    const Fault fault = entry.fault;
    if (--entry.remaining <= 0)
        m_queue.removeFirst();
    return fault;
}

void FaultInjector::clear()
{
    m_queue.clear();
}

QJsonArray FaultInjector::pending() const
{
    QJsonArray result;
    for (const Entry &entry : m_queue) {
        result.append(QJsonObject{{QStringLiteral("kind"), kindToString(entry.fault.kind)},
                                  {QStringLiteral("count"), entry.remaining},
                                  {QStringLiteral("ms"), entry.fault.ms}});
    }
    return result;
}
