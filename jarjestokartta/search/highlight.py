"""Marking the words of a text that match a query, for the result list."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from jarjestokartta.search import analysis


def shorten(text: str, length: int = 280) -> str:
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:–- ") + " …"


def highlight(text: str, terms: frozenset[str]) -> SafeString:
    """The text, escaped, with words whose analysis meets the query terms in <mark>."""
    if not text:
        return mark_safe("")
    pieces: list[str] = []
    position = 0
    for match in analysis.WORD.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        word = match.group()
        if terms and analysis.analyze_word(analysis.CASE_ENDING.sub("", word)).terms & terms:
            pieces.append(f"<mark>{escape(word)}</mark>")
        else:
            pieces.append(escape(word))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))
