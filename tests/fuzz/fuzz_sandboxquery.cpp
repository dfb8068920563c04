// The sandbox's form/query decoding and its OData query language ($filter, $select, $orderby, $top,
// $skip), evaluated against a row: hostile query strings must not crash the emulator.
#include "formdata.h"
#include "odataquery.h"

#include <QJsonObject>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto form =
        FormData::parse(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!form)
        return 0;
    static const QStringList attributes{QStringLiteral("CustomerId"), QStringLiteral("FirstName"),
                                        QStringLiteral("City"), QStringLiteral("TotalSpend")};
    QString error;
    const auto query = ODataQuery::parse(
        *form, attributes, [](const QString &segment) { return segment == u"HighValueCustomers"; }, &error);
    if (!query)
        return 0;
    const QJsonObject row{{QStringLiteral("CustomerId"), QStringLiteral("C00042")},
                          {QStringLiteral("FirstName"), QStringLiteral("Ana")},
                          {QStringLiteral("City"), QStringLiteral("Cluj")},
                          {QStringLiteral("TotalSpend"), 1234.5}};
    (void)query->matches(row, 42, [](const QString &, int row) { return row % 2 == 0; });
    return 0;
}
