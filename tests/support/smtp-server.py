#!/usr/bin/python3
"""A real SMTP server for the email step's tests, on aiosmtpd (python3-aiosmtpd).

    smtp-server.py [--security none|starttls|smtps] [--cert CERT --key KEY] [--user NAME:PASSWORD]
                   [--refuse ADDRESS]...

Listens on 127.0.0.1 on a free port and prints, each on one line of stdout (flushed):
    PORT <n>                                 once, when it accepts connections
    MESSAGE <json>                           for every message received: mailFrom, rcptTos, login (the AUTH
                                             user or null), tls (bool), headers (raw, unfolded), subject
                                             (decoded), parts [{contentType, text}]
With --user, AUTH (PLAIN, LOGIN) is required and only that user and password succeed (535 otherwise); without
TLS it is offered in the clear, as a local relay would. --refuse answers RCPT TO for ADDRESS with 550.
Stops on SIGTERM or when stdin closes.
"""

import argparse
import asyncio
import email
import email.policy
import json
import signal
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult


class Handler:
    def __init__(self, refused):
        self.refused = {address.lower() for address in refused}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        raw_headers = email.message_from_bytes(raw, policy=email.policy.compat32)
        parts = []
        for part in parsed.walk():
            if part.is_multipart():
                continue
            parts.append({"contentType": part.get_content_type(), "text": part.get_content()})
        tls = session.ssl is not None or server.transport.get_extra_info("sslcontext") is not None
        login = getattr(session, "insights_login", None)
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "login": login,
            "tls": bool(tls),
            "headers": {name: " ".join(str(value).split()) for name, value in raw_headers.items()},
            "subject": str(parsed["Subject"]),
            "parts": parts,
        }
        print("MESSAGE " + json.dumps(record), flush=True)
        return "250 2.0.0 Message accepted for delivery"


class Authenticator:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == self.user and auth_data.password == self.password
        if ok:
            session.insights_login = auth_data.login.decode()
        return AuthResult(success=ok, handled=False)


async def main():
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser()
    parser.add_argument("--security", choices=["none", "starttls", "smtps"], default="none")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--refuse", action="append", default=[])
    args = parser.parse_args()

    context = None
    if args.security != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    authenticator = None
    if args.user:
        name, _, password = args.user.partition(":")
        authenticator = Authenticator(name, password)

    handler = Handler(args.refuse)

    def factory():
        return SMTP(
            handler,
            hostname="smtp.test.example",
            tls_context=context if args.security == "starttls" else None,
            require_starttls=args.security == "starttls",
            authenticator=authenticator,
            auth_required=authenticator is not None,
            auth_require_tls=False,
        )

    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        factory, host="127.0.0.1", port=0, ssl=context if args.security == "smtps" else None
    )
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)

    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    loop.add_reader(sys.stdin.fileno(), lambda: stop.set() if not sys.stdin.buffer.read1(4096) else None)
    await stop.wait()
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
