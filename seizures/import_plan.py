"""What an import will do (the preview) and doing it (all of it in one transaction, or nothing).

``start_import`` reads the file into an ``ImportBatch`` (nothing else is written);
``plan`` compares its cells with the database as it is now: values to add, values to
change, problems by row and column, and values that need a person's confirmation;
``apply`` locks the tables, plans again and writes everything or nothing.
"""

import hashlib
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from . import import_cells, reading, trend_import
from .entry import ensure_columns
from .models import Country, ImportBatch, Measure, SeizureValue
from .numbers import ASK, COMMA_DECIMAL, POINT_DECIMAL, grouped, read_number
from .validation import outlier_flag

UPDATED_FIELDS = (
    "value",
    "decimals",
    "period_months",
    "footnote",
    "source",
    "flag",
    "flag_comment",
    "entered_by",
    "entered_at",
)


def start_import(upload, user, country=None, number_format=ASK):
    """Read ``upload`` into a pending ImportBatch. Raises ``reading.ImportRefused`` if unreadable."""
    sheets = reading.read_upload(upload)
    batch = ImportBatch(
        filename=(upload.name or "")[:255],
        country=country,
        number_format=number_format,
        uploaded_by=user,
        summary={"sheets": sheets, "answers": {}},
    )
    prepare(batch)
    found = batch.summary
    if not batch.layout and len(sheets) == 1:
        raise reading.ImportRefused(found["problems"][0]["message"])
    if batch.layout in ("table", "wide") and country is None:
        raise reading.ImportRefused(_("The file is in a table's layout: choose its country."), field="country")
    if not batch.rows and not found["problems"] and not found["questions"] and not found["skipped"]:
        raise reading.ImportRefused(_("The file has a header but no values."))
    batch.country = None if batch.layout == "long" else country
    batch.save()
    return batch


def prepare(batch):
    """Read the batch's chosen sheet again with its answers: its cells, problems, questions (not saved).

    Called at upload and after each answer in the preview, so an answer (a sheet, a year,
    a measure, the number format) applies to the whole file at once.
    """
    summary = batch.summary
    sheets, answers = summary["sheets"], summary.get("answers", {})
    names = list(sheets)
    questions = []
    sheet = answers.get("sheet") if answers.get("sheet") in sheets else None
    if sheet is None and len(names) > 1:
        questions.append(
            {
                "name": "sheet",
                "label": _("The workbook has several sheets: which one holds the table?"),
                "choices": [(name, name) for name in names],
            }
        )
        sheet = names[0]
    found = import_cells.read(sheets[sheet or names[0]], batch.country, answers, batch.number_format)
    batch.layout = found.layout
    batch.kind = found.kind
    batch.rows = found.cells
    batch.summary = {
        **summary,
        "problems": found.problems,
        "questions": questions + found.questions,
        "read_as": found.read_as + (_(", a reported trend table (↑ ↓ ↔ •)") if found.kind == "trends" else ""),
        "format_note": found.format_note,
        "title": found.title,
        "source": found.source,
        "footnotes": found.footnotes,
        "skipped": found.skipped,
        "legend": found.legend,
        "sheet": sheet or "",
    }
    return batch


def answer(batch, data):
    """Keep the answers ``data`` gives to the batch's open questions (choices only) and read the file again."""
    answers = dict(batch.summary.get("answers", {}))
    for question in batch.summary.get("questions", []):
        given = data.get(f"answer-{question['name']}")
        if given in {value for value, _label in question["choices"]}:
            answers[question["name"]] = given
    if data.get("answer-number_format") in (POINT_DECIMAL, COMMA_DECIMAL):  # file-wide, asked or not yet
        answers["number_format"] = data["answer-number_format"]
    if data.get("number_format") in (POINT_DECIMAL, COMMA_DECIMAL, ASK):
        batch.number_format = data["number_format"]
        answers.pop("number_format", None)
    batch.summary = {**batch.summary, "answers": answers}
    prepare(batch)
    batch.save(update_fields=["layout", "kind", "rows", "summary", "number_format"])
    return batch


@dataclass
class Plan:
    additions: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    unchanged: int = 0
    problems: list = field(default_factory=list)
    flags: list = field(default_factory=list)  # items of additions/changes that need confirmation
    ready: list = field(default_factory=list)  # (cell, value) to write
    already: bool = False  # the batch was imported by an earlier confirmation
    questions: list = field(default_factory=list)  # to answer in the preview before anything is imported

    @property
    def ok(self):
        return not self.problems and not self.questions

    @property
    def work(self):
        return len(self.additions) + len(self.changes)

    @property
    def version(self):
        """A fingerprint of what the plan would write (each value with the value it replaces).

        The preview posts it back with the confirmation; ``apply`` compares it with the plan
        recomputed under the lock, so a confirmation never writes what the person did not see.
        """
        seen = sorted(
            f"{item['key']}:{item['before']}:{item['value']}:{item['months']}" for item in self.additions + self.changes
        )
        return hashlib.sha256("|".join(seen).encode()).hexdigest()[:32]


def key_of(cell):
    return f"{cell['country']}-{cell['measure']}-{cell['year']}"


def plan(batch):
    """Compare the batch's cells with the database now; see ``Plan``.

    While questions are open nothing is previewed as a value: the plan keeps only the
    problems (not those of numbers the number-format question will settle).
    """
    result = _compare(batch)
    if result.questions:
        asked_format = any(q["name"] == "number_format" for q in result.questions)
        problems = [p for p in result.problems if not (asked_format and p.get("ambiguous"))]
        return Plan(problems=problems, questions=result.questions)
    return result


def _compare(batch):
    result = Plan(problems=list(batch.summary.get("problems", [])), questions=list(batch.summary.get("questions", [])))
    if batch.kind == ImportBatch.Kind.TRENDS:
        return trend_import.plan_trends(batch, result)
    cells = batch.rows
    country_ids = {cell["country"] for cell in cells}
    existing = {
        (v.country_id, v.measure_id, v.year): v for v in SeizureValue.objects.filter(country_id__in=country_ids)
    }
    names = {c.pk: c.name for c in Country.objects.filter(pk__in=country_ids)}
    labels = {m.pk: m.label for m in Measure.objects.filter(pk__in={cell["measure"] for cell in cells})}
    proposed = []
    for cell in cells:
        where = {"row": cell["row"], "col": cell["col"]}
        if cell["formula"]:
            result.problems.append(
                {
                    **where,
                    "message": _("“%(text)s” is a formula; it is not calculated. Type the value.")
                    % {"text": cell["text"][:60]},
                }
            )
            continue
        number = read_number(cell["text"], cell.get("convention") or (POINT_DECIMAL if cell["number"] else ASK))
        if number.error:
            result.problems.append({**where, "message": number.error})
            continue
        if number.ambiguous:
            first, second = (grouped(c, thousands="\u202f") for c in number.choices)
            result.problems.append(
                {
                    **where,
                    "message": _(
                        "“%(text)s” could be %(first)s or %(second)s: choose the file's number format, "
                        "or write the value without doubt."
                    )
                    % {"text": cell["text"], "first": first, "second": second},
                    "ambiguous": True,
                }
            )
            continue
        before = existing.get((cell["country"], cell["measure"], cell["year"]))
        value = number.value
        if before is None and value is None:
            continue
        if before is not None and before.value == value and before.period_months == cell["months"]:
            result.unchanged += 1
            continue
        item = {
            **where,
            "key": key_of(cell),
            "country": names.get(cell["country"], ""),
            "measure": labels.get(cell["measure"], ""),
            "year": cell["year"],
            "months": cell["months"],
            "before": None if before is None else before.value,
            "before_text": "" if before is None else grouped(before.value),
            "value": value,
            "text": grouped(value, decimals=cell.get("decimals")),
            "flag": "",
        }
        (result.additions if before is None else result.changes).append(item)
        proposed.append((cell, value, item))
    # Flags: each new value against its series as it will be (database plus this file).
    series = {}
    for (country, measure, year), v in existing.items():
        series.setdefault((country, measure), {})[year] = v.value
    for cell, value, _item in proposed:
        series.setdefault((cell["country"], cell["measure"]), {})[cell["year"]] = value
    for cell, value, item in proposed:
        reasons = (cell.get("note", ""), outlier_flag(value, series[(cell["country"], cell["measure"])], cell["year"]))
        item["flag"] = " ".join(reason for reason in reasons if reason)
        if item["flag"]:
            result.flags.append(item)
        result.ready.append((cell, value))
    result.problems.sort(key=lambda p: (p["row"], p["col"]))
    return result


def unconfirmed(result, data):
    """The flagged items of ``result`` that ``data`` (the posted form) does not confirm with a comment."""
    return [
        item
        for item in result.flags
        if not data.get(f"confirm-{item['key']}") or not data.get(f"comment-{item['key']}", "").strip()
    ]


class NotApplied(Exception):
    """The import cannot be applied as it stands; ``plan`` holds what is wrong.

    ``stale`` is True when the tables changed since the preview (another import or an
    edit): ``plan`` then says what the file would change now, to be confirmed again.
    """

    def __init__(self, result, stale=False):
        super().__init__("import not applied")
        self.plan = result
        self.stale = stale


@transaction.atomic
def apply(batch_id, data, user):
    """Lock the batch's tables, plan again and write all of it in one transaction; returns the Plan applied.

    The countries' rows are locked (``select_for_update``, in id order) *before* the plan
    is recomputed, so two confirmations into one table run one after the other and the
    second plans against the first one's result. ``data["plan_version"]`` must be the
    ``Plan.version`` the person saw; if the tables changed since, NotApplied with
    ``stale=True`` carries the new plan. Raises NotApplied (nothing written) if the batch
    has problems or a flagged value is not confirmed with a comment. Confirming a batch
    that is already imported changes nothing and returns a Plan with ``already=True``.
    """
    batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
    if batch.state == ImportBatch.State.APPLIED:
        return Plan(already=True)
    if batch.state != ImportBatch.State.PENDING:
        raise NotApplied(Plan(problems=[{"row": "", "col": "", "message": _("This import is already closed.")}]))
    country_ids = sorted({cell["country"] for cell in batch.rows})
    list(Country.objects.select_for_update().filter(pk__in=country_ids).order_by("pk").values_list("pk", flat=True))
    result = plan(batch)
    if result.ok and result.work and data.get("plan_version") != result.version:
        raise NotApplied(result, stale=True)
    if not result.ok or unconfirmed(result, data) or not result.work:
        raise NotApplied(result)
    if batch.kind == ImportBatch.Kind.TRENDS:
        trend_import.apply_trends(batch, result, user)
        return _close(batch, result)
    comments = {item["key"]: data.get(f"comment-{item['key']}", "").strip() for item in result.flags}
    flags = {item["key"]: item["flag"] for item in result.flags}
    existing = {
        (v.country_id, v.measure_id, v.year): v
        for v in SeizureValue.objects.select_for_update().filter(country_id__in=country_ids)
    }
    sources = dict(Country.objects.filter(pk__in=country_ids).values_list("pk", "source"))
    now = timezone.now()
    new, changed = [], []
    for cell, value in result.ready:
        key = key_of(cell)
        item = existing.get((cell["country"], cell["measure"], cell["year"]))
        if item is None:
            item = SeizureValue(country_id=cell["country"], measure_id=cell["measure"], year=cell["year"])
            new.append(item)
        else:
            changed.append(item)
        item.value = value
        item.decimals = cell.get("decimals")
        item.period_months = cell["months"]
        item.footnote = cell["footnote"] or item.footnote
        item.source = cell["source"] or item.source or sources.get(cell["country"], "")
        item.flag = flags.get(key, "")
        item.flag_comment = comments.get(key, "")
        item.entered_by = user
        item.entered_at = now
    bulk_create_with_history(new, SeizureValue, batch_size=500, default_user=user, default_date=now)
    _update_rows(changed, UPDATED_FIELDS)
    SeizureValue.history.bulk_history_create(changed, update=True, default_user=user, default_date=now)
    for country_id in country_ids:
        ensure_columns(
            Country(pk=country_id), sorted({c["measure"] for c, _v in result.ready if c["country"] == country_id})
        )
    _keep_table_notes(batch, data)
    return _close(batch, result)


def _close(batch, result):
    batch.state = ImportBatch.State.APPLIED
    batch.applied_at = timezone.now()
    batch.summary = {**batch.summary, "added": len(result.additions), "changed": len(result.changes)}
    batch.save(update_fields=["state", "applied_at", "summary"])
    return result


TABLE_NOTES = {"title": "table_title", "source": "source", "footnotes": "footnotes"}


def _keep_table_notes(batch, data):
    """The title, source and footnotes read around the table, where the person ticked “use” in the preview."""
    if batch.country_id is None:
        return
    chosen = {field: batch.summary.get(key, "") for key, field in TABLE_NOTES.items() if data.get(f"use-{key}")}
    chosen = {field: text[:200] if field == "table_title" else text for field, text in chosen.items() if text}
    if chosen:
        Country.objects.filter(pk=batch.country_id).update(**chosen)


def _update_rows(items, names):
    """UPDATE each of ``items`` with one prepared statement run many times.

    Django's ``bulk_update`` builds a CASE expression per field and row in Python, which
    took over 5 s for 2,000 values; this takes a fraction of that on SQLite and PostgreSQL.
    """
    if not items:
        return
    meta = SeizureValue._meta
    fields = [meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    # Only quoted names from the model's own meta are formatted in; every value is a parameter.
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608
    rows = [
        [field.get_db_prep_save(getattr(item, field.attname), connection) for field in fields] + [item.pk]
        for item in items
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
