"""Filling in the edit form as a browser would: what the page shows, with some fields changed."""

import re
from html import unescape


def form_fields(html: str) -> dict[str, str | list[str]]:
    """The values the edit page's form would send untouched (text, selects, checkboxes)."""
    form = html[html.index('class="edit-form"') :]  # the organisation's or an event's form
    form = form[: form.index("</form>")]
    data: dict[str, str | list[str]] = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        kind = kind.group(1) if kind else "text"
        if kind in ("checkbox", "radio"):
            if " checked" in tag:
                data.setdefault(name.group(1), []).append(
                    unescape(value.group(1)) if value else "on"
                )  # type: ignore[union-attr]
            continue
        data[name.group(1)] = unescape(value.group(1)) if value else ""
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        data[name] = unescape(body).lstrip("\n")
    for tag, name, body in re.findall(
        r'(<select[^>]*name="([^"]+)"[^>]*>)(.*?)</select>', form, re.S
    ):
        chosen = [unescape(v) for v in re.findall(r'<option value="([^"]*)"[^>]*selected', body)]
        if " multiple" in tag:
            if chosen:  # a browser sends nothing for a multiple choice left empty
                data[name] = chosen
        else:
            data[name] = chosen[0] if chosen else ""
    return data


def edit(client, org, **changes) -> tuple[dict, object]:
    """Open the edit page, change the given fields, preview; returns the data and the
    preview's response."""
    page = client.get(f"/jarjestot/{org.slug}/muokkaa/")
    assert page.status_code == 200, page.status_code
    data = form_fields(page.content.decode())
    data.update(changes)
    return data, client.post(f"/jarjestot/{org.slug}/muokkaa/", data)


def send(client, org, preview_response) -> object:
    """Follow the preview and press its button."""
    location = preview_response["Location"]
    preview = client.get(location)
    assert preview.status_code == 200
    draft = location.split("luonnos=")[1]
    return client.post(f"/jarjestot/{org.slug}/muokkaa/lahetys/", {"luonnos": draft})
