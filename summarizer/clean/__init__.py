"""The clean stage: raw input (text or HTML) in, the article text every later stage reads out.

`clean()` and its result `CleanArticle` live in `article.py`; the modules beside it do one job
each: `html` (page to text, with trafilatura), `fallback` (recall-mode trafilatura, then
readability-lxml, when that finds no body; script-notice pages refused),
`html_offsets` (text offsets back into the page),
`tracked` (text edits that keep an offset map), `boilerplate`, `repair` (pasted-text repairs),
`header` (a pasted page's headline, byline and date lines) and `language` (py3langid, Unicode
word counts).
"""

from summarizer.clean.article import CleanArticle, clean

__all__ = ["CleanArticle", "clean"]
