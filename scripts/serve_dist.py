#!/usr/bin/env python3
"""Serves a built dist/ folder like a static host would, for local use and the end-to-end tests.

- `.wasm` as application/wasm, `.webmanifest` as application/manifest+json;
- any in-app address without a file (e.g. /diagnostic/<id>) answers with index.html, so deep links
  work after a reload;
- `--base /diagnostic/` serves the app under a sub-path, as a deployment there would;
- sw.js and index.html are sent with `Cache-Control: no-cache` so updates are seen.
"""

import argparse
import functools
import http.server
import os
import posixpath
import sys
import urllib.parse


class AppHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".webmanifest": "application/manifest+json",
        ".js": "text/javascript",
        ".svg": "image/svg+xml",
    }

    def __init__(self, *args, base="/", **kwargs):
        self.base = base
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # quiet: tests read their own output
        pass

    def end_headers(self):
        path = urllib.parse.urlsplit(self.path).path
        if path.endswith("sw.js") or path.endswith(".html") or path.endswith("/") or "." not in posixpath.basename(path):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):
        self.route()
        super().do_GET()

    def do_HEAD(self):
        self.route()
        super().do_HEAD()

    def route(self):
        # Always answer in full: http.server's If-Modified-Since check compares whole seconds,
        # which hides a new build copied within the same second (as the update tests do).
        del self.headers["If-Modified-Since"]
        parts = urllib.parse.urlsplit(self.path)
        path = parts.path
        if not path.startswith(self.base):
            if path + "/" == self.base:
                path = self.base
            else:
                return  # outside the app: 404 from the file lookup below
        relative = path[len(self.base):]
        local = os.path.join(self.directory, *[p for p in relative.split("/") if p not in ("", ".", "..")])
        if not os.path.isfile(local) and "." not in posixpath.basename(relative):
            relative = "index.html"  # an in-app address: the app shell answers
        self.path = "/" + relative + (("?" + parts.query) if parts.query else "")


class AppServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closes a page mid-answer (tests do it on purpose) is not an error.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--base", default="/", help="sub-path the app is served under, e.g. /diagnostic/")
    args = parser.parse_args()
    base = "/" + args.base.strip("/") + "/" if args.base.strip("/") else "/"
    handler = functools.partial(AppHandler, directory=os.path.abspath(args.directory), base=base)
    server = AppServer((args.host, args.port), handler)
    print(f"Serving {args.directory} on http://{args.host}:{args.port}{base}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
