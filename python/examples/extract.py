"""The five-line example of the README: one page, then a folder of pages in parallel."""

import sys
from pathlib import Path

import pith

page = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus/html/megamenu-before-and-after.html")
article = pith.extract(page.read_bytes(), url="https://example.com/" + page.name)
print(article.title, article.published, article.language, sep=" | ")
print(article.markdown()[:300])

pages = [p.read_bytes() for p in sorted(page.parent.glob("*.html"))]
for result in pith.extract_many(pages, jobs=2)[:5]:
    print(result.error or result.title)
