#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

// One HTTP request as the loopback listener sees it. Only the request line matters: the redirect is a
// GET, headers are skipped, a body is never read.
struct LoopbackRequest
{
    enum class Status
    {
        Incomplete, // the head has not fully arrived yet: read more
        Complete,   // a well-formed request head
        Malformed,  // not HTTP/1.x, a broken request line, control characters, ...
        TooLarge,   // the head is longer than kMaxSize
    };

    static constexpr qsizetype kMaxSize = 16 * 1024;

    Status status = Status::Incomplete;
    QByteArray method;      // "GET"
    QString path;           // decoded path, "/callback"
    QUrlQuery query;        // form-decoded ('+' is a space), values via queryItemValue(k, QUrl::FullyDecoded)
    qsizetype headSize = 0; // bytes up to and including the blank line after the headers
};

// Parses what a client has sent so far. Pure: no I/O, any input is safe (it is fuzzed).
LoopbackRequest parseLoopbackRequest(const QByteArray &data);
