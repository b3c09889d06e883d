"""The clean stage: raw input (text or HTML) in, the article text every later stage reads out.

`clean()` and its result `CleanArticle` live in `article.py`; the modules beside it do one job
each: `html` (page to text, with trafilatura), `html_offsets` (text offsets back into the page),
`tracked` (text edits that keep an offset map), `boilerplate`, `repair` (pasted-text repairs),
`header` (a pasted page's headline, byline and date lines) and `language`.
"""

from summarizer.clean.article import CleanArticle, clean

__all__ = ["CleanArticle", "clean"]
