#include "odataquery.h"

namespace {

struct Token
{
    enum class Type
    {
        Identifier,
        String,
        Number,
        OpenParen,
        CloseParen,
        End,
    };
    Type type;
    QString text;
    double number = 0;
};

std::optional<QList<Token>> tokenize(const QString &input, QString *error)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < input.size()) {
        const QChar c = input.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'(') {
            tokens.append({Token::Type::OpenParen, QStringLiteral("("), 0});
            ++i;
        } else if (c == u')') {
            tokens.append({Token::Type::CloseParen, QStringLiteral(")"), 0});
            ++i;
        } else if (c == u'\'') {
            QString text;
            ++i;
            bool closed = false;
            while (i < input.size()) {
                if (input.at(i) == u'\'') {
                    if (i + 1 < input.size() && input.at(i + 1) == u'\'') {
                        text.append(u'\'');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                text.append(input.at(i++));
            }
            if (!closed) {
                *error = QStringLiteral("Unterminated string literal in $filter.");
                return std::nullopt;
            }
            tokens.append({Token::Type::String, text, 0});
        } else if (c.isDigit() || c == u'-' || c == u'.') {
            const qsizetype start = i++;
            while (i < input.size() && (input.at(i).isDigit() || input.at(i) == u'.' || input.at(i) == u'e' ||
                                        input.at(i) == u'E'))
                ++i;
            bool ok = false;
            const QString text = input.mid(start, i - start);
            const double number = text.toDouble(&ok);
            if (!ok) {
                *error = QStringLiteral("Invalid number '%1' in $filter.").arg(text);
                return std::nullopt;
            }
            tokens.append({Token::Type::Number, text, number});
        } else if (c.isLetter() || c == u'_') {
            const qsizetype start = i++;
            while (i < input.size() &&
                   (input.at(i).isLetterOrNumber() || input.at(i) == u'_' || input.at(i) == u'/'))
                ++i;
            tokens.append({Token::Type::Identifier, input.mid(start, i - start), 0});
        } else {
            *error = QStringLiteral("Unexpected character '%1' in $filter.").arg(c);
            return std::nullopt;
        }
    }
    tokens.append({Token::Type::End, {}, 0});
    return tokens;
}

// Recursive descent:  or := and ('or' and)* ; and := unary ('and' unary)* ;
// unary := 'not' unary | primary ; primary := '(' or ')' | IsMemberOfSegment '(' string ')' | attr op literal
class FilterParser
{
public:
    FilterParser(QList<Token> tokens, const QStringList &attributes,
                 const ODataQuery::SegmentExists &segmentExists)
        : m_tokens(std::move(tokens))
        , m_attributes(attributes)
        , m_segmentExists(segmentExists)
    {}

    ODataQuery::FilterPtr parse(QString *error)
    {
        auto result = parseOr();
        if (result && peek().type != Token::Type::End)
            fail(QStringLiteral("Unexpected '%1' in $filter.").arg(peek().text));
        if (!m_error.isEmpty()) {
            *error = m_error;
            return nullptr;
        }
        return result;
    }

private:
    using Filter = ODataQuery::Filter;

    const Token &peek() const { return m_tokens.at(m_position); }
    const Token &next() { return m_tokens.at(m_position < m_tokens.size() - 1 ? m_position++ : m_position); }
    bool isKeyword(const char *keyword) const
    {
        return peek().type == Token::Type::Identifier && peek().text == QLatin1String(keyword);
    }
    ODataQuery::FilterPtr fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return nullptr;
    }

    ODataQuery::FilterPtr parseOr()
    {
        auto left = parseAnd();
        while (left && isKeyword("or")) {
            next();
            auto right = parseAnd();
            if (!right)
                return nullptr;
            left = std::make_shared<Filter>(Filter{Filter::Kind::Or, left, right, {}, {}});
        }
        return left;
    }

    ODataQuery::FilterPtr parseAnd()
    {
        auto left = parseUnary();
        while (left && isKeyword("and")) {
            next();
            auto right = parseUnary();
            if (!right)
                return nullptr;
            left = std::make_shared<Filter>(Filter{Filter::Kind::And, left, right, {}, {}});
        }
        return left;
    }

    ODataQuery::FilterPtr parseUnary()
    {
        if (++m_depth > 64)
            return fail(QStringLiteral("$filter is nested too deeply."));
        ODataQuery::FilterPtr result;
        if (isKeyword("not")) {
            next();
            auto operand = parseUnary();
            if (operand)
                result = std::make_shared<Filter>(Filter{Filter::Kind::Not, operand, nullptr, {}, {}});
        } else {
            result = parsePrimary();
        }
        --m_depth;
        return result;
    }

    ODataQuery::FilterPtr parsePrimary()
    {
        const Token token = next();
        if (token.type == Token::Type::OpenParen) {
            auto inner = parseOr();
            if (!inner)
                return nullptr;
            if (next().type != Token::Type::CloseParen)
                return fail(QStringLiteral("Missing ')' in $filter."));
            return inner;
        }
        if (token.type != Token::Type::Identifier)
            return fail(
                QStringLiteral("Expected an attribute or function in $filter, found '%1'.").arg(token.text));
        if (token.text == QLatin1String("IsMemberOfSegment")) {
            if (next().type != Token::Type::OpenParen)
                return fail(QStringLiteral("Expected '(' after IsMemberOfSegment."));
            const Token name = next();
            if (name.type != Token::Type::String)
                return fail(QStringLiteral("IsMemberOfSegment takes a segment name in quotes."));
            if (next().type != Token::Type::CloseParen)
                return fail(QStringLiteral("Missing ')' after IsMemberOfSegment('%1'.").arg(name.text));
            if (!m_segmentExists(name.text))
                return fail(QStringLiteral("Unknown segment '%1'.").arg(name.text));
            return std::make_shared<Filter>(Filter{Filter::Kind::Segment, nullptr, nullptr, name.text, {}});
        }
        if (!m_attributes.contains(token.text))
            return fail(QStringLiteral("Unknown attribute '%1' in $filter.").arg(token.text));
        const Token op = next();
        Filter::Kind kind;
        if (op.type == Token::Type::Identifier && op.text == QLatin1String("eq"))
            kind = Filter::Kind::Equals;
        else if (op.type == Token::Type::Identifier && op.text == QLatin1String("ne"))
            kind = Filter::Kind::NotEquals;
        else
            return fail(QStringLiteral("Unsupported operator '%1' in $filter (eq and ne are supported).")
                            .arg(op.text));
        const Token literal = next();
        QJsonValue value;
        if (literal.type == Token::Type::String)
            value = literal.text;
        else if (literal.type == Token::Type::Number)
            value = literal.number;
        else if (literal.type == Token::Type::Identifier && literal.text == QLatin1String("true"))
            value = true;
        else if (literal.type == Token::Type::Identifier && literal.text == QLatin1String("false"))
            value = false;
        else if (literal.type == Token::Type::Identifier && literal.text == QLatin1String("null"))
            value = QJsonValue::Null;
        else
            return fail(
                QStringLiteral("Expected a literal after '%1 %2' in $filter.").arg(token.text, op.text));
        return std::make_shared<Filter>(Filter{kind, nullptr, nullptr, token.text, value});
    }

    QList<Token> m_tokens;
    qsizetype m_position = 0;
    int m_depth = 0;
    QString m_error;
    const QStringList &m_attributes;
    const ODataQuery::SegmentExists &m_segmentExists;
};

std::optional<int> nonNegative(const QString &text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

bool equalValues(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if ((a.isNull() || a.isUndefined()) && (b.isNull() || b.isUndefined()))
        return true;
    return a == b;
}

} // namespace

std::optional<ODataQuery> ODataQuery::parse(const FormData &query, const QStringList &attributes,
                                            const SegmentExists &segmentExists, QString *error)
{
    ODataQuery result;
    if (query.contains(QStringLiteral("$top"))) {
        const auto top = nonNegative(query.value(QStringLiteral("$top")));
        if (!top) {
            *error = QStringLiteral("$top must be a non-negative integer.");
            return std::nullopt;
        }
        result.m_top = std::min(*top, kMaxTop);
    }
    if (query.contains(QStringLiteral("$skip"))) {
        const auto skip = nonNegative(query.value(QStringLiteral("$skip")));
        if (!skip) {
            *error = QStringLiteral("$skip must be a non-negative integer.");
            return std::nullopt;
        }
        result.m_skip = *skip;
    }
    if (query.contains(QStringLiteral("$count"))) {
        const QString count = query.value(QStringLiteral("$count"));
        if (count != QLatin1String("true") && count != QLatin1String("false")) {
            *error = QStringLiteral("$count must be true or false.");
            return std::nullopt;
        }
        result.m_count = count == QLatin1String("true");
    }
    if (query.contains(QStringLiteral("$select"))) {
        const QStringList names = query.value(QStringLiteral("$select")).split(u',');
        for (const QString &raw : names) {
            const QString name = raw.trimmed();
            if (!attributes.contains(name)) {
                *error = QStringLiteral("Unknown attribute '%1' in $select.").arg(name);
                return std::nullopt;
            }
            result.m_select.append(name);
        }
    }
    if (query.contains(QStringLiteral("$orderby"))) {
        const QStringList keys = query.value(QStringLiteral("$orderby")).split(u',');
        for (const QString &raw : keys) {
            const QStringList parts = raw.simplified().split(u' ');
            const bool directionOk =
                parts.size() == 1 || (parts.size() == 2 && (parts.at(1) == QLatin1String("asc") ||
                                                            parts.at(1) == QLatin1String("desc")));
            if (parts.isEmpty() || !directionOk || !attributes.contains(parts.at(0))) {
                *error = QStringLiteral("Invalid $orderby key '%1'.").arg(raw.trimmed());
                return std::nullopt;
            }
            result.m_orderBy.append({parts.at(0), parts.size() == 2 && parts.at(1) == QLatin1String("desc")});
        }
    }
    if (query.contains(QStringLiteral("$filter"))) {
        const auto tokens = tokenize(query.value(QStringLiteral("$filter")), error);
        if (!tokens)
            return std::nullopt;
        FilterParser parser(*tokens, attributes, segmentExists);
        result.m_filter = parser.parse(error);
        if (!result.m_filter)
            return std::nullopt;
    }
    return result;
}

int ODataQuery::compare(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    if (a.isBool() && b.isBool())
        return int(a.toBool()) - int(b.toBool());
    return QString::compare(a.toString(), b.toString());
}

bool ODataQuery::matches(const QJsonObject &row, int rowIndex, const SegmentMembership &membership) const
{
    const std::function<bool(const Filter &)> evaluate = [&](const Filter &filter) -> bool {
        switch (filter.kind) {
        case Filter::Kind::And:
            return evaluate(*filter.left) && evaluate(*filter.right);
        case Filter::Kind::Or:
            return evaluate(*filter.left) || evaluate(*filter.right);
        case Filter::Kind::Not:
            return !evaluate(*filter.left);
        case Filter::Kind::Equals:
            return equalValues(row.value(filter.attribute), filter.literal);
        case Filter::Kind::NotEquals:
            return !equalValues(row.value(filter.attribute), filter.literal);
        case Filter::Kind::Segment:
            return membership(filter.attribute, rowIndex);
        }
        return false;
    };
    return !m_filter || evaluate(*m_filter);
}
