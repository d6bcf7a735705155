"""Turning an organisation into what its public page, vCard and JSON-LD show."""

import json

from django.utils.safestring import SafeString, mark_safe

from jarjestokartta.directory.models import Organization

SCHEMA_TYPES = {"foundation": "Organization", "public_body": "GovernmentOrganization"}


def masked_email(address: str) -> dict[str, str]:
    """An address split so that the page never holds "user@domain" as one string.

    The page shows "user (at) domain"; a small script joins it into a link for people.
    """
    user, _, domain = address.partition("@")
    return {"user": user, "domain": domain}


def json_ld(org: Organization, url: str) -> SafeString:
    """schema.org JSON-LD, safe to put inside a <script> element."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(org.classification, "NGO")
        if org.classification in {"association", "foundation", "public_body"}
        else "Organization",
        "@id": url,
        "name": org.name,
        "url": url,
    }
    alternates = [n.name for n in org.other_names.all()]
    if alternates:
        data["alternateName"] = alternates
    if org.abstract:
        data["description"] = org.abstract
    if org.founding_date:
        data["foundingDate"] = org.founding_date
    if org.dissolution_date:
        data["dissolutionDate"] = org.dissolution_date
    identifiers = [
        {"@type": "PropertyValue", "propertyID": i.scheme, "value": i.identifier}
        for i in org.identifiers.all()
    ]
    if identifiers:
        data["identifier"] = identifiers
    phones = [c.value for c in org.contact_details.all() if c.type == "phone"]
    if phones:
        data["telephone"] = phones[0]
    addresses = [c.value for c in org.contact_details.all() if c.type == "address"]
    if addresses:
        data["address"] = addresses[0]
    if org.area_id:
        data["location"] = {"@type": "Place", "name": org.area.name}
    if org.parent_id:
        data["parentOrganization"] = {"@type": "Organization", "name": org.parent.name}
    text = json.dumps(data, ensure_ascii=False)
    # "</script>" inside a string would end the element early.
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e"))


def _vcard_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def vcard(org: Organization, url: str) -> str:
    """A vCard 3.0 of the organisation's public contact details."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", "KIND:org"]
    lines.append(f"FN:{_vcard_escape(org.name)}")
    lines.append(f"ORG:{_vcard_escape(org.name)}")
    for contact in org.contact_details.all():
        if contact.type == "email":
            lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_escape(contact.value)}")
        elif contact.type == "phone":
            lines.append(f"TEL;TYPE=WORK,VOICE:{_vcard_escape(contact.value)}")
        elif contact.type == "address":
            lines.append(f"ADR;TYPE=WORK:;;{_vcard_escape(contact.value)};;;;")
    lines.append(f"URL:{url}")
    for link in org.links.all():
        lines.append(f"URL:{_vcard_escape(link.url)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
