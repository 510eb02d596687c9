#!/usr/bin/env python3
"""Writes junk-10mb.json: 10 MiB of pseudo-random bytes, over the 5 MiB import limit.

Too big to commit; the Playwright test runs this before importing the bad-bundle corpus:
    python3 tests/bundles/make_junk.py [output directory, default tests/bundles/bad]
The expected message is listed in tests/bundles/bad/expected.json ("trop volumineux").
"""

import pathlib
import sys

SIZE = 10 * 1024 * 1024


def junk(size: int) -> bytes:
    # Same linear congruential generator as domain/tests/bundle_corpus.rs.
    state = 12345
    out = bytearray(size)
    for index in range(size):
        state = (state * 1103515245 + 12345) & 0xFFFFFFFF
        out[index] = (state >> 16) & 0xFF
    return bytes(out)


def main() -> None:
    directory = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "bad")
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / "junk-10mb.json"
    target.write_bytes(junk(SIZE))
    print(f"{target} ({SIZE} octets)")


if __name__ == "__main__":
    main()
