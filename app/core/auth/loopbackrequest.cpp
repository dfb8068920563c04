#include "loopbackrequest.h"

#include <QUrl>

namespace {

bool isToken(QByteArrayView method)
{
    if (method.isEmpty() || method.size() > 16)
        return false;
    for (char c : method) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            return false;
    }
    return true;
}

bool isVisibleAscii(QByteArrayView bytes)
{
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
    }
    return true;
}

bool hasControlCharacters(QByteArrayView bytes)
{
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f)
            return true;
    }
    return false;
}

LoopbackRequest malformed()
{
    LoopbackRequest request;
    request.status = LoopbackRequest::Status::Malformed;
    return request;
}

} // namespace

LoopbackRequest parseLoopbackRequest(const QByteArray &data)
{
    LoopbackRequest request;

    // The head ends at the first blank line; browsers send CRLF, tolerate bare LF.
    qsizetype headEnd = -1;
    qsizetype separator = 0;
    const qsizetype crlf = data.indexOf("\r\n\r\n");
    const qsizetype lf = data.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf <= lf)) {
        headEnd = crlf;
        separator = 4;
    } else if (lf >= 0) {
        headEnd = lf;
        separator = 2;
    }

    const QByteArrayView scanned = headEnd >= 0 ? QByteArrayView(data).first(headEnd) : QByteArrayView(data);
    if (hasControlCharacters(scanned.first(std::min(scanned.size(), LoopbackRequest::kMaxSize))))
        return malformed();

    if (headEnd < 0) {
        // The request line alone can already be judged, so garbage is refused before the cap.
        const qsizetype lineEnd = data.indexOf('\n');
        if (lineEnd >= 0) {
            QByteArray requestLine = data.first(lineEnd);
            if (requestLine.endsWith('\r'))
                requestLine.chop(1);
            const LoopbackRequest line = parseLoopbackRequest(requestLine + "\r\n\r\n");
            if (line.status != LoopbackRequest::Status::Complete)
                return line;
        }
        request.status = data.size() > LoopbackRequest::kMaxSize ? LoopbackRequest::Status::TooLarge
                                                                 : LoopbackRequest::Status::Incomplete;
        return request;
    }
    if (headEnd + separator > LoopbackRequest::kMaxSize) {
        request.status = LoopbackRequest::Status::TooLarge;
        return request;
    }

    qsizetype lineEnd = data.indexOf('\n');
    QByteArrayView line = QByteArrayView(data).first(lineEnd);
    if (line.endsWith('\r'))
        line.chop(1);

    const QList<QByteArrayView> parts = [&line] {
        QList<QByteArrayView> result;
        qsizetype from = 0;
        for (qsizetype i = 0; i <= line.size(); ++i) {
            if (i == line.size() || line[i] == ' ') {
                result.append(line.sliced(from, i - from));
                from = i + 1;
            }
        }
        return result;
    }();
    if (parts.size() != 3 || !isToken(parts[0]) || !isVisibleAscii(parts[1]))
        return malformed();
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return malformed();

    QByteArray target = parts[1].toByteArray();
    if (target.startsWith("http://")) {
        // absolute-form: keep only the path and query
        const QUrl absolute = QUrl::fromEncoded(target, QUrl::StrictMode);
        if (!absolute.isValid())
            return malformed();
        target = absolute.path(QUrl::FullyEncoded).toLatin1();
        if (target.isEmpty())
            target = "/";
        if (absolute.hasQuery())
            target += '?' + absolute.query(QUrl::FullyEncoded).toLatin1();
    }
    if (!target.startsWith('/'))
        return malformed();
    if (const qsizetype hash = target.indexOf('#'); hash >= 0)
        target.truncate(hash);

    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question >= 0 ? target.first(question) : target;
    QByteArray rawQuery = question >= 0 ? target.sliced(question + 1) : QByteArray();
    // A redirect's query is application/x-www-form-urlencoded: a literal '+' arrives as %2B.
    rawQuery.replace('+', "%20");

    request.status = LoopbackRequest::Status::Complete;
    request.method = parts[0].toByteArray().toUpper();
    request.path = QUrl::fromPercentEncoding(rawPath);
    request.query.setQuery(QString::fromLatin1(rawQuery));
    request.headSize = headEnd + separator;
    return request;
}
