#pragma once

#include "formdata.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

// The OData system query options the sandbox understands on data/{entity}:
//   $top (at most 100 rows a page; more is capped), $skip, $select, $orderby (Attr [asc|desc], ...),
//   $count=true, and $filter with  Attr eq|ne literal,  and,  or,  not,  ( ),  IsMemberOfSegment('Name').
// Literals: 'text' ('' escapes a quote), numbers, true, false, null.
class ODataQuery
{
public:
    static constexpr int kMaxTop = 100;

    struct Filter;
    using FilterPtr = std::shared_ptr<const Filter>;
    struct Filter
    {
        enum class Kind
        {
            And,
            Or,
            Not,
            Equals,
            NotEquals,
            Segment,
        };
        Kind kind;
        FilterPtr left;
        FilterPtr right;
        QString attribute; // Equals/NotEquals: the attribute; Segment: the segment name
        QJsonValue literal;
    };

    struct OrderKey
    {
        QString attribute;
        bool descending = false;
    };

    // Row membership of a segment, and whether a segment exists, asked while filtering and parsing.
    using SegmentMembership = std::function<bool(const QString &segment, int row)>;
    using SegmentExists = std::function<bool(const QString &segment)>;

    static std::optional<ODataQuery> parse(const FormData &query, const QStringList &attributes,
                                           const SegmentExists &segmentExists, QString *error);

    int top() const { return m_top; }
    int skip() const { return m_skip; }
    bool count() const { return m_count; }
    const QStringList &select() const { return m_select; }
    const QList<OrderKey> &orderBy() const { return m_orderBy; }
    const FilterPtr &filter() const { return m_filter; }

    bool matches(const QJsonObject &row, int rowIndex, const SegmentMembership &membership) const;
    static int compare(const QJsonValue &a, const QJsonValue &b);

private:
    int m_top = kMaxTop;
    int m_skip = 0;
    bool m_count = false;
    QStringList m_select;
    QList<OrderKey> m_orderBy;
    FilterPtr m_filter;
};
