from django import forms
from django.utils.translation import gettext_lazy as _

from jarjestokartta.roles.models import EditorRequest


class EditorRequestForm(forms.ModelForm):
    class Meta:
        model = EditorRequest
        fields = ["position", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reply = forms.CharField(
        label=_("Message to the person"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent with the decision; required when you reject, so that they know why."),
    )

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "reject" and not cleaned.get("reply", "").strip():
            self.add_error("reply", _("Tell the person why the request was rejected."))
        return cleaned

    @property
    def approves(self) -> bool:
        return self.cleaned_data["decision"] == "approve"


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The invitation is valid for 14 days; only this address can accept it."),
    )
