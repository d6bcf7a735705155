"""allauth's adapter with the service's own name in its mails.

Without django.contrib.sites allauth names the site by the request's host, and a mail said
"Kiitos, kun käytät 127.0.0.1 palvelua!".
"""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter

SITE_NAME = "Järjestökartta"


@dataclass(frozen=True)
class NamedSite:
    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        site = context.get("current_site")
        domain = getattr(site, "domain", "") if site is not None else ""
        super().send_mail(
            template_prefix, email, {**context, "current_site": NamedSite(SITE_NAME, domain)}
        )


def user_display(user) -> str:
    """A user as the pages and mails name them: by the e-mail address they log in with (the
    username is generated and means nothing to them)."""
    return user.email or user.get_username()
