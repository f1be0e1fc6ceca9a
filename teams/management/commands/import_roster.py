"""Import a roster (or village list) from the command line: large provincial files, scripts.

    manage.py import_roster FILE --scope CODE [--dry-run] [--kind villages] [--skip-sheet NAME ...]
                            [--column "Ấp=village" ...]

CODE is a commune (5 digits) or province (2 digits) code: rows outside it are errors, as for an
officer of that unit. Prints the same summary and errors as the admin preview; exits non-zero
when nothing was imported. A sheet without a header row blocks the import, as in the admin,
unless it is named with --skip-sheet; so does a column whose header is not recognised but whose
values look like a field's, until --column says what it holds ("Ấp=village", or "Ghi chú=" for
not imported), the same mapping the admin preview takes. The summary is printed in Vietnamese
(the language of the files), whatever language the process had active before.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from places.models import Commune, Province
from places.scopes import Scope
from rosters import kinds
from rosters.choices import choices_for, parse_option
from rosters.headers import BLOCKING
from rosters.importing import import_file, plan_file


class Command(BaseCommand):
    help = "Import a team roster or village list (XLSX, XLS, ODS, CSV), all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--scope", required=True, help="commune (5 digits) or province (2 digits) code")
        parser.add_argument(
            "--kind", choices=sorted(kind.name for kind in kinds.officer_kinds()), default="roster"
        )
        parser.add_argument("--dry-run", action="store_true", help="preview only: write nothing")
        parser.add_argument(
            "--skip-sheet",
            action="append",
            default=[],
            metavar="NAME",
            help="leave out this sheet, which has no header row (repeat for several)",
        )
        parser.add_argument(
            "--column",
            action="append",
            default=[],
            metavar="HEADER=FIELD",
            help='what an unrecognised column holds: "Ấp=village", "Ghi chú=" for not imported (repeat)',
        )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._import(**options)

    def _import(self, *, file, scope, kind, dry_run, skip_sheet, column, **options):
        self.verbosity = options["verbosity"]
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            chosen = dict(parse_option(text, kinds.get(kind)) for text in column)
        except ValueError as error:
            raise CommandError(str(error)) from None
        data = path.read_bytes()
        unit_scope = self._scope(scope)
        choices = choices_for(unit_scope, kind, chosen)
        if dry_run:
            plan = plan_file(data, path.name, unit_scope, kind, self._progress, skip_sheet, choices)
        else:
            plan = import_file(data, path.name, unit_scope, None, kind, self._progress, skip_sheet, choices)
        self._print(plan.summary())
        if not plan.ok:
            raise CommandError("Nothing was imported: fix the rows above and run again.")
        if dry_run:
            raise CommandError("Dry run: nothing was imported.")
        self.stdout.write(self.style.SUCCESS("Imported."))

    def _scope(self, code):
        if len(code) == 5 and Commune.objects.filter(pk=code).exists():
            return Scope(communes=frozenset([code]))
        if len(code) == 2 and Province.objects.filter(pk=code).exists():
            return Scope(provinces=frozenset([code]))
        raise CommandError(f"--scope {code} is neither a commune nor a province code")

    def _progress(self, done, total):
        if self.verbosity > 1:
            self.stderr.write(f"{done}/{total}")

    def _print(self, summary):
        if summary["file_error"]:
            self.stdout.write(summary["file_error"])
            return
        for sheet in summary["sheets"]:
            self.stdout.write(
                f"{sheet['name']}: new {sheet['new']}, updated {sheet['updated']}, unchanged "
                f"{sheet['unchanged']}, skipped {sheet['skipped']}, errors {sheet['errors']}"
            )
            for note in sheet["notes"]:
                self.stdout.write(f"  {note}")
            for column in sheet["columns"]:
                header = column["header"] or column["key"]
                if column["state"] == BLOCKING:
                    self.stdout.write(
                        f"  {column['letter']} ({header}): looks like {column['field']}, say what it "
                        f'holds: --column "{header}={column["field"]}" or --column "{header}="'
                    )
        if "villages_new" in summary:
            self.stdout.write(f"villages new {summary['villages_new']}, teams new {summary['teams_new']}")
        for error in summary["errors"]:
            self.stdout.write(f"{error['sheet']} row {error['row']} {error['column']}: {error['message']}")
        for warning in summary["warnings"]:
            self.stdout.write(f"{warning['sheet']} row {warning['row']}: {warning['message']}")
        for row in summary["skipped_rows"]:
            self.stdout.write(f"{row['sheet']} row {row['row']} skipped: {row['message']}")
