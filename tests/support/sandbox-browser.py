#!/usr/bin/env python3
"""A stand-in for the system browser in tests: `BROWSER=sandbox-browser.py insights-admin --sign-in`.

Opens the authorize URL, fills in the insights-sandbox sign-in form with the demo account, posts it, and
follows the redirect to the app's loopback listener, as a person would in a browser. Forks so that the
app's browser launch returns at once, as it does for a real browser.
"""
import html.parser
import os
import sys
import urllib.parse
import urllib.request


class FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.action = None
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.action = attrs.get("action")
        elif tag == "input" and attrs.get("type") == "hidden":
            self.fields[attrs["name"]] = attrs.get("value", "")


def main(url):
    with urllib.request.urlopen(url, timeout=30) as page:
        parser = FormParser()
        parser.feed(page.read().decode("utf-8"))
    fields = dict(parser.fields)
    fields.update(username=os.environ.get("SANDBOX_USER", "admin@contoso.example"),
                  password=os.environ.get("SANDBOX_PASSWORD", "sandbox"),
                  consent=os.environ.get("SANDBOX_CONSENT", "accept"))
    action = urllib.parse.urljoin(url, parser.action or url)
    # urllib follows the 302 to the loopback redirect with a GET, as a browser does.
    with urllib.request.urlopen(action, data=urllib.parse.urlencode(fields).encode(), timeout=30) as done:
        done.read()


if __name__ == "__main__":
    if os.fork() == 0:
        try:
            main(sys.argv[1])
        except Exception as error:  # noqa: BLE001 - a browser shows errors, it does not crash the app
            print(f"sandbox-browser: {error}", file=sys.stderr)
        os._exit(0)
