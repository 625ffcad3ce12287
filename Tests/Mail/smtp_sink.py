"""A mail server for the invitation tests (aiosmtpd on 127.0.0.1): STARTTLS required with the given
certificate, AUTH PLAIN for encuestas / clave-smtp only after TLS, RCPT refused for addresses that start
with «rebota» (550). Each message accepted is appended to OUT as one JSON line with its envelope, the
decoded subject and body, and whether it came over TLS and authenticated. Prints READY when listening;
stops when its standard input closes.

    python3 smtp_sink.py PORT OUT CERT KEY
"""
import email
import json
import ssl
import sys
from email import policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, out, cert, key = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]


class Sink:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("rebota"):
            return "550 5.1.1 Mailbox does not exist"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        record = {"from": envelope.mail_from, "to": envelope.rcpt_tos, "subject": str(message["subject"]),
                  "from_header": str(message["from"]), "body": message.get_content(),
                  "tls": session.ssl is not None, "authenticated": bool(session.authenticated)}
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"encuestas" and auth_data.password == b"clave-smtp"
    return AuthResult(success=ok)


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(Sink(), hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
                        authenticator=authenticator, auth_require_tls=True)
controller.start()
print("READY", flush=True)
sys.stdin.read()
controller.stop()
