#!/usr/bin/env python3
"""Trunk post-build step: makes the staged build a strict-CSP, offline-ready PWA.

1. Adds the start-up script for the wasm that build_wasm.py wrote, as a file, so the
   Content-Security-Policy needs no 'unsafe-inline' (no inline script, no inline event handler).
   When the app cannot load, the script turns index.html's loading message into a French error.
2. Computes a build version from the contents of every file, writes it into index.html
   (<meta name="app-build">) and, with the list of every file to precache, into sw.js.

Run by trunk with TRUNK_STAGING_DIR set, or by hand: postbuild.py DIR.
"""

import hashlib
import json
import os
import re
import sys

BINARY = "border-diagnostic"

# Shown in place of the loading message when the app cannot load (index.html, #app-loading).
LOAD_FAILED_MESSAGE = (
    "L'application n'a pas pu se charger (connexion coupée ?). Les données déjà enregistrées "
    "restent sur cet appareil. Vérifiez la connexion, puis rechargez la page."
)


def write_start_script(directory: str, public_url: str) -> None:
    """Starts the app from the `pkg-<hash>/` folder build_wasm.py wrote: preloads the glue and
    the main wasm, then a start-up module (a file, for the CSP) initialises them."""
    packages = [name for name in os.listdir(directory) if name.startswith("pkg-")]
    if len(packages) != 1:
        sys.exit(f"postbuild: expected one pkg-* folder from build_wasm.py, found {packages}")
    base = f"{public_url}{packages[0]}/"
    glue, wasm = f"{base}{BINARY}.js", f"{base}{BINARY}_bg.wasm"
    code = (
        "let bindings, wasm;\n"
        "try {\n"
        f"  bindings = await import('{glue}');\n"
        f"  wasm = await bindings.default({{ module_or_path: '{wasm}' }});\n"
        "} catch (error) {\n"
        "  // The app's files could not be fetched or started: say so where the loading message was.\n"
        "  const message = document.querySelector('#app-loading .app-loading__message');\n"
        "  if (message) {\n"
        f"    message.textContent = {json.dumps(LOAD_FAILED_MESSAGE, ensure_ascii=False)};\n"
        "    message.classList.add('app-loading__message--failed');\n"
        "    message.setAttribute('role', 'alert');\n"
        "  }\n"
        "  throw error;\n"
        "}\n"
        "window.wasmBindings = bindings;\n"
        "// Same event as trunk's own start-up script: the benchmark reads the wasm memory from it.\n"
        'dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));\n'
    )
    name = f"boot-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
        f.write(code)
    index_path = os.path.join(directory, "index.html")
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    # The glue imports the chunk loader: preload both modules and the main wasm at once.
    preload = (
        f'<link rel="modulepreload" href="{glue}">\n'
        f'<link rel="modulepreload" href="{base}__wasm_split.js">\n'
        f'<link rel="preload" href="{wasm}" as="fetch" type="application/wasm" crossorigin="">\n'
    )
    html = html.replace("</head>", preload + "</head>", 1)
    html = html.replace("</body>", f'<script type="module" src="{public_url}{name}"></script>\n</body>', 1)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)


def build_files(directory: str) -> list[str]:
    files = []
    for root, _, names in os.walk(directory):
        for name in names:
            relative = os.path.relpath(os.path.join(root, name), directory).replace(os.sep, "/")
            if relative != "sw.js":
                files.append(relative)
    return sorted(files)


def stamp_version(directory: str) -> str:
    digest = hashlib.sha256()
    for relative in build_files(directory):
        digest.update(relative.encode())
        with open(os.path.join(directory, relative), "rb") as f:
            content = f.read()
        if relative == "index.html":
            content = re.sub(rb'<meta name="app-build"[^>]*>', b"", content)
        digest.update(content)
    version = digest.hexdigest()[:16]

    index_path = os.path.join(directory, "index.html")
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    html = re.sub(r'\s*<meta name="app-build"[^>]*>', "", html)
    html = html.replace("<head>", f'<head>\n  <meta name="app-build" content="{version}">', 1)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)

    sw_path = os.path.join(directory, "sw.js")
    with open(sw_path, encoding="utf-8") as f:
        sw = f.read()
    precache = ", ".join(f'"{path}"' for path in ["./"] + build_files(directory))
    sw = re.sub(r"const VERSION = '[^']*';", f"const VERSION = '{version}';", sw, count=1)
    sw = re.sub(r"const PRECACHE = \[.*?\];", f"const PRECACHE = [{precache}];", sw, count=1, flags=re.S)
    with open(sw_path, "w", encoding="utf-8") as f:
        f.write(sw)
    return version


def main() -> None:
    directory = sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"]
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    write_start_script(directory, public_url)
    version = stamp_version(directory)
    print(f"postbuild: build {version}, {len(build_files(directory))} files precached")


if __name__ == "__main__":
    main()
