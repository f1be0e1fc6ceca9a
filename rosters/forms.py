"""The upload forms: one spreadsheet within the size limit, and for officers, what it holds."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rosters import kinds


class SheetForm(forms.Form):
    """One spreadsheet, within the upload limit (the team area's import of a team's logs uses it too)."""

    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("XLSX, XLS, ODS (LibreOffice) or CSV (UTF-8 or Windows-1258)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls,.xlsb,.ods,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.ROSTER_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB: split it into several files.")
                % {"limit": settings.ROSTER_MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload


class UploadForm(SheetForm):
    kind = forms.ChoiceField(label=gettext_lazy("What the file holds"), choices=kinds.choices)
    field_order = ["kind", "file"]
