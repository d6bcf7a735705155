"""'Ilmoita korjaus': anyone, with or without an account, tells the coordinator what is wrong
on a public page. Kept from spam three ways, none of which bothers a person: a field that only
robots fill in, a signed time that rejects forms sent within seconds of loading (or a day
later), and at most a few reports an hour from one address."""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from jarjestokartta.core.addresses import site_root
from jarjestokartta.directory.models import Organization
from jarjestokartta.editing import services
from jarjestokartta.roles.permissions import Action, require

_SALT = "jarjestokartta.editing.correction"
FASTEST_SECONDS = 3
SLOWEST_SECONDS = 86400
PER_HOUR = 5


class CorrectionForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("What should be corrected?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("E.g. a new address, a changed meeting time, a missing service."),
    )
    email = forms.EmailField(
        label=gettext_lazy("Your e-mail address (optional)"),
        required=False,
        help_text=gettext_lazy("Only if you want to hear what was done; it is not published."),
    )
    # Hidden from people by CSS and from assistive technology; robots fill in every field.
    website = forms.CharField(required=False, label=gettext_lazy("Leave this empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("website"):
            raise forms.ValidationError(_("The report could not be sent."), code="spam")
        problem = age_problem(cleaned.get("started", ""))
        if problem == "stale":
            raise forms.ValidationError(_("The form has expired; send it again."), code="stale")
        if problem == "fast":
            raise forms.ValidationError(
                _("That was quick! Check the text and send it again."), code="fast"
            )
        return cleaned


def age_problem(token: str) -> str | None:
    """'stale' for a form over a day old (or a forged time), 'fast' for one sent within
    seconds of loading, which people do not do."""
    signer = signing.TimestampSigner(salt=_SALT)
    try:
        signer.unsign(token, max_age=SLOWEST_SECONDS)
    except signing.BadSignature:  # SignatureExpired is one
        return "stale"
    try:
        signer.unsign(token, max_age=FASTEST_SECONDS)
    except signing.SignatureExpired:
        return None
    return "fast"


def started_now() -> str:
    return signing.TimestampSigner(salt=_SALT).sign("correction")


@require_http_methods(["GET", "POST"])
def correction(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organization, slug=slug)
    require(request.user, Action.PROPOSE_CORRECTION, org)
    form = CorrectionForm(request.POST or None, initial={"started": started_now()})
    if request.method == "POST" and form.is_valid():
        address = request.META.get("REMOTE_ADDR", "")
        count_key = f"jk-corrections:{address}"
        sent = cache.get(count_key, 0)
        if sent >= PER_HOUR:
            form.add_error(None, _("Too many reports from your address; try again in an hour."))
        else:
            cache.set(count_key, sent + 1, 3600)
            services.correction_submit(
                organization=org,
                message=form.cleaned_data["message"],
                email=form.cleaned_data["email"],
                user=request.user,
                base_url=site_root(request),
            )
            messages.success(request, _("Thank you! The coordinator will look at your report."))
            return redirect(org)
    if form.is_bound:
        form.data = form.data.copy()
        form.data["started"] = started_now()
    return render(request, "editing/correction.html", {"org": org, "form": form})
