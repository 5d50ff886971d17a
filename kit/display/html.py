"""Safe HTML from the kit's Markdown-lite text (question prompts, feedback, exercises)."""
from __future__ import annotations

import html
import re

__all__ = ["markdown_html", "encodable"]


def encodable(text: str) -> str:
    """``text`` with lone surrogates (from a broken file or a bad copy) as U+FFFD, so it can be sent as UTF-8.

    >>> encodable("a\\ud800b").encode("utf-8")
    b'a\\xef\\xbf\\xbdb'
    """
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def markdown_html(text: str) -> str:
    """Markdown-lite to safe HTML: everything escaped, then **bold**, *italic*, `code`, paragraphs.

    >>> markdown_html('Is **this** <script>x</script> `code`?')
    '<p>Is <strong>this</strong> &lt;script&gt;x&lt;/script&gt; <code>code</code>?</p>'
    """
    out = []
    for para in re.split(r"\n\s*\n", str(text).strip()):
        p = html.escape(" ".join(para.split()), quote=False)
        p = re.sub(r"`([^`]+)`", r"<code>\1</code>", p)
        p = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", p)
        p = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"<em>\1</em>", p)
        out.append(f"<p>{p}</p>")
    return encodable("".join(out))
