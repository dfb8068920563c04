// The sandbox's SMTP sink: one session (SmtpSession, no socket) fed a client's bytes. The first byte picks
// how the rest is cut into reads, since a socket delivers whatever it has.
//
// Invariants: every reply is a sequence of "NNN..." lines ending in CRLF; each "250 OK: queued" reply
// delivers exactly one message, within the 1 MiB limit; nothing is read after QUIT; and unless a line grew
// past the line limit (checked per read), the replies and messages do not depend on how the bytes were cut.
#include "smtpsink.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

struct Run
{
    QByteArray replies;
    QList<Outbox::Email> emails;
    bool lineTooLong = false;
};

Run feed(const QByteArray &input, int firstChunk)
{
    Run run;
    SmtpSession session([&run](Outbox::Email email) { run.emails.append(std::move(email)); });
    qsizetype position = 0;
    int chunk = firstChunk;
    while (position < input.size()) {
        const QByteArray reply = session.receive(input.mid(position, chunk));
        position += chunk;
        if (reply.contains("500 Line too long"))
            run.lineTooLong = true;
        run.replies += reply;
        chunk = chunk * 7 % 61 + 1; // 1..61, varying
        if (session.isClosed())
            check(session.receive("NOOP\r\n").isEmpty());
    }
    return run;
}

void checkReplies(const Run &run)
{
    check(run.replies.isEmpty() || run.replies.endsWith("\r\n"));
    const QList<QByteArray> lines = run.replies.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        check(line.size() >= 4 && line.endsWith('\r'));
        check(std::isdigit(uchar(line.at(0))) && std::isdigit(uchar(line.at(1))) &&
              std::isdigit(uchar(line.at(2))));
        check(line.at(3) == ' ' || line.at(3) == '-' || line.at(3) == '\r');
    }
    check(run.replies.count("250 OK: queued") == run.emails.size());
    for (const Outbox::Email &email : run.emails) {
        check(email.data.size() <= SmtpSession::kMaxMessageBytes);
        check(!email.to.isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Run cut = feed(input, data[0] % 64 + 1);
    checkReplies(cut);
    const Run whole = feed(input, int(input.size()) + 1);
    checkReplies(whole);
    if (!cut.lineTooLong && !whole.lineTooLong) {
        check(cut.replies == whole.replies);
        check(cut.emails.size() == whole.emails.size());
        for (qsizetype i = 0; i < cut.emails.size(); ++i) {
            check(cut.emails.at(i).data == whole.emails.at(i).data);
            check(cut.emails.at(i).to == whole.emails.at(i).to);
            check(cut.emails.at(i).from == whole.emails.at(i).from);
            check(cut.emails.at(i).subject == whole.emails.at(i).subject);
        }
    }
    return 0;
}
