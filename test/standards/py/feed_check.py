"""Parses a feed on stdin with python3-feedparser and prints what the tests assert as JSON."""
import json
import sys

import feedparser

# The Content-Type the server sent (argv[1]): feedparser picks JSON Feed from it, as a reader would.
headers = {"content-type": sys.argv[1]} if len(sys.argv) > 1 else {}
d = feedparser.parse(sys.stdin.buffer.read(), response_headers=headers)
feed = d.get("feed", {})
print(json.dumps({
    "bozo": d.get("bozo"),
    "bozo_exception": str(d.get("bozo_exception")) if d.get("bozo") else None,
    "version": d.get("version"),
    "language": feed.get("language"),
    "author": feed.get("author"),
    "title": feed.get("title"),
    "entries": [{
        "id": e.get("id"),
        "title": e.get("title"),
        "link": e.get("link"),
        "updated": e.get("updated"),
        "author": e.get("author"),
    } for e in d.get("entries", [])],
}))
